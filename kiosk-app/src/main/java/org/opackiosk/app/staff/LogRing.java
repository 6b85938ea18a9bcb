package org.opackiosk.app.staff;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.opackiosk.core.privacy.CardNumbers;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's last log lines in memory, for the staff dashboard's log section: a logback appender with a ring of
 * {@value #CAPACITY} lines. Card numbers are masked by the code that logs them; here every run of six or more digits
 * (with a Codabar start/stop letter around it) is masked once more, so a line that slipped through is still not shown
 * whole on a shared screen. Thread-safe: logging threads add, the UI thread reads a copy.
 */
public final class LogRing extends AppenderBase<ILoggingEvent> {

    public static final int CAPACITY = 200;
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9])[A-Da-d]?\\d{6,}[A-Da-d]?(?![A-Za-z0-9])");

    /** One line as staff see it. */
    public record Line(Instant at, Level level, String logger, String message) {
        public Line {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(logger, "logger");
            Objects.requireNonNull(message, "message");
        }
    }

    private final Deque<Line> lines = new ArrayDeque<>(CAPACITY);

    /** Starts a ring and adds it to the root logger of the running logback (the composition root calls this once). */
    public static LogRing installOnRootLogger() {
        LogRing ring = new LogRing();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ring.setContext(root.getLoggerContext());
        ring.setName("STAFF_RING");
        ring.start();
        root.addAppender(ring);
        return ring;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            message = message + " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")";
        }
        String logger = event.getLoggerName();
        Line line = new Line(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel(),
                logger.substring(logger.lastIndexOf('.') + 1), mask(message));
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** The lines kept, oldest first. */
    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    static String mask(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(CardNumbers.mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}

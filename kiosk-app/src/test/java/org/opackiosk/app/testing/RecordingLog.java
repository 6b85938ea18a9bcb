package org.opackiosk.app.testing;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every event logged during a test, from the root logger: what a test searches for a card number, a password or a
 * name that must not be there. A field with {@code @RegisterExtension}; registered after TestFX's
 * {@code ApplicationExtension} (on the class), it listens from the end of {@code @Start} to the end of the test.
 * Not thread-safe: read it from the test once the kiosk has settled.
 */
public final class RecordingLog implements BeforeEachCallback, AfterEachCallback {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.start();
        root().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root().detachAppender(appender);
    }

    /** The events so far, oldest first. */
    public List<ILoggingEvent> events() {
        return appender.list;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}

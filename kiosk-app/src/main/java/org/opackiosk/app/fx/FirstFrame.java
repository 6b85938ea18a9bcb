package org.opackiosk.app.fx;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Scene;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once, how long after the process started the scene got its first pulse: its first frame
 * is laid out and drawn in that pulse. The start-up benchmark (docs/benchmarks.md) and the class-data
 * training in packaging/build-deb read this line; its wording is their contract.
 *
 * <p>FX thread only. The process's start comes from {@link ProcessHandle} (the kernel's start
 * time, 10 ms steps on Linux), so the figure includes the JVM's own start, as a patron waits for it.
 */
public final class FirstFrame {

    /** The start of the log line, followed by the milliseconds and " ms". */
    public static final String LOG_PREFIX = "First frame after ";

    private static final Logger LOG = LoggerFactory.getLogger(FirstFrame.class);

    private FirstFrame() {
    }

    /**
     * After the scene's first pulse: logs the time since the process started, then runs {@code afterwards}
     * (on the FX thread, once).
     */
    public static void report(Scene scene, Runnable afterwards) {
        report(scene, Instant::now, ProcessHandle.current().info().startInstant(), line -> LOG.info("{}", line), afterwards);
    }

    static void report(Scene scene, Supplier<Instant> now, Optional<Instant> processStart, Consumer<String> log,
                       Runnable afterwards) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (done.compareAndSet(false, true)) {
                log.accept(message(now.get(), processStart));
                // a pulse listener may not remove itself while the scene runs its listeners
                Platform.runLater(() -> scene.removePostLayoutPulseListener(self[0]));
                afterwards.run();
            }
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    static String message(Instant firstFrame, Optional<Instant> processStart) {
        return processStart
                .map(start -> LOG_PREFIX + Duration.between(start, firstFrame).toMillis() + " ms since the process started")
                .orElse(LOG_PREFIX + "an unknown time: the process's start time is not available");
    }
}

package org.opackiosk.core.platform;

import java.time.Duration;

/**
 * Runs work later or repeatedly. Real kiosks use a scheduled executor; tests use a manual scheduler
 * whose time they advance, so no test ever sleeps. Thread-safe.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, the first time after {@code period}. */
    Cancellable scheduleEvery(Duration period, Runnable task);

    /** Runs {@code task} as soon as possible on a worker thread (never the UI thread). */
    void execute(Runnable task);

    /** A scheduled task that can be called off; cancelling twice is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}

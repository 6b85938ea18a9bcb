package org.opackiosk.core.connectivity;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.opackiosk.core.device.Listeners;
import org.opackiosk.core.device.Subscription;
import org.opackiosk.core.platform.Scheduler;

/**
 * Whether the kiosk is waiting for the circulation server, for the status light's "working" (amber).
 * Every request {@linkplain #begin begins} and {@linkplain Request#close ends}; the kiosk counts as
 * busy only once a request has been in flight for {@link #DEFAULT_SHOW_AFTER} (a quick answer must
 * not make the lamp flicker), and stops being busy as soon as the last request ends.
 *
 * <p>Listeners hear {@code true} and {@code false} alternately, on the thread that noticed (the
 * scheduler's when a request has taken long enough, the request's own when it ends). Thread-safe.
 * See {@code docs/decisions/0024-working-light-from-requests-in-flight.md}.
 */
public final class RequestsInFlight {

    /** Below this, an answer is quick enough that the lamp stays as it was. */
    public static final Duration DEFAULT_SHOW_AFTER = Duration.ofMillis(300);

    private final Scheduler scheduler;
    private final Duration showAfter;
    private final Listeners<Boolean> listeners = new Listeners<>();
    private final Object lock = new Object();
    private int inFlight;
    private boolean busy;
    private Scheduler.Cancellable pending;

    public RequestsInFlight(Scheduler scheduler, Duration showAfter) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.showAfter = Objects.requireNonNull(showAfter, "showAfter");
        if (showAfter.isNegative()) {
            throw new IllegalArgumentException("showAfter must not be negative");
        }
    }

    public RequestsInFlight(Scheduler scheduler) {
        this(scheduler, DEFAULT_SHOW_AFTER);
    }

    /** One request to the server; closing it (once; a second close is harmless) says it has ended. */
    public interface Request extends AutoCloseable {
        @Override
        void close();
    }

    /** A request starts now; close what this returns when it has an answer or has failed. */
    public Request begin() {
        synchronized (lock) {
            inFlight++;
            if (inFlight == 1 && !busy) {
                pending = scheduler.schedule(showAfter, this::longEnough);
            }
        }
        return new Request() {
            private boolean ended;

            @Override
            public void close() {
                synchronized (lock) {
                    if (ended) {
                        return;
                    }
                    ended = true;
                }
                end();
            }
        };
    }

    /** Whether the kiosk shows it is working now. */
    public boolean busy() {
        synchronized (lock) {
            return busy;
        }
    }

    /** {@code listener} hears every change of {@link #busy()} from now on. */
    public Subscription addListener(Consumer<Boolean> listener) {
        return listeners.add(listener);
    }

    private void longEnough() {
        synchronized (lock) {
            pending = null;
            if (inFlight == 0 || busy) {
                return;
            }
            busy = true;
            // fired under the lock, so listeners hear true and false in the order they happened
            listeners.fire(true);
        }
    }

    private void end() {
        synchronized (lock) {
            inFlight--;
            if (inFlight > 0) {
                return;
            }
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            if (busy) {
                busy = false;
                listeners.fire(false);
            }
        }
    }
}

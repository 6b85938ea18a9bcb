package org.opackiosk.app.idle;

import java.time.Duration;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns the kiosk to its start when the patron has walked away. Every touch, key or scan
 * ({@link #userActivity()}) restarts the idle timer; when it runs out while a session is in progress
 * a visible countdown starts, and when that runs out too the session ends. A kiosk nobody has
 * touched since the last session shows no countdown: there is nothing to wipe.
 *
 * <p>All timing goes through the {@link Scheduler}; timer callbacks come back through the
 * {@link UiDispatcher}. UI thread only.
 */
public final class IdleViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(IdleViewModel.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Duration idleTimeout;
    private final int countdownSeconds;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final ObservableBooleanValue sessionInProgress;
    private final Runnable endSession;

    private final ReadOnlyBooleanWrapper countdownShown = new ReadOnlyBooleanWrapper(this, "countdownShown", false);
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(this, "secondsLeft");
    private Scheduler.Cancellable timer;
    // A timer callback may already be on its way to the UI thread when the timer is restarted;
    // only callbacks of the current generation count.
    private long generation;

    /**
     * @param sessionInProgress true while there is something of a patron's session to wipe
     * @param endSession        wipes the session and shows the attract screen
     */
    public IdleViewModel(UiSettings ui, Scheduler scheduler, UiDispatcher dispatcher,
                         ObservableBooleanValue sessionInProgress, Runnable endSession) {
        this.idleTimeout = Objects.requireNonNull(ui, "ui").idleTimeout();
        this.countdownSeconds = (int) Math.max(1, (ui.countdown().toMillis() + 999) / 1000);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.sessionInProgress = Objects.requireNonNull(sessionInProgress, "sessionInProgress");
        this.endSession = Objects.requireNonNull(endSession, "endSession");
        secondsLeft.set(countdownSeconds);
    }

    /** Someone touched the screen, pressed a key or scanned: they are still here. */
    public void userActivity() {
        countdownShown.set(false);
        restartIdleTimer();
    }

    /** The patron pressed Continue on the countdown. */
    public void continueSession() {
        userActivity();
    }

    /** Stops all timers (the kiosk is shutting down). */
    public void stop() {
        generation++;
        cancelTimer();
        countdownShown.set(false);
    }

    private void restartIdleTimer() {
        cancelTimer();
        long current = ++generation;
        timer = scheduler.schedule(idleTimeout, () -> dispatcher.dispatch(() -> {
            if (current == generation) {
                idleTimeoutElapsed();
            }
        }));
    }

    private void idleTimeoutElapsed() {
        timer = null;
        if (!sessionInProgress.get()) {
            return;
        }
        LOG.debug("No activity for {}; counting down {} s", idleTimeout, countdownSeconds);
        secondsLeft.set(countdownSeconds);
        countdownShown.set(true);
        long current = generation;
        timer = scheduler.scheduleEvery(TICK, () -> dispatcher.dispatch(() -> {
            if (current == generation) {
                tick();
            }
        }));
    }

    private void tick() {
        int left = secondsLeft.get() - 1;
        if (left > 0) {
            secondsLeft.set(left);
            return;
        }
        generation++;
        cancelTimer();
        countdownShown.set(false);
        secondsLeft.set(countdownSeconds);
        LOG.info("Session ended after {} without activity", idleTimeout.plusSeconds(countdownSeconds));
        endSession.run();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    public ReadOnlyBooleanProperty countdownShownProperty() {
        return countdownShown.getReadOnlyProperty();
    }

    /** Seconds until the session ends, while the countdown is shown. */
    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }
}

package org.opackiosk.app.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.platform.ManualScheduler;

class IdleViewModelTest {

    private static final UiSettings SETTINGS =
            new UiSettings(Locale.JAPANESE, Duration.ofSeconds(60), Duration.ofSeconds(15), UiSettings.TextSize.NORMAL);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimpleBooleanProperty sessionInProgress = new SimpleBooleanProperty(true);
    private final AtomicInteger sessionsEnded = new AtomicInteger();
    private final IdleViewModel idle =
            new IdleViewModel(SETTINGS, scheduler, Runnable::run, sessionInProgress, sessionsEnded::incrementAndGet);

    @Test
    void theCountdownStartsAfterTheIdleTimeout() {
        idle.userActivity();

        scheduler.advance(Duration.ofSeconds(59));
        assertThat(idle.countdownShownProperty().get()).isFalse();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(idle.countdownShownProperty().get()).isTrue();
        assertThat(idle.secondsLeftProperty().get()).isEqualTo(15);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(idle.secondsLeftProperty().get()).isEqualTo(14);
    }

    @Test
    void theSessionEndsOnceWhenTheCountdownRunsOut() {
        idle.userActivity();

        scheduler.advance(Duration.ofSeconds(60 + 14));
        assertThat(sessionsEnded).hasValue(0);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(sessionsEnded).hasValue(1);
        assertThat(idle.countdownShownProperty().get()).isFalse();
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(sessionsEnded).hasValue(1);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void continuingHidesTheCountdownAndStartsTheIdleTimerAgain() {
        idle.userActivity();
        scheduler.advance(Duration.ofSeconds(65));

        idle.continueSession();

        assertThat(idle.countdownShownProperty().get()).isFalse();
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(idle.countdownShownProperty().get()).isFalse();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(idle.countdownShownProperty().get()).isTrue();
        assertThat(idle.secondsLeftProperty().get()).isEqualTo(15);
        assertThat(sessionsEnded).hasValue(0);
    }

    @Test
    void everyActivityPostponesTheCountdown() {
        idle.userActivity();
        scheduler.advance(Duration.ofSeconds(50));

        idle.userActivity();
        scheduler.advance(Duration.ofSeconds(50));

        assertThat(idle.countdownShownProperty().get()).isFalse();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(idle.countdownShownProperty().get()).isTrue();
    }

    @Test
    void aKioskNobodyIsUsingShowsNoCountdown() {
        sessionInProgress.set(false);
        idle.userActivity();

        scheduler.advance(Duration.ofMinutes(5));

        assertThat(idle.countdownShownProperty().get()).isFalse();
        assertThat(sessionsEnded).hasValue(0);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void stoppingCancelsEveryTimer() {
        idle.userActivity();
        scheduler.advance(Duration.ofSeconds(61));

        idle.stop();

        assertThat(idle.countdownShownProperty().get()).isFalse();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(sessionsEnded).hasValue(0);
    }
}

package org.opackiosk.app.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.platform.ManualScheduler;

class FxWatchdogTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> sent = new ArrayList<>();
    private final List<Runnable> fxQueue = new ArrayList<>();

    private FxWatchdog watchdog(Map<String, String> env) {
        return FxWatchdog.fromEnvironment(env, assignments -> sent.addAll(List.of(assignments)), scheduler, fxQueue::add)
                .orElseThrow();
    }

    private void fxThreadRunsWhatWasPosted() {
        List<Runnable> posted = List.copyOf(fxQueue);
        fxQueue.clear();
        posted.forEach(Runnable::run);
    }

    private static final Map<String, String> SYSTEMD = Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "60000000");

    @Test
    void notifiesFourTimesPerWatchdogPeriodWhileTheFxThreadAnswers() {
        // given systemd's WatchdogSec=60
        FxWatchdog w = watchdog(SYSTEMD);
        w.start();

        // when a minute passes and the FX thread runs its queue after every tick
        for (int i = 0; i < 4; i++) {
            scheduler.advance(Duration.ofSeconds(15));
            fxThreadRunsWhatWasPosted();
        }

        // then
        assertThat(w.tick()).isEqualTo(Duration.ofSeconds(15));
        assertThat(sent).containsExactly("WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1");
    }

    @Test
    void aHungFxThreadStopsTheNotificationsAndAnAnsweringOneResumesThem() {
        // given a watchdog that notified once and posted its probe
        FxWatchdog w = watchdog(SYSTEMD);
        w.start();
        scheduler.advance(Duration.ofSeconds(15));
        assertThat(sent).hasSize(1);

        // when the FX thread runs nothing for a whole watchdog period
        scheduler.advance(Duration.ofSeconds(60));

        // then nothing more was sent, and no second probe piled up behind the first
        assertThat(sent).hasSize(1);
        assertThat(fxQueue).hasSize(1);

        // and when the FX thread catches up, the next tick notifies again
        fxThreadRunsWhatWasPosted();
        scheduler.advance(Duration.ofSeconds(15));
        assertThat(sent).hasSize(2);
    }

    @Test
    void closingStopsTheTicks() {
        FxWatchdog w = watchdog(SYSTEMD);
        w.start();

        w.close();
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(sent).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void thereIsNoWatchdogOutsideSystemdOrWithoutWatchdogSec() {
        assertThat(FxWatchdog.fromEnvironment(Map.of(), a -> { }, scheduler, fxQueue::add)).isEmpty();
        assertThat(FxWatchdog.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), a -> { }, scheduler, fxQueue::add)).isEmpty();
        assertThat(FxWatchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "60000000"), a -> { }, scheduler, fxQueue::add)).isEmpty();
        assertThat(FxWatchdog.fromEnvironment(Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "zero"), a -> { }, scheduler, fxQueue::add)).isEmpty();
    }

    @Test
    void aVeryShortWatchdogPeriodStillTicksAtMostOncePerSecond() {
        FxWatchdog w = watchdog(Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "2000000"));

        assertThat(w.tick()).isEqualTo(Duration.ofSeconds(1));
    }
}

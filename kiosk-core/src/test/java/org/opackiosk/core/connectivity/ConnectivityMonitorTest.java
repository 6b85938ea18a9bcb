package org.opackiosk.core.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.platform.ManualScheduler;

class ConnectivityMonitorTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicBoolean serverAnswers = new AtomicBoolean(true);
    private final AtomicInteger probes = new AtomicInteger();
    private final ConnectivityMonitor monitor = new ConnectivityMonitor(() -> {
        probes.incrementAndGet();
        return serverAnswers.get();
    }, scheduler, Duration.ofSeconds(30));
    private final List<ConnectionState> heard = new ArrayList<>();

    private void online() {
        monitor.addListener(heard::add);
        monitor.start();
        assertThat(monitor.state()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    void startsCheckingAndTheFirstProbeDecides() {
        monitor.addListener(heard::add);
        serverAnswers.set(false);

        monitor.start();

        assertThat(heard).containsExactly(ConnectionState.CHECKING, ConnectionState.OFFLINE);
    }

    @Test
    void oneFailedRequestDoesNotMakeTheKioskOffline() {
        // given
        online();
        int before = probes.get();

        // when: one request fails, but the confirming probe gets an answer
        monitor.requestFailed();

        // then
        assertThat(monitor.state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(probes.get()).isEqualTo(before + 1);
        assertThat(heard).containsExactly(ConnectionState.CHECKING, ConnectionState.ONLINE);
    }

    @Test
    void aFailedRequestConfirmedByAFailedProbeMakesItOffline() {
        online();
        serverAnswers.set(false);

        monitor.report(CallResult.unreachable("connection reset"));

        assertThat(monitor.state()).isEqualTo(ConnectionState.OFFLINE);
    }

    @Test
    void anAnsweredRequestEvenARefusalIsGoodNews() {
        serverAnswers.set(false);
        monitor.start();
        assertThat(monitor.state()).isEqualTo(ConnectionState.OFFLINE);

        monitor.report(CallResult.refused(new Refusal("too_many_reserves", "refusal.too_many_reserves")));

        assertThat(monitor.state()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    void oneFailedProbeAloneIsRetriedAtOnceBeforeTheStateChanges() {
        online();
        AtomicInteger answers = new AtomicInteger();
        ConnectivityMonitor flaky = new ConnectivityMonitor(() -> answers.incrementAndGet() != 2, scheduler,
                Duration.ofSeconds(30));
        flaky.probeNow();
        List<ConnectionState> flakyHeard = new ArrayList<>();
        flaky.addListener(flakyHeard::add);

        flaky.probeNow(); // fails once, the immediate retry answers

        assertThat(flakyHeard).containsExactly(ConnectionState.ONLINE);
    }

    @Test
    void aReturningServerIsNoticedWithinTenSeconds() {
        // given
        online();
        serverAnswers.set(false);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(monitor.state()).isEqualTo(ConnectionState.OFFLINE);

        // when
        serverAnswers.set(true);
        scheduler.advance(Duration.ofSeconds(10));

        // then
        assertThat(monitor.state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(heard).containsExactly(ConnectionState.CHECKING, ConnectionState.ONLINE, ConnectionState.OFFLINE,
                ConnectionState.ONLINE);
    }

    @Test
    void whileOnlineTheProbeRunsEveryIntervalNotEveryRecoveryTick() {
        online();
        int before = probes.get();

        scheduler.advance(Duration.ofSeconds(29));
        assertThat(probes.get()).isEqualTo(before);

        scheduler.advance(Duration.ofSeconds(1));
        assertThat(probes.get()).isEqualTo(before + 1);
    }

    @Test
    void realRequestsThatSucceedMakeTheProbeUnnecessary() {
        online();
        int before = probes.get();

        for (int s = 0; s < 60; s += 5) {
            monitor.requestSucceeded();
            scheduler.advance(Duration.ofSeconds(5));
        }

        assertThat(probes.get()).isEqualTo(before);
    }

    @Test
    void theRecoveryIntervalMayNotExceedTenSeconds() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConnectivityMonitor(() -> true, scheduler,
                Duration.ofSeconds(60), Duration.ofSeconds(11), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingStopsTheProbe() {
        online();
        monitor.close();
        int before = probes.get();

        scheduler.advance(Duration.ofMinutes(5));

        assertThat(probes.get()).isEqualTo(before);
    }
}

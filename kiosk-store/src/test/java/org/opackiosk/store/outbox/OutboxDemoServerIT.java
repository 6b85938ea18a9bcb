package org.opackiosk.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.ObservedCirculationService;
import org.opackiosk.core.outbox.Backoff;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.outbox.TestClock;
import org.opackiosk.core.platform.ManualScheduler;

/**
 * The H2 outbox and the replay use case with the real Koha client against the real demo server,
 * with faults injected by a wrapper of our own port: the classic lost reply (the server placed the
 * hold, the answer never came), a server that is down for a minute. The figures for
 * docs/benchmarks.md come from {@link OutboxBenchmark}; the faults of the network itself from {@link OutboxFaultIT}. Time is a test clock and a manual scheduler: nothing sleeps.
 */
class OutboxDemoServerIT {

    @TempDir
    static Path serverDir;

    static DemoLibrary library;

    @BeforeAll
    static void startServer() throws IOException {
        library = DemoLibrary.start(serverDir, 50);
    }

    @AfterAll
    static void stopServer() {
        library.close();
    }

    @TempDir
    Path state;

    private final TestClock clock = new TestClock(Instant.now());
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger dropReplies = new AtomicInteger();

    /** Our own port around the real client: "down" answers Unreachable without sending; "drop" sends, then loses the answer. */
    private CirculationService faulty() {
        CirculationService real = library.port;
        return (CirculationService) Proxy.newProxyInstance(CirculationService.class.getClassLoader(),
                new Class<?>[] {CirculationService.class}, (proxy, method, args) -> {
                    if (down.get() && method.getReturnType() == CallResult.class) {
                        return CallResult.unreachable("test: server down");
                    }
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("placeHold") && dropReplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return CallResult.ambiguous("test: the reply was dropped after the server acted");
                    }
                    return result;
                });
    }

    private record Kiosk(H2Outbox outbox, ConnectivityMonitor connectivity, ReplayService replay) implements AutoCloseable {
        @Override
        public void close() {
            replay.close();
            connectivity.close();
            outbox.close();
        }
    }

    private Kiosk kiosk() {
        ConnectivityMonitor connectivity = new ConnectivityMonitor(() -> !down.get() && library.port.reachable(), scheduler,
                Duration.ofSeconds(30));
        CirculationService port = new ObservedCirculationService(faulty(), connectivity);
        H2Outbox outbox = H2Outbox.open(state, clock);
        ReplayService replay = new ReplayService(outbox, port, connectivity, clock, scheduler,
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.5), ReplayService.DEFAULT_RETENTION);
        connectivity.start();
        replay.start();
        return new Kiosk(outbox, connectivity, replay);
    }

    private static Operation hold(String[] pair) {
        return Operation.PlaceHold.single(PatronRef.card(pair[0]), pair[1], "CEN");
    }

    private static long holdsOn(String[] pair) {
        return library.holds(pair[0]).stream().filter(h -> h.recordId().equals(pair[1])).count();
    }

    private void advance(Duration d) {
        clock.advance(d);
        scheduler.advance(d);
    }

    @Test
    void aReplyLostAfterTheServerPlacedTheHoldDoesNotMakeASecondHold() {
        try (Kiosk kiosk = kiosk()) {
            // given
            String[] pair = library.freshPair();
            OutboxEntry entry = kiosk.outbox().enqueue(hold(pair));
            dropReplies.set(1);

            // when
            kiosk.replay().replayNow();

            // then the hold exists, the kiosk does not know it
            assertThat(kiosk.outbox().find(entry.id()).orElseThrow().state()).isEqualTo(OutboxState.SENDING);
            assertThat(holdsOn(pair)).isEqualTo(1);

            // when the retry comes
            advance(Duration.ofSeconds(5));

            // then it was reconciled, not re-sent
            OutboxEntry done = kiosk.outbox().find(entry.id()).orElseThrow();
            assertThat(done.state()).isEqualTo(OutboxState.DONE);
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(holdsOn(pair)).isEqualTo(1);
        }
    }

    @Test
    void aKioskRestartedWhileAnOperationWasSendingChecksBeforeSendingAgain() {
        String[] pair = library.freshPair();
        OutboxEntry entry;
        try (Kiosk kiosk = kiosk()) {
            entry = kiosk.outbox().enqueue(hold(pair));
            dropReplies.set(1);
            kiosk.replay().replayNow();
        }

        try (Kiosk restarted = kiosk()) {
            restarted.replay().replayNow();

            assertThat(restarted.outbox().find(entry.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
            assertThat(holdsOn(pair)).isEqualTo(1);
        }
    }

    @Test
    void aServerDownForAMinuteQueuesEverythingAndItAllArrivesInOrderWhenItReturns() {
        try (Kiosk kiosk = kiosk()) {
            // given the server goes away; the next probe (every 30 s while online) notices
            down.set(true);
            advance(Duration.ofSeconds(30));
            assertThat(kiosk.connectivity().state()).isEqualTo(ConnectionState.OFFLINE);
            List<String[]> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String[] pair = library.freshPair();
                queued.add(pair);
                kiosk.outbox().enqueue(hold(pair));
                kiosk.replay().requestReplay();
            }
            advance(Duration.ofSeconds(30));
            assertThat(kiosk.outbox().countOpen()).isEqualTo(5);

            // when it returns, the monitor notices within its recovery interval and replay starts
            down.set(false);
            advance(Duration.ofSeconds(10));

            // then
            assertThat(kiosk.connectivity().state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(kiosk.outbox().countOpen()).isZero();
            assertThat(kiosk.outbox().list()).allSatisfy(e -> assertThat(e.state()).isEqualTo(OutboxState.DONE));
            assertThat(queued).allSatisfy(pair -> assertThat(holdsOn(pair)).isEqualTo(1));
        } finally {
            down.set(false);
        }
    }
}

package org.opackiosk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.platform.ManualScheduler;

/**
 * A fuzz test of replay: random interleavings of saving operations, passes, clock jumps (forward
 * and back), lost replies, lost requests, unreachable servers, failing reads and kiosk deaths
 * before and after the server acted (followed by a fresh replayer on the same outbox). Whatever
 * happens, once the faults stop every operation reaches the server exactly once, in sequence order.
 * Seeds are fixed so a failure repeats; {@code -Doutbox.fuzz.seeds=N} runs more.
 */
class ReplayOrderingPropertyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T05:05:00Z");

    static Stream<Long> seeds() {
        int n = Integer.getInteger("outbox.fuzz.seeds", 300);
        return IntStream.range(0, n).mapToObj(i -> 7919L * i + 17);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyOperationReachesTheServerExactlyOnceInSequenceOrder(long seed) {
        Random random = new Random(seed);
        TestClock clock = new TestClock(T0);
        ManualScheduler scheduler = new ManualScheduler();
        FakeLibraryServer server = new FakeLibraryServer();
        List<PatronId> patrons = List.of(server.addPatron("01000001", true), server.addPatron("01000002", false),
                server.addPatron("01000003", true));
        ConnectivityMonitor connectivity = new ConnectivityMonitor(() -> true, scheduler, Duration.ofSeconds(30));
        connectivity.probeNow();
        InMemoryOutbox outbox = new InMemoryOutbox(clock);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random::nextDouble);
        ReplayService[] replay = {new ReplayService(outbox, server, connectivity, clock, scheduler, backoff,
                Duration.ofDays(365))};
        List<String> expected = new ArrayList<>();
        int records = 0;
        FakeLibraryServer.Fault[] faults = FakeLibraryServer.Fault.values();

        int steps = 20 + random.nextInt(80);
        for (int step = 0; step < steps; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    int p = random.nextInt(patrons.size());
                    String record = String.valueOf(100 + records++);
                    PatronRef who = random.nextBoolean() ? PatronRef.card("0100000" + (p + 1)) : PatronRef.id(patrons.get(p));
                    outbox.enqueue(Operation.PlaceHold.single(who, record, "CEN"));
                    expected.add("place " + patrons.get(p) + " " + record);
                }
                case 2 -> server.failNextMutations(faults[random.nextInt(faults.length)]);
                case 3 -> {
                    if (random.nextInt(4) == 0) {
                        server.failNextReads(1 + random.nextInt(2));
                    }
                    Duration jump = Duration.ofSeconds(random.nextInt(120));
                    if (random.nextInt(10) == 0) {
                        clock.set(clock.instant().minus(Duration.ofDays(1)));
                    } else {
                        clock.advance(jump);
                        survive(replay, () -> scheduler.advance(jump), outbox, server, connectivity, clock, scheduler, backoff);
                    }
                }
                default -> survive(replay, () -> replay[0].replayNow(), outbox, server, connectivity, clock, scheduler,
                        backoff);
            }
        }

        // the faults stop; time passes; the queue drains
        server.clearFaults();
        for (int i = 0; i < 10 && outbox.countOpen() > 0; i++) {
            clock.advance(Duration.ofMinutes(2));
            scheduler.advance(Duration.ofMinutes(2));
            replay[0].replayNow();
        }

        assertThat(outbox.countOpen()).as("open after draining").isZero();
        replay[0].close();
        assertThat(outbox.list()).allSatisfy(e -> assertThat(e.state()).isEqualTo(OutboxState.DONE));
        assertThat(server.effects()).as("server effects, seed %d", seed).containsExactlyElementsOf(expected);
    }

    /** Runs {@code step}; when the simulated kiosk dies in it, a new replayer starts on what the outbox kept. */
    private static void survive(ReplayService[] replay, Runnable step, InMemoryOutbox outbox, FakeLibraryServer server,
                                ConnectivityMonitor connectivity, TestClock clock, ManualScheduler scheduler,
                                Backoff backoff) {
        try {
            step.run();
        } catch (FakeLibraryServer.KioskDied died) {
            replay[0].close();
            replay[0] = new ReplayService(outbox, server, connectivity, clock, scheduler, backoff, Duration.ofDays(365));
        }
    }
}

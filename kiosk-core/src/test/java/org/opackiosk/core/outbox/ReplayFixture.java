package org.opackiosk.core.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.platform.ManualScheduler;

/**
 * The replay on fakes, for its tests and those of the use cases built on it: a test clock at {@link #T0}, a manual
 * scheduler, a {@link FakeLibraryServer} whose probe a test can make fail, an in-memory outbox, and real elapsed
 * time that moves only with {@link #advance}. Nothing sleeps.
 */
abstract class ReplayFixture {

    static final Instant T0 = Instant.parse("2026-11-23T05:05:00Z");

    final TestClock clock = new TestClock(T0);
    final ManualScheduler scheduler = new ManualScheduler();
    final FakeLibraryServer server = new FakeLibraryServer();
    final AtomicBoolean probeAnswers = new AtomicBoolean(true);
    final ConnectivityMonitor connectivity = new ConnectivityMonitor(probeAnswers::get, scheduler, Duration.ofSeconds(30));
    final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    // full jitter at its top: delays are the whole ceiling, easy to reason about
    final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.999_999);
    // real elapsed time: moves with advance(), not when a test sets the wall clock
    private final AtomicLong elapsedNanos = new AtomicLong();
    final ReplayService replay = new ReplayService(outbox, server, connectivity, clock, scheduler, backoff,
            ReplayService.DEFAULT_RETENTION, elapsedNanos::get);

    /** Real time passes: the wall clock, the elapsed time and the scheduler move together. */
    void advance(Duration d) {
        clock.advance(d);
        elapsedNanos.addAndGet(d.toNanos());
        scheduler.advance(d);
    }
}

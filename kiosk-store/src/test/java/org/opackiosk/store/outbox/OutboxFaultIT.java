package org.opackiosk.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.ObservedCirculationService;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.outbox.Backoff;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.platform.ManualScheduler;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.store.outbox.FaultProxy.Fault;

/**
 * The kiosk's offline machinery — the real Koha client over pinned HTTPS, the connectivity monitor, the
 * replay use case and the H2 outbox on a real file — against the real demo server, through a
 * {@link FaultProxy} that fails the network the ways it fails in a library: the server down for a
 * minute, a connection reset mid-request, stalls longer than the response timeout (before the server
 * got the request, and after it acted), the reply lost after the server acted, bursts of 503, the
 * kiosk's clock jumping a day either way, and a seeded storm of all of them on every route at once.
 *
 * <p>Each test ends by checking the server itself, through a direct client: every operation the outbox
 * accepted is on the server exactly once. Time is a mutable clock, a manual scheduler and a counter for
 * the monotonic clock; the only real waits are the kiosk's own response timeout during a stall (kept at
 * 3 s here, so that a loaded machine does not pass for a stall) and the Koha client's short retry backoff of reads.
 */
class OutboxFaultIT {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);
    private static final String PLACE_HOLD = "POST /api/v1/holds";

    @TempDir
    static Path serverDir;

    static DemoLibrary library;

    @BeforeAll
    static void startServer() throws IOException {
        library = DemoLibrary.start(serverDir, 200);
    }

    @AfterAll
    static void stopServer() {
        library.close();
    }

    @TempDir
    Path state;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneId.of("Asia/Tokyo"));
    private final AtomicLong monotonicNanos = new AtomicLong();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<OutboxEntry> accepted = new ArrayList<>();
    private FaultProxy proxy;
    private Kiosk kiosk;

    private record Kiosk(KohaCirculationService client, H2Outbox outbox, ConnectivityMonitor connectivity,
                         ReplayService replay) implements AutoCloseable {
        @Override
        public void close() {
            replay.close();
            connectivity.close();
            outbox.close();
            client.close();
        }
    }

    @BeforeEach
    void startKiosk() throws IOException {
        proxy = FaultProxy.start(library.identity(), library.server.baseUrl());
        kiosk = kiosk(RESPONSE_TIMEOUT);
    }

    /** The kiosk as KioskMain builds it, through the proxy, waiting {@code responseTimeout} for an answer. */
    private Kiosk kiosk(Duration responseTimeout) {
        KohaCirculationService client = new KohaCirculationService(
                library.settingsVia(proxy.baseUrl(), CONNECT_TIMEOUT, responseTimeout), clock);
        // as KioskMain: probe every 10 s while online, every 5 s while not
        ConnectivityMonitor connectivity = new ConnectivityMonitor(client::reachable, scheduler, Duration.ofSeconds(10));
        connectivity.addListener(states::add);
        H2Outbox outbox = H2Outbox.open(state, clock);
        ReplayService replay = new ReplayService(outbox, new ObservedCirculationService(client, connectivity), connectivity,
                clock, scheduler, new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.5),
                ReplayService.DEFAULT_RETENTION, monotonicNanos::get);
        connectivity.start();
        replay.start();
        assertThat(connectivity.state()).as("online through the proxy").isEqualTo(ConnectionState.ONLINE);
        return new Kiosk(client, outbox, connectivity, replay);
    }

    @AfterEach
    void stopKiosk() throws IOException {
        kiosk.close();
        proxy.close();
    }

    /** Real time passes: the wall clock, the monotonic clock and the scheduler move together. */
    private void advance(Duration d) {
        clock.advance(d);
        monotonicNanos.addAndGet(d.toNanos());
        scheduler.advance(d);
    }

    private OutboxEntry enqueueHold() {
        String[] pair = library.freshPair();
        OutboxEntry entry = kiosk.outbox().enqueue(Operation.PlaceHold.single(PatronRef.card(pair[0]), pair[1], "CEN"));
        accepted.add(entry);
        return entry;
    }

    private OutboxEntry now(OutboxEntry entry) {
        return kiosk.outbox().find(entry.id()).orElseThrow();
    }

    private static String card(OutboxEntry entry) {
        return ((PatronRef.Card) entry.operation().patron()).cardNumber();
    }

    private static String record(OutboxEntry entry) {
        return ((Operation.PlaceHold) entry.operation()).recordIds().getFirst();
    }

    /** Holds for the entry's patron and record on the server, counted through a client that bypasses the proxy. */
    private static List<Hold> onServer(OutboxEntry entry) {
        return library.holds(card(entry)).stream().filter(h -> h.recordId().equals(record(entry))).toList();
    }

    /** The end state on the server: every operation the outbox accepted is done, and there exactly once. */
    private void assertEveryAcceptedOperationIsOnTheServerExactlyOnce() {
        assertThat(kiosk.outbox().countOpen()).as("open entries, %s", proxy).isZero();
        for (OutboxEntry entry : accepted) {
            assertThat(now(entry).state()).as("#%d %s", entry.sequence(), proxy).isEqualTo(OutboxState.DONE);
            assertThat(onServer(entry)).as("holds for #%d", entry.sequence()).hasSize(1);
        }
    }

    @Test
    void aServerDownForAMinuteQueuesEverythingAndTheReturnIsNoticedWithinTenSeconds() throws IOException {
        // given the server goes down while the kiosk is online
        proxy.refuse();
        OutboxEntry first = enqueueHold();

        // when the first operation fails, the monitor checks at once and says offline
        kiosk.replay().replayNow();
        assertThat(kiosk.connectivity().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(now(first).state()).isEqualTo(OutboxState.PENDING);

        // and for a minute more operations are accepted while nothing reaches the server
        for (int second = 0; second < 60; second += 5) {
            enqueueHold();
            kiosk.replay().requestReplay();
            advance(Duration.ofSeconds(5));
        }
        assertThat(kiosk.outbox().countOpen()).isEqualTo(accepted.size()).isEqualTo(13);
        assertThat(accepted).allSatisfy(e -> assertThat(onServer(e)).isEmpty());
        assertThat(kiosk.connectivity().state()).isEqualTo(ConnectionState.OFFLINE);

        // when the server returns
        proxy.accept();
        Duration noticed = Duration.ZERO;
        while (kiosk.connectivity().state() != ConnectionState.ONLINE && noticed.compareTo(Duration.ofSeconds(30)) < 0) {
            advance(Duration.ofSeconds(1));
            noticed = noticed.plusSeconds(1);
        }

        // then it is noticed within 10 s and the whole queue is replayed, in order, once
        assertThat(noticed).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
        List<Integer> holdIdsInSequence = accepted.stream().sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .map(e -> Integer.parseInt(onServer(e).getFirst().holdId())).toList();
        assertThat(holdIdsInSequence).isSorted();
        assertThat(states).containsExactly(ConnectionState.CHECKING, ConnectionState.ONLINE, ConnectionState.OFFLINE,
                ConnectionState.ONLINE);
    }

    @Test
    void aConnectionResetMidRequestIsCheckedAndSentAgainOnceWithoutFlippingOffline() {
        // given
        proxy.inject(Fault.RESET_MID_REQUEST, 1, PLACE_HOLD);
        OutboxEntry entry = enqueueHold();

        // when
        kiosk.replay().replayNow();

        // then the kiosk cannot know whether the server got it: it stays SENDING, and nothing is on the server
        assertThat(proxy.applied()).hasSize(1);
        assertThat(now(entry).state()).isEqualTo(OutboxState.SENDING);
        assertThat(onServer(entry)).isEmpty();
        // one failed request is not an outage: the confirming probe got through
        assertThat(kiosk.connectivity().state()).isEqualTo(ConnectionState.ONLINE);

        // when the retry comes, the server is asked first, has nothing, and the hold is sent once more
        advance(Duration.ofSeconds(5));

        assertThat(now(entry).attempts()).isEqualTo(2);
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
        assertThat(states).doesNotContain(ConnectionState.OFFLINE);
    }

    @Test
    void aStallLongerThanTheTimeoutBeforeTheServerGotTheRequestIsCheckedAndSentAgainOnce() {
        proxy.inject(Fault.STALL_BEFORE_SERVER, 1, PLACE_HOLD);
        OutboxEntry entry = enqueueHold();

        kiosk.replay().replayNow();

        assertThat(now(entry).state()).isEqualTo(OutboxState.SENDING);
        assertThat(now(entry).lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("no answer"));
        assertThat(onServer(entry)).isEmpty();
        assertThat(kiosk.connectivity().state()).isEqualTo(ConnectionState.ONLINE);

        advance(Duration.ofSeconds(5));

        assertThat(now(entry).attempts()).isEqualTo(2);
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
    }

    @Test
    void aFiveSecondStallUnderTheDefaultTenSecondTimeoutSucceedsOnceWithoutARetry() {
        // given: the kiosk as configured by default (10 s to answer); the network holds the hold request 5 s
        kiosk.close();
        kiosk = kiosk(ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
        proxy.inject(Fault.DELAY_5S_BEFORE_SERVER, 1, PLACE_HOLD);
        OutboxEntry entry = enqueueHold();

        // when: really waits the 5 s: the network's behaviour is what is tested
        long started = System.nanoTime();
        kiosk.replay().replayNow();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then: slow, but answered: done at the first attempt, one hold, the kiosk never doubted the server
        assertThat(proxy.applied()).singleElement().asString().startsWith("DELAY_5S_BEFORE_SERVER " + PLACE_HOLD);
        assertThat(took).isGreaterThanOrEqualTo(FaultProxy.DELAY);
        assertThat(now(entry).state()).isEqualTo(OutboxState.DONE);
        assertThat(now(entry).attempts()).isEqualTo(1);
        assertThat(onServer(entry)).hasSize(1);
        assertThat(states).doesNotContain(ConnectionState.OFFLINE);
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
    }

    @Test
    void aReplyStalledPastTheTimeoutAfterTheServerActedIsReconciledNotSentAgain() {
        proxy.inject(Fault.STALL_AFTER_SERVER, 1, PLACE_HOLD);
        OutboxEntry entry = enqueueHold();

        kiosk.replay().replayNow();

        assertThat(now(entry).state()).isEqualTo(OutboxState.SENDING);
        assertThat(onServer(entry)).as("the server acted").hasSize(1);

        advance(Duration.ofSeconds(5));

        assertThat(now(entry).attempts()).as("found on the server, not sent again").isEqualTo(1);
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
        assertThat(states).doesNotContain(ConnectionState.OFFLINE);
    }

    @Test
    void aReplyDroppedAfterTheServerPlacedTheHoldDoesNotMakeASecondHold() {
        // given the classic lost reply, with another operation queued behind it
        proxy.inject(Fault.DROP_REPLY_AFTER_SERVER, 1, PLACE_HOLD);
        OutboxEntry lost = enqueueHold();
        OutboxEntry behind = enqueueHold();

        // when
        kiosk.replay().replayNow();

        // then the hold exists, the kiosk does not know it, and nothing overtakes it
        assertThat(now(lost).state()).isEqualTo(OutboxState.SENDING);
        assertThat(onServer(lost)).hasSize(1);
        assertThat(now(behind).state()).isEqualTo(OutboxState.PENDING);
        assertThat(onServer(behind)).isEmpty();

        // when the retry comes
        advance(Duration.ofSeconds(5));

        // then it was reconciled, not re-sent, and the one behind it followed
        assertThat(now(lost).attempts()).isEqualTo(1);
        assertThat(now(behind).attempts()).isEqualTo(1);
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
    }

    @Test
    void aBurstOf503sOnHoldsIsRetriedWithGrowingBackoffAndEverythingArrivesOnce() {
        // given the server answers "unavailable" to the next three hold requests
        proxy.inject(Fault.SERVICE_UNAVAILABLE, 3, PLACE_HOLD);
        OutboxEntry head = enqueueHold();
        enqueueHold();
        enqueueHold();

        // when
        kiosk.replay().replayNow();

        // then a 503 is "not processed": PENDING, not SENDING, and the kiosk stays online
        assertThat(now(head).state()).isEqualTo(OutboxState.PENDING);
        assertThat(now(head).lastError()).hasValueSatisfying(e -> assertThat(e).contains("503"));
        Duration firstWait = Duration.between(clock.instant(), now(head).nextAttemptAt());

        // when the retries come (half of 2 s, 4 s, 8 s with the test's jitter)
        advance(Duration.ofSeconds(1));
        Duration secondWait = Duration.between(clock.instant(), now(head).nextAttemptAt());
        advance(Duration.ofSeconds(2));
        advance(Duration.ofSeconds(4));

        // then
        assertThat(firstWait).isEqualTo(Duration.ofSeconds(1));
        assertThat(secondWait).isEqualTo(Duration.ofSeconds(2));
        assertThat(proxy.applied()).hasSize(3);
        assertThat(now(head).attempts()).isEqualTo(4);
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
        assertThat(states).doesNotContain(ConnectionState.OFFLINE);
    }

    @Test
    void a503OnEveryRouteIsAnOutageAndItsEndIsNoticedWithinTenSeconds() {
        // given every request, the probe's too, answered 503
        proxy.inject(Fault.SERVICE_UNAVAILABLE, Integer.MAX_VALUE, "");
        enqueueHold();

        // when the next probes come
        advance(Duration.ofSeconds(10));

        // then
        assertThat(kiosk.connectivity().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(kiosk.outbox().countOpen()).isEqualTo(1);

        // when the burst ends
        proxy.clear();
        advance(Duration.ofSeconds(10));

        assertThat(kiosk.connectivity().state()).isEqualTo(ConnectionState.ONLINE);
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
    }

    @Test
    void aSeededStormOfFaultsOnEveryRouteStillEndsWithEveryOperationOnTheServerExactlyOnce() {
        // given one request in five — probes, token, lookups, reconciliation reads and holds alike — reset,
        // answered 503, or answered and then lost (-Doutbox.faults.seed=N for another storm)
        long seed = Long.getLong("outbox.faults.seed", 7L);
        proxy.chaos(seed, 0.2, Fault.RESET_MID_REQUEST, Fault.SERVICE_UNAVAILABLE, Fault.DROP_REPLY_AFTER_SERVER);
        // whatever the seed, at least one hold's reply is lost after the server placed it
        proxy.inject(Fault.DROP_REPLY_AFTER_SERVER, 1, PLACE_HOLD);
        for (int i = 0; i < 15; i++) {
            enqueueHold();
            kiosk.replay().requestReplay();
        }

        // when the kiosk keeps going for up to ten minutes of its time
        Duration spent = Duration.ZERO;
        while (kiosk.outbox().countOpen() > 0 && spent.compareTo(Duration.ofMinutes(10)) < 0) {
            advance(Duration.ofSeconds(1));
            spent = spent.plusSeconds(1);
        }
        proxy.clear();

        // then
        System.out.printf("Fault storm (seed %d): %d faults over %d requests that reached the server, queue empty after %d s%n",
                seed, proxy.applied().size(), proxy.forwarded(), spent.toSeconds());
        assertThat(proxy.applied()).hasSizeGreaterThan(5);
        assertThat(proxy.applied()).anyMatch(f -> f.startsWith("DROP_REPLY_AFTER_SERVER " + PLACE_HOLD));
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
    }

    @Test
    void aClockSetBackADayNeitherStallsTheQueueNorPurgesAnything() {
        // given a done operation and one waiting for its retry after a reset
        OutboxEntry done = enqueueHold();
        kiosk.replay().replayNow();
        proxy.inject(Fault.RESET_MID_REQUEST, 1, PLACE_HOLD);
        OutboxEntry waiting = enqueueHold();
        kiosk.replay().replayNow();
        assertThat(now(waiting).state()).isEqualTo(OutboxState.SENDING);

        // when the clock is set back a day: the retry is "a day away" by the wall clock
        clock.advance(Duration.ofDays(-1));
        OutboxEntry later = enqueueHold();
        advance(Duration.ofSeconds(5));

        // then the queue did not stall, in sequence order although the later one looks a day older
        assertThat(later.createdAt()).isBefore(done.createdAt());
        assertThat(kiosk.outbox().list().stream().map(OutboxEntry::id)).containsExactly(done.id(), waiting.id(), later.id());
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();

        // and done entries go only after the retention period has really passed since they were made
        // (the probes stop here: a day of them every 10 s would cost half a minute and prove nothing more)
        kiosk.connectivity().close();
        advance(Duration.ofHours(23));
        kiosk.replay().replayNow();
        assertThat(kiosk.outbox().find(done.id())).isPresent();
        advance(Duration.ofDays(2));
        kiosk.replay().replayNow();
        assertThat(kiosk.outbox().list()).isEmpty();
    }

    @Test
    void aClockJumpedADayForwardSendsWhatIsDueAndPurgesNothingEarly() {
        // given a done operation and one waiting for its retry after a reset
        OutboxEntry done = enqueueHold();
        kiosk.replay().replayNow();
        proxy.inject(Fault.RESET_MID_REQUEST, 1, PLACE_HOLD);
        OutboxEntry waiting = enqueueHold();
        kiosk.replay().replayNow();

        // when the wall clock jumps a day ahead (a Pi setting its time late) while seconds pass
        clock.advance(Duration.ofDays(1));
        advance(Duration.ofSeconds(5));

        // then the waiting one is sent, and the done one — seconds old in real time — is kept
        assertEveryAcceptedOperationIsOnTheServerExactlyOnce();
        assertThat(kiosk.outbox().find(done.id())).isPresent();

        // and it is purged once it is really a day old (the probes stop: a day of them proves nothing more)
        kiosk.connectivity().close();
        advance(Duration.ofHours(23));
        kiosk.replay().replayNow();
        assertThat(kiosk.outbox().find(done.id())).isPresent();
        advance(Duration.ofHours(1).plusMinutes(1));
        kiosk.replay().replayNow();
        assertThat(kiosk.outbox().list()).isEmpty();
    }
}

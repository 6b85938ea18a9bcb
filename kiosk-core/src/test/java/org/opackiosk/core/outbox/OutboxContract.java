package org.opackiosk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.patron.PatronId;

/**
 * What every {@link Outbox} promises, run against each implementation (in memory and H2): extend
 * it and say how to open one. Implementations that survive a restart also override
 * {@link #reopen}; the contract then checks that every promise holds across it.
 */
public abstract class OutboxContract {

    protected static final Instant T0 = Instant.parse("2026-11-23T05:05:00Z");

    protected final TestClock clock = new TestClock(T0);
    protected Outbox outbox;

    /** A new, empty outbox on {@link #clock}. */
    protected abstract Outbox open();

    /** The same outbox after a restart: closes {@code current} and opens it again; in memory: itself. */
    protected Outbox reopen(Outbox current) {
        return current;
    }

    @BeforeEach
    void openOutbox() {
        outbox = open();
    }

    @AfterEach
    void closeOutbox() {
        outbox.close();
    }

    private static Operation hold(String card, String record) {
        return Operation.PlaceHold.single(PatronRef.card(card), record, "CEN");
    }

    private void restart() {
        outbox = reopen(outbox);
    }

    @Test
    void anEnqueuedOperationIsPendingDueNowWithAFreshIdAndTheNextSequenceNumber() {
        OutboxEntry first = outbox.enqueue(hold("01000001", "10"));
        clock.advance(Duration.ofSeconds(1));
        OutboxEntry second = outbox.enqueue(hold("01000002", "11"));

        restart();

        assertThat(outbox.find(first.id())).contains(first);
        assertThat(first.state()).isEqualTo(OutboxState.PENDING);
        assertThat(first.attempts()).isZero();
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.nextAttemptAt()).isEqualTo(T0);
        assertThat(first.lastError()).isEmpty();
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void everyKindOfOperationComesBackExactlyAsItWasSaved() {
        List<Operation> all = List.of(
                new Operation.PlaceHold(PatronRef.card("01000001"), List.of("10"), "CEN", Optional.empty()),
                new Operation.PlaceHold(PatronRef.id(new PatronId("7")), List.of("21", "22", "23"), "EAST",
                        Optional.of(ContactMethod.PHONE)),
                new Operation.CancelHold(PatronRef.id(new PatronId("7")), "501"),
                new Operation.ChangePickupLibrary(PatronRef.id(new PatronId("7")), "501", "WEST"),
                new Operation.ChangeContactMethod(PatronRef.id(new PatronId("7")), "501", ContactMethod.NONE),
                new Operation.DismissCancelledHold(PatronRef.id(new PatronId("7")), "502"),
                new Operation.RenewLoan(PatronRef.id(new PatronId("7")), "9001", LocalDate.of(2026, 12, 7)));
        List<UUID> ids = all.stream().map(op -> outbox.enqueue(op).id()).toList();

        restart();

        assertThat(ids.stream().map(id -> outbox.find(id).orElseThrow().operation()).toList()).isEqualTo(all);
        assertThat(outbox.list().stream().map(OutboxEntry::kind).toList())
                .containsOnly(OperationKind.values());
    }

    @Test
    void theHeadIsTheOpenEntryWithTheLowestSequenceNumber() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        OutboxEntry b = outbox.enqueue(hold("1", "11"));
        OutboxEntry c = outbox.enqueue(hold("1", "12"));
        assertThat(outbox.head()).map(OutboxEntry::id).contains(a.id());

        outbox.markSending(a.id());
        outbox.markDone(a.id());
        outbox.markRefused(b.id(), new Refusal("too_many_reserves", "refusal.too_many_reserves"));
        restart();

        assertThat(outbox.head()).map(OutboxEntry::id).contains(c.id());
        outbox.markNeedsStaff(c.id(), "cannot tell");
        assertThat(outbox.head()).isEmpty();
        assertThat(outbox.countOpen()).isZero();
    }

    @Test
    void aBackedOffHeadIsStillTheHeadSoNothingOvertakesIt() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        OutboxEntry b = outbox.enqueue(hold("1", "11"));

        outbox.retryLater(a.id(), OutboxState.PENDING, T0.plusSeconds(60), "unreachable");

        assertThat(outbox.head()).map(OutboxEntry::id).contains(a.id());
        assertThat(b.sequence()).isGreaterThan(a.sequence());
    }

    @Test
    void markingSendingCountsTheAttemptAndIsRememberedAcrossARestart() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));

        assertThat(outbox.markSending(a.id())).isTrue();
        restart();

        OutboxEntry found = outbox.find(a.id()).orElseThrow();
        assertThat(found.state()).isEqualTo(OutboxState.SENDING);
        assertThat(found.attempts()).isEqualTo(1);
        assertThat(outbox.head()).map(OutboxEntry::id).contains(a.id());
    }

    @Test
    void retryLaterKeepsTheStateAskedForTheDueTimeAndTheError() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        outbox.markSending(a.id());

        assertThat(outbox.retryLater(a.id(), OutboxState.SENDING, T0.plusSeconds(30), "no answer: read timed out")).isTrue();
        restart();

        OutboxEntry found = outbox.find(a.id()).orElseThrow();
        assertThat(found.state()).isEqualTo(OutboxState.SENDING);
        assertThat(found.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(found.lastError()).contains("no answer: read timed out");
        assertThat(found.attempts()).isEqualTo(1);

        outbox.retryLater(a.id(), OutboxState.PENDING, T0.plusSeconds(90), "unreachable");
        assertThat(outbox.find(a.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void aRefusalIsFinalAndKeepsTheServersReason() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        Refusal reason = new Refusal("overdue_items", "refusal.overdue_items");

        assertThat(outbox.markRefused(a.id(), reason)).isTrue();
        restart();

        OutboxEntry found = outbox.find(a.id()).orElseThrow();
        assertThat(found.state()).isEqualTo(OutboxState.REFUSED);
        assertThat(found.refusal()).contains(reason);
        assertThat(outbox.markSending(a.id())).isFalse();
        assertThat(outbox.markDone(a.id())).isFalse();
        assertThat(outbox.retryLater(a.id(), OutboxState.PENDING, T0, "x")).isFalse();
        assertThat(outbox.find(a.id()).orElseThrow().state()).isEqualTo(OutboxState.REFUSED);
    }

    @Test
    void aRefusalStaysUntoldUntilMarkedAndStaysRefusedForStaff() {
        // given two refusals and one done
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        OutboxEntry b = outbox.enqueue(hold("2", "11"));
        OutboxEntry c = outbox.enqueue(hold("3", "12"));
        Refusal reason = new Refusal("overdue_items", "refusal.overdue_items");
        outbox.markRefused(a.id(), reason);
        outbox.markRefused(b.id(), reason);
        outbox.markDone(c.id());
        assertThat(outbox.untoldRefusals()).extracting(OutboxEntry::id).containsExactly(a.id(), b.id());

        // when the patron of one has been told
        assertThat(outbox.markTold(a.id())).isTrue();
        restart();

        // then only the other is left to tell; both are still REFUSED for staff
        assertThat(outbox.untoldRefusals()).extracting(OutboxEntry::id).containsExactly(b.id());
        assertThat(outbox.list(OutboxState.REFUSED)).extracting(OutboxEntry::id).containsExactly(a.id(), b.id());
        assertThat(outbox.markTold(c.id())).isFalse();
    }

    @Test
    void aRefusalAfterARequeueIsToldAgain() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        outbox.markRefused(a.id(), new Refusal("x", "y"));
        outbox.markTold(a.id());

        outbox.requeue(a.id());
        outbox.markRefused(a.id(), new Refusal("x", "y"));
        restart();

        assertThat(outbox.untoldRefusals()).extracting(OutboxEntry::id).containsExactly(a.id());
    }

    @Test
    void doneIsFinalToo() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        outbox.markSending(a.id());
        outbox.markDone(a.id());

        assertThat(outbox.markSending(a.id())).isFalse();
        assertThat(outbox.markRefused(a.id(), new Refusal("x", "y"))).isFalse();
        assertThat(outbox.markNeedsStaff(a.id(), "x")).isFalse();
        assertThat(outbox.find(a.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
    }

    @Test
    void aDiscardedEntryIsRefusedAsDiscardedKeepsWhyAndIsNeverTheHead() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        OutboxEntry b = outbox.enqueue(hold("1", "11"));
        outbox.markSending(a.id());

        assertThat(outbox.discard(a.id(), "discarded by alice: duplicate of a counter hold")).isTrue();
        restart();

        OutboxEntry found = outbox.find(a.id()).orElseThrow();
        assertThat(found.state()).isEqualTo(OutboxState.REFUSED);
        assertThat(found.refusal()).contains(Outbox.DISCARDED);
        assertThat(found.lastError()).contains("discarded by alice: duplicate of a counter hold");
        assertThat(found.attempts()).isEqualTo(1);
        assertThat(outbox.head()).map(OutboxEntry::id).contains(b.id());
        assertThat(outbox.markSending(a.id())).isFalse();
    }

    @Test
    void aDoneEntryCannotBeDiscardedButARefusedOneCan() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        outbox.markDone(a.id());
        OutboxEntry b = outbox.enqueue(hold("1", "11"));
        outbox.markNeedsStaff(b.id(), "cannot tell");

        assertThat(outbox.discard(a.id(), "x")).isFalse();
        assertThat(outbox.discard(b.id(), "y")).isTrue();
        assertThat(outbox.discard(java.util.UUID.randomUUID(), "z")).isFalse();

        assertThat(outbox.find(a.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
        assertThat(outbox.find(b.id()).orElseThrow().refusal()).contains(Outbox.DISCARDED);
    }

    @Test
    void staffCanPutARefusedOrNeedsStaffEntryBackInTheQueue() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        outbox.markNeedsStaff(a.id(), "cannot tell");
        clock.advance(Duration.ofHours(1));

        assertThat(outbox.requeue(a.id())).isTrue();

        OutboxEntry found = outbox.find(a.id()).orElseThrow();
        assertThat(found.state()).isEqualTo(OutboxState.PENDING);
        assertThat(found.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(outbox.head()).map(OutboxEntry::id).contains(a.id());
    }

    @Test
    void listFiltersByStateInSequenceOrder() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        OutboxEntry b = outbox.enqueue(hold("1", "11"));
        OutboxEntry c = outbox.enqueue(hold("1", "12"));
        outbox.markSending(b.id());

        assertThat(outbox.list().stream().map(OutboxEntry::id)).containsExactly(a.id(), b.id(), c.id());
        assertThat(outbox.list(OutboxState.PENDING).stream().map(OutboxEntry::id)).containsExactly(a.id(), c.id());
        assertThat(outbox.list(OutboxState.SENDING, OutboxState.PENDING).stream().map(OutboxEntry::id))
                .containsExactly(a.id(), b.id(), c.id());
        assertThat(outbox.countOpen()).isEqualTo(3);
        assertThat(outbox.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void purgingRemovesOnlyDoneEntriesOlderThanTheCutOff() {
        OutboxEntry old = outbox.enqueue(hold("1", "10"));
        OutboxEntry oldRefused = outbox.enqueue(hold("1", "11"));
        clock.advance(Duration.ofHours(25));
        OutboxEntry recent = outbox.enqueue(hold("1", "12"));
        for (OutboxEntry e : List.of(old, recent)) {
            outbox.markSending(e.id());
            outbox.markDone(e.id());
        }
        outbox.markRefused(oldRefused.id(), new Refusal("x", "y"));

        int purged = outbox.purgeDone(clock.instant().minus(Duration.ofHours(24)));
        restart();

        assertThat(purged).isEqualTo(1);
        assertThat(outbox.find(old.id())).isEmpty();
        assertThat(outbox.find(oldRefused.id())).isPresent();
        assertThat(outbox.find(recent.id())).isPresent();
    }

    @Test
    void sequenceNumbersKeepGrowingAfterEverythingWasPurged() {
        OutboxEntry a = outbox.enqueue(hold("1", "10"));
        outbox.markSending(a.id());
        outbox.markDone(a.id());
        outbox.purgeDone(T0.plusSeconds(1));
        restart();

        OutboxEntry b = outbox.enqueue(hold("1", "11"));

        assertThat(b.sequence()).isGreaterThan(a.sequence());
    }

    @Test
    void concurrentEnqueuesGetDistinctIncreasingSequenceNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<OutboxEntry>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<OutboxEntry> mine = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        mine.add(outbox.enqueue(hold("card" + thread, String.valueOf(i))));
                    }
                    return mine;
                }));
            }
            Set<Long> sequences = new HashSet<>();
            for (Future<List<OutboxEntry>> f : futures) {
                List<OutboxEntry> mine = f.get(30, TimeUnit.SECONDS);
                for (int i = 1; i < mine.size(); i++) {
                    assertThat(mine.get(i).sequence()).isGreaterThan(mine.get(i - 1).sequence());
                }
                mine.forEach(e -> sequences.add(e.sequence()));
            }
            assertThat(sequences).hasSize(100);
            assertThat(outbox.countOpen()).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.opackiosk.core.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.OfflineSettings;
import org.opackiosk.core.outbox.InMemoryOutbox;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.outbox.TestClock;

class OfflineHoldsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T05:05:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    private final OfflineHolds holds = new OfflineHolds(new OfflineHoldPolicy(new OfflineSettings(3, 5), outbox), outbox);

    @Test
    void aScannedCardQueuesAHoldByCardAndGetsAReceipt() {
        OfflineHolds.Result result = holds.queue(CardInput.scanned("01000001"), "42", "CEN");

        assertThat(result).isInstanceOfSatisfying(OfflineHolds.Queued.class, q -> {
            assertThat(q.recordId()).isEqualTo("42");
            assertThat(q.pickupLibraryId()).isEqualTo("CEN");
            assertThat(q.maskedCard()).isEqualTo("****0001");
            assertThat(q.queuedAt()).isEqualTo(clock.instant());
            assertThat(q.queuedForCard()).isEqualTo(1);
        });
        OutboxEntry saved = outbox.head().orElseThrow();
        assertThat(saved.operation()).isEqualTo(Operation.PlaceHold.single(PatronRef.card("01000001"), "42", "CEN"));
    }

    @Test
    void aTypedCardNumberIsNotAcceptedOffline() {
        OfflineHolds.Result result = holds.queue(CardInput.typed("01000001"), "42", "CEN");

        assertThat(result).isEqualTo(new OfflineHolds.NotQueued(
                new OfflineHoldPolicy.Refused(OfflineHoldPolicy.Reason.TYPED_CARD_NUMBER, 0), false));
        assertThat(outbox.countOpen()).isZero();
    }

    @Test
    void oneCardMayQueueAsManyAsConfiguredPerOfflinePeriod() {
        for (int i = 0; i < 3; i++) {
            assertThat(holds.queue(CardInput.scanned("01000001"), "4" + i, "CEN")).isInstanceOf(OfflineHolds.Queued.class);
        }

        assertThat(holds.queue(CardInput.scanned("01000001"), "49", "CEN")).isEqualTo(new OfflineHolds.NotQueued(
                new OfflineHoldPolicy.Refused(OfflineHoldPolicy.Reason.CARD_LIMIT, 3), false));
        assertThat(holds.queue(CardInput.scanned("01000002"), "49", "CEN")).isInstanceOf(OfflineHolds.Queued.class);
    }

    @Test
    void theOfflinePeriodEndsWhenTheQueuedHoldsHaveReachedTheServer() {
        for (int i = 0; i < 3; i++) {
            holds.queue(CardInput.scanned("01000001"), "4" + i, "CEN");
        }
        for (OutboxEntry e : outbox.list()) {
            outbox.markSending(e.id());
            outbox.markDone(e.id());
        }

        assertThat(holds.check(CardInput.scanned("01000001"))).isEqualTo(new OfflineHoldPolicy.Allowed(0));
    }

    @Test
    void theKioskTakesNoMoreThanItsLimitInAll() {
        for (int i = 0; i < 5; i++) {
            holds.queue(CardInput.scanned("0100000" + i), "4" + i, "CEN");
        }

        assertThat(holds.check(CardInput.scanned("01000009"))).isEqualTo(
                new OfflineHoldPolicy.Refused(OfflineHoldPolicy.Reason.KIOSK_LIMIT, 5));
    }

    @Test
    void theCardNumberNeverShowsWholeInTheInputsToString() {
        assertThat(CardInput.scanned("01000001").toString()).doesNotContain("01000001").contains("****0001");
        assertThat(PatronRef.card("01000001").toString()).doesNotContain("01000001");
    }
}

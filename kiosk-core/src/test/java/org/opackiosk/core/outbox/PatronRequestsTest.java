package org.opackiosk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.patron.PatronId;

class PatronRequestsTest {

    private final InMemoryOutbox outbox = new InMemoryOutbox(new TestClock(Instant.parse("2026-11-23T05:05:00Z")));
    private final PatronRequests requests = new PatronRequests(outbox);
    private final PatronId taro = new PatronId("1");
    private static final Refusal LIMIT = new Refusal("too_many_reserves", "refusal.too_many_reserves");

    @Test
    void aPatronsRefusalsAreFoundByTheirIdAndByTheCardTheyScannedOfflineAndNobodyElses() {
        // given
        OutboxEntry offline = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "10", "CEN"));
        OutboxEntry online = outbox.enqueue(new Operation.CancelHold(PatronRef.id(taro), "h1"));
        OutboxEntry someoneElse = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000002"), "10", "CEN"));
        outbox.markRefused(offline.id(), LIMIT);
        outbox.markRefused(online.id(), LIMIT);
        outbox.markRefused(someoneElse.id(), LIMIT);

        // then
        assertThat(requests.untoldRefusals(taro, "01000001")).extracting(OutboxEntry::id)
                .containsExactly(offline.id(), online.id());

        // when told
        requests.told(List.of(offline.id(), online.id()));

        // then
        assertThat(requests.untoldRefusals(taro, "01000001")).isEmpty();
        assertThat(requests.untoldRefusals(new PatronId("2"), "01000002")).extracting(OutboxEntry::id)
                .containsExactly(someoneElse.id());
    }

    @Test
    void myPageListsOfflineRequestsWhateverBecameOfThemAndOnlineOnesOnlyWhileTheyAreNews() {
        // given
        OutboxEntry offlineDone = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "10", "CEN"));
        OutboxEntry offlineWaiting = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "11", "CEN"));
        OutboxEntry onlineAnswered = outbox.enqueue(new Operation.CancelHold(PatronRef.id(taro), "h1"));
        OutboxEntry onlineWaiting = outbox.enqueue(new Operation.RenewLoan(PatronRef.id(taro), "c1", LocalDate.of(2026, 12, 1)));
        OutboxEntry onlineRefusedLater = outbox.enqueue(new Operation.CancelHold(PatronRef.id(taro), "h2"));
        outbox.markDone(offlineDone.id());
        outbox.markDone(onlineAnswered.id());
        outbox.markRefused(onlineRefusedLater.id(), LIMIT);

        // then
        assertThat(requests.requests(taro, "01000001")).extracting(OutboxEntry::id)
                .containsExactly(offlineDone.id(), offlineWaiting.id(), onlineWaiting.id(), onlineRefusedLater.id());

        // when the later refusal has been told at login
        requests.told(List.of(onlineRefusedLater.id()));

        // then
        assertThat(requests.requests(taro, "01000001")).extracting(OutboxEntry::id)
                .containsExactly(offlineDone.id(), offlineWaiting.id(), onlineWaiting.id());
    }
}

package org.opackiosk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.patron.PatronId;

class ReplayServiceTest extends ReplayFixture {

    private PatronId taro;
    private PatronId hanako;

    @BeforeEach
    void patrons() {
        taro = server.addPatron("01000001", true);
        hanako = server.addPatron("01000003", false);
        connectivity.probeNow();
    }

    private static Operation hold(String card, String record) {
        return Operation.PlaceHold.single(PatronRef.card(card), record, "CEN");
    }

    private OutboxState state(OutboxEntry e) {
        return outbox.find(e.id()).orElseThrow().state();
    }

    @Test
    void aQueuedCardHoldIsPlacedForThePatronOfThatCardWithTheirDefaultContactMethod() {
        // given
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        OutboxEntry b = outbox.enqueue(hold("01000003", "10"));

        // when
        ReplayService.Pass pass = replay.replayNow();

        // then
        assertThat(pass).isEqualTo(ReplayService.Pass.IDLE);
        assertThat(state(a)).isEqualTo(OutboxState.DONE);
        assertThat(state(b)).isEqualTo(OutboxState.DONE);
        assertThat(server.holdsOf(taro)).extracting(Hold::recordId, Hold::contactMethod)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10", ContactMethod.EMAIL));
        assertThat(server.holdsOf(hanako)).extracting(Hold::contactMethod).containsExactly(ContactMethod.PHONE);
    }

    @Test
    void operationsReachTheServerInTheOrderTheyWereSavedWhateverTheClockSays() {
        outbox.enqueue(hold("01000001", "10"));
        clock.set(T0.minus(Duration.ofDays(1))); // the clock was set back between the two
        outbox.enqueue(hold("01000001", "11"));
        outbox.enqueue(hold("01000003", "12"));

        replay.replayNow();

        assertThat(server.effects()).containsExactly("place 1 10", "place 1 11", "place 2 12");
    }

    @Test
    void anUnreachableServerMeansBackoffAndNothingOvertakesTheHead() {
        // given
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        OutboxEntry b = outbox.enqueue(hold("01000001", "11"));
        server.failNextMutations(FakeLibraryServer.Fault.UNREACHABLE, FakeLibraryServer.Fault.UNREACHABLE);

        // when
        ReplayService.Pass pass = replay.replayNow();

        // then: nothing can have happened, so PENDING again, due after the first backoff (≤ 2 s)
        assertThat(pass).isEqualTo(ReplayService.Pass.WAITING);
        OutboxEntry after = outbox.find(a.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(OutboxState.PENDING);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("unreachable"));
        assertThat(Duration.between(T0, after.nextAttemptAt())).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(state(b)).isEqualTo(OutboxState.PENDING);
        assertThat(server.effects()).isEmpty();

        // when the second attempt fails too, the wait doubles (≤ 4 s)
        advance(Duration.ofSeconds(2));
        after = outbox.find(a.id()).orElseThrow();
        assertThat(after.attempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), after.nextAttemptAt())).isLessThanOrEqualTo(Duration.ofSeconds(4))
                .isGreaterThan(Duration.ofSeconds(2));

        // and the timer sends both, in order, once the server answers
        advance(Duration.ofSeconds(4));
        assertThat(state(a)).isEqualTo(OutboxState.DONE);
        assertThat(state(b)).isEqualTo(OutboxState.DONE);
        assertThat(server.effects()).containsExactly("place 1 10", "place 1 11");
    }

    @Test
    void aLostReplyIsReconciledAndTheHoldIsNotPlacedTwice() {
        // given the server places the hold and the answer is lost
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        server.failNextMutations(FakeLibraryServer.Fault.DROP_REPLY);

        // when
        replay.replayNow();

        // then it may have happened: SENDING, to be checked before anything is sent again
        assertThat(state(a)).isEqualTo(OutboxState.SENDING);

        // when the retry comes
        advance(Duration.ofSeconds(2));

        // then the server is asked, the hold is found, and it is not sent again
        assertThat(state(a)).isEqualTo(OutboxState.DONE);
        assertThat(server.holdCount(taro, "10")).isEqualTo(1);
        assertThat(server.effects()).containsExactly("place 1 10");
        assertThat(outbox.find(a.id()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aLostRequestIsSentAgainOnceTheServerSaysItHasNoSuchHold() {
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        server.failNextMutations(FakeLibraryServer.Fault.LOST_REQUEST);

        replay.replayNow();
        advance(Duration.ofSeconds(2));

        assertThat(state(a)).isEqualTo(OutboxState.DONE);
        assertThat(server.effects()).containsExactly("place 1 10");
        assertThat(outbox.find(a.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void anEntryFoundSendingAfterACrashIsCheckedBeforeItIsSent() {
        // given the kiosk died after sending: the server has the hold, the outbox says SENDING
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        outbox.markSending(a.id());
        server.placeHold(org.opackiosk.core.holds.HoldRequest.single(taro, "10", "CEN", ContactMethod.EMAIL));

        // when
        replay.replayNow();

        // then
        assertThat(state(a)).isEqualTo(OutboxState.DONE);
        assertThat(server.holdCount(taro, "10")).isEqualTo(1);
    }

    @Test
    void aRefusalIsFinalKeepsTheReasonAndDoesNotBlockTheRest() {
        server.refuseHoldsOn("10", "too_many_reserves");
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        OutboxEntry b = outbox.enqueue(hold("01000001", "11"));

        replay.replayNow();

        OutboxEntry refused = outbox.find(a.id()).orElseThrow();
        assertThat(refused.state()).isEqualTo(OutboxState.REFUSED);
        assertThat(refused.refusal()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("too_many_reserves"));
        assertThat(state(b)).isEqualTo(OutboxState.DONE);
    }

    @Test
    void aCardTheServerDoesNotKnowIsRefused() {
        OutboxEntry a = outbox.enqueue(hold("09999999", "10"));

        replay.replayNow();

        assertThat(outbox.find(a.id()).orElseThrow().refusal())
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("patron_not_found"));
    }

    @Test
    void nothingIsSentWhileOfflineAndEverythingGoesWhenTheConnectionReturns() {
        // given
        replay.start();
        probeAnswers.set(false);
        server.setReachable(false);
        connectivity.probeNow();
        assertThat(connectivity.state()).isEqualTo(ConnectionState.OFFLINE);
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));

        // when
        ReplayService.Pass pass = replay.replayNow();

        // then
        assertThat(pass).isEqualTo(ReplayService.Pass.OFFLINE);
        assertThat(outbox.find(a.id()).orElseThrow().attempts()).isZero();

        // when the server returns and the monitor notices
        probeAnswers.set(true);
        server.setReachable(true);
        connectivity.probeNow();

        // then
        assertThat(state(a)).isEqualTo(OutboxState.DONE);
    }

    @Test
    void theReturningConnectionSkipsTheRemainingBackoffOnce() {
        replay.start();
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        server.failNextMutations(FakeLibraryServer.Fault.UNREACHABLE);
        replay.replayNow();
        assertThat(state(a)).isEqualTo(OutboxState.PENDING);

        probeAnswers.set(false);
        connectivity.probeNow();
        probeAnswers.set(true);
        connectivity.probeNow();

        assertThat(state(a)).isEqualTo(OutboxState.DONE);
    }

    @Test
    void aClockSetBackADayDoesNotStallTheQueue() {
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        server.failNextMutations(FakeLibraryServer.Fault.UNREACHABLE);
        replay.replayNow();

        clock.set(T0.minus(Duration.ofDays(1)));
        replay.replayNow();

        assertThat(state(a)).isEqualTo(OutboxState.DONE);
    }

    @Test
    void aClockJumpedADayForwardSendsWhatIsDueButKeepsDoneEntriesUntilTheyAreReallyOld() {
        // given one done entry and one waiting after a failure
        OutboxEntry done = outbox.enqueue(hold("01000001", "10"));
        replay.replayNow();
        OutboxEntry waiting = outbox.enqueue(hold("01000001", "11"));
        server.failNextMutations(FakeLibraryServer.Fault.UNREACHABLE);
        replay.replayNow();

        // when the wall clock jumps a day ahead while a second passes
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        advance(Duration.ofSeconds(1));
        replay.replayNow();

        // then what was due is sent, and the done entry (a second old in real time) is kept
        assertThat(state(waiting)).isEqualTo(OutboxState.DONE);
        assertThat(outbox.find(done.id())).isPresent();

        // and it goes once it has really been kept for the retention period
        advance(Duration.ofHours(23));
        replay.replayNow();
        assertThat(outbox.find(done.id())).isPresent();
        advance(Duration.ofHours(1).plusMinutes(1));
        replay.replayNow();
        assertThat(outbox.find(done.id())).isEmpty();
    }

    @Test
    void aDayThatReallyPassedPurgesDoneEntries() {
        OutboxEntry done = outbox.enqueue(hold("01000001", "10"));
        replay.replayNow();

        advance(Duration.ofDays(1).plusMinutes(1));
        replay.replayNow();

        assertThat(outbox.find(done.id())).isEmpty();
    }

    @Test
    void theBackoffIsCapped() {
        outbox.enqueue(hold("01000001", "10"));
        for (int i = 0; i < 20; i++) {
            server.failNextMutations(FakeLibraryServer.Fault.UNREACHABLE);
            replay.replayNow();
            clock.advance(Duration.ofMinutes(5));
        }
        OutboxEntry head = outbox.head().orElseThrow();
        assertThat(Duration.between(clock.instant(), head.nextAttemptAt())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(head.attempts()).isEqualTo(20);
    }

    @Test
    void aRenewalWhoseReplyWasLostIsNotRenewedTwice() {
        server.addLoan(taro, "c1", LocalDate.of(2026, 12, 1));
        OutboxEntry a = outbox.enqueue(new Operation.RenewLoan(PatronRef.id(taro), "c1", LocalDate.of(2026, 12, 1)));
        server.failNextMutations(FakeLibraryServer.Fault.DROP_REPLY);

        replay.replayNow();
        advance(Duration.ofSeconds(2));

        assertThat(state(a)).isEqualTo(OutboxState.DONE);
        assertThat(server.effects()).containsExactly("renew 1 c1");
    }

    @Test
    void aRenewalOfALoanThatIsGoneAfterAnUnknownOutcomeNeedsStaff() {
        OutboxEntry a = outbox.enqueue(new Operation.RenewLoan(PatronRef.id(taro), "c9", LocalDate.of(2026, 12, 1)));
        outbox.markSending(a.id());

        replay.replayNow();

        assertThat(state(a)).isEqualTo(OutboxState.NEEDS_STAFF);
    }

    @Test
    void cancelsPickupChangesContactChangesAndDismissalsAreReconciledToo() {
        CallResult<List<Hold>> placed = server.placeHold(
                org.opackiosk.core.holds.HoldRequest.single(taro, "10", "CEN", ContactMethod.EMAIL));
        String holdId = ((CallResult.Ok<List<Hold>>) placed).value().get(0).holdId();
        server.addCancelledHold(taro, "900");
        PatronRef who = PatronRef.id(taro);
        List<OutboxEntry> entries = List.of(
                outbox.enqueue(new Operation.ChangePickupLibrary(who, holdId, "EAST")),
                outbox.enqueue(new Operation.ChangeContactMethod(who, holdId, ContactMethod.PHONE)),
                outbox.enqueue(new Operation.DismissCancelledHold(who, "900")),
                outbox.enqueue(new Operation.CancelHold(who, holdId)));
        for (int i = 0; i < entries.size(); i++) {
            server.failNextMutations(FakeLibraryServer.Fault.DROP_REPLY);
            replay.replayNow();
            advance(Duration.ofMinutes(5));
        }

        assertThat(entries).allSatisfy(e -> assertThat(state(e)).isEqualTo(OutboxState.DONE));
        assertThat(server.effects()).containsExactly("place 1 10", "pickup 1 " + holdId + " EAST",
                "contact 1 " + holdId + " PHONE", "dismiss 1 900", "cancel 1 " + holdId);
    }

    @Test
    void submitAnswersWithTheServersAnswerWhenOnlineAndSavedWhenNot() {
        ReplayService.Submitted online = replay.submit(hold("01000001", "10"));

        assertThat(online.entry().state()).isEqualTo(OutboxState.DONE);
        assertThat(online.answer()).hasValueSatisfying(a -> assertThat(a).isInstanceOf(CallResult.Ok.class));

        server.failNextMutations(FakeLibraryServer.Fault.UNREACHABLE);
        ReplayService.Submitted later = replay.submit(hold("01000001", "11"));

        assertThat(later.entry().state()).isEqualTo(OutboxState.PENDING);
        assertThat(later.answer()).hasValueSatisfying(a -> assertThat(a).isInstanceOf(CallResult.Unreachable.class));
    }

    @Test
    void listenersHearOfEveryFinalState() {
        List<OutboxState> heard = new java.util.ArrayList<>();
        replay.addListener(e -> heard.add(e.state()));
        server.refuseHoldsOn("11", "overdue_items");
        outbox.enqueue(hold("01000001", "10"));
        outbox.enqueue(hold("01000001", "11"));

        replay.replayNow();

        assertThat(heard).containsExactly(OutboxState.DONE, OutboxState.REFUSED);
    }

    @Test
    void aReadFailureDuringReconciliationKeepsTheEntrySending() {
        OutboxEntry a = outbox.enqueue(hold("01000001", "10"));
        server.failNextMutations(FakeLibraryServer.Fault.DROP_REPLY);
        replay.replayNow();
        server.failNextReads(1);

        clock.advance(Duration.ofMinutes(5));
        replay.replayNow();
        assertThat(state(a)).isEqualTo(OutboxState.SENDING);

        clock.advance(Duration.ofMinutes(5));
        replay.replayNow();
        assertThat(state(a)).isEqualTo(OutboxState.DONE);
        assertThat(server.effects()).containsExactly("place 1 10");
        assertThat(Optional.of(outbox.find(a.id()).orElseThrow().attempts())).contains(1);
    }
}

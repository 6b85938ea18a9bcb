package org.opackiosk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.PatronId;

class DurableCirculationServiceTest extends ReplayFixture {

    private final DurableCirculationService durable = new DurableCirculationService(server, outbox, replay);

    private PatronId taro;

    @BeforeEach
    void patron() {
        taro = server.addPatron("01000001", true);
        connectivity.probeNow();
    }

    private CallResult<List<Hold>> hold(String record) {
        return durable.placeHold(HoldRequest.single(taro, record, "CEN", ContactMethod.PHONE));
    }

    @Test
    void aHoldIsSavedThenPlacedAndTheServersAnswerComesBackAsIs() {
        // when
        CallResult<List<Hold>> result = hold("10");

        // then
        assertThat(result).isInstanceOf(CallResult.Ok.class);
        assertThat(((CallResult.Ok<List<Hold>>) result).value()).extracting(Hold::recordId).containsExactly("10");
        assertThat(outbox.list()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.DONE);
            assertThat(e.operation()).isEqualTo(new Operation.PlaceHold(PatronRef.id(taro), List.of("10"), "CEN",
                    java.util.Optional.of(ContactMethod.PHONE)));
        });
    }

    @Test
    void aRefusalSeenAtOnceIsNotToldAgainAtTheNextLogin() {
        // given
        server.refuseHoldsOn("10", "max_holds");

        // when
        CallResult<List<Hold>> result = hold("10");

        // then
        assertThat(result).isInstanceOf(CallResult.Refused.class);
        assertThat(((CallResult.Refused<List<Hold>>) result).reason().code()).isEqualTo("max_holds");
        assertThat(outbox.list(OutboxState.REFUSED)).hasSize(1);
        assertThat(outbox.untoldRefusals()).isEmpty();
    }

    @Test
    void aLostReplyIsSavedAnsweredAsPendingAndReconciledWithoutADuplicate() {
        // given the server acts and the reply is lost
        server.failNextMutations(FakeLibraryServer.Fault.DROP_REPLY);

        // when
        CallResult<List<Hold>> result = hold("10");

        // then the patron is told it is saved, not done and not failed
        assertThat(result).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(outbox.list()).singleElement().extracting(OutboxEntry::state).isEqualTo(OutboxState.SENDING);

        // and the replay finds the hold on the server instead of placing it again
        advance(Duration.ofMinutes(5));
        assertThat(outbox.list()).singleElement().extracting(OutboxEntry::state).isEqualTo(OutboxState.DONE);
        assertThat(server.holdCount(taro, "10")).isEqualTo(1);
    }

    @Test
    void anUnreachableServerLeavesTheHoldSavedAndItIsPlacedWhenTheServerAnswersAgain() {
        // given
        server.failNextMutations(FakeLibraryServer.Fault.UNREACHABLE);

        // when
        CallResult<List<Hold>> result = hold("10");

        // then saved, not "try again": trying again would make a second request
        assertThat(result).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(server.holdCount(taro, "10")).isZero();
        advance(Duration.ofMinutes(5));
        assertThat(server.holdCount(taro, "10")).isEqualTo(1);
    }

    @Test
    void aRenewalKeepsTheDueDateItHadSoALostReplyIsNotRenewedTwice() {
        // given
        server.addLoan(taro, "c1", LocalDate.of(2026, 11, 27));
        server.failNextMutations(FakeLibraryServer.Fault.DROP_REPLY);

        // when
        CallResult<Loan> result = durable.renew(taro, "c1");
        advance(Duration.ofMinutes(5));

        // then
        assertThat(result).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(outbox.list()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo(new Operation.RenewLoan(PatronRef.id(taro), "c1", LocalDate.of(2026, 11, 27)));
            assertThat(e.state()).isEqualTo(OutboxState.DONE);
        });
        assertThat(server.effects()).containsExactly("renew 1 c1");
    }

    @Test
    void cancelsAndChangesGoThroughTheOutboxInOrder() {
        // given
        Hold placed = ((CallResult.Ok<List<Hold>>) hold("10")).value().get(0);

        // when
        CallResult<Hold> moved = durable.changePickupLibrary(taro, placed.holdId(), "EAST");
        CallResult<?> cancelled = durable.cancelHold(taro, placed.holdId());

        // then
        assertThat(moved).isInstanceOf(CallResult.Ok.class);
        assertThat(cancelled).isInstanceOf(CallResult.Ok.class);
        assertThat(outbox.list()).extracting(OutboxEntry::kind).containsExactly(OperationKind.PLACE_HOLD,
                OperationKind.CHANGE_PICKUP_LIBRARY, OperationKind.CANCEL_HOLD);
        assertThat(server.effects()).containsExactly("place 1 10", "pickup 1 " + placed.holdId() + " EAST",
                "cancel 1 " + placed.holdId());
    }

    @Test
    void aPasswordIsNeverWrittenToTheOutbox() {
        // when
        durable.changePassword(taro, "old-secret", "new-secret");
        durable.setPassword(taro, "another-secret");

        // then
        assertThat(outbox.list()).isEmpty();
    }

    @Test
    void whileAnOlderOperationWaitsANewOneIsSavedBehindItNotSentPastIt() {
        // given an older operation in backoff
        server.failNextMutations(FakeLibraryServer.Fault.UNREACHABLE);
        hold("10");

        // when
        CallResult<List<Hold>> second = hold("11");

        // then
        assertThat(second).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(server.effects()).isEmpty();
        advance(Duration.ofMinutes(5));
        assertThat(server.effects()).containsExactly("place 1 10", "place 1 11");
    }
}

package org.opackiosk.app.mypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.mypage.MyPageViewModel.Confirmation;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.FakePatronAccounts;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.PatronSession;

class MyPageViewModelTest {

    private final FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
    private final PatronSession session = new PatronSession();
    private final Localization l10n = new Localization(Localization.JAPANESE);
    private final MyPageViewModel vm = new MyPageViewModel(server.service(), session, new QueuedScheduler(false),
            KioskFixture.IMMEDIATE, l10n);

    private void logInTaro() {
        var summary = server.patrons.patronSummary(new PatronId("1"));
        session.start(new LoggedInPatron(new PatronId("1"), "01000001",
                ((org.opackiosk.core.circulation.CallResult.Ok<org.opackiosk.core.patron.PatronSummary>) summary).value()));
        vm.open();
    }

    private Loan loan(String id) {
        return vm.loans().stream().filter(l -> l.checkoutId().equals(id)).findFirst().orElseThrow();
    }

    private Hold hold(String id) {
        return vm.holds().stream().filter(h -> h.holdId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void openingReadsLoansHoldsAndCancelledHolds() {
        // when
        logInTaro();
        // then
        assertThat(vm.loans()).hasSize(2);
        assertThat(vm.holds()).hasSize(2);
        assertThat(vm.cancelledHolds()).hasSize(1);
        assertThat(vm.patronNameProperty().get()).isEqualTo("緑川 太郎");
        assertThat(vm.libraryName("KITA")).isEqualTo("北分館");
    }

    @Test
    void renewShowsTheNewDueDateBeforeAnythingHappensAndRenewsOnlyOnConfirm() {
        // given
        logInTaro();
        // when
        vm.askRenew(loan("c1"));
        // then
        assertThat(vm.confirmationProperty().get()).isEqualTo(
                new Confirmation.Renew(loan("c1"), Optional.of(FakePatronAccounts.TODAY.plusDays(18))));
        assertThat(server.patrons.calls).doesNotContain("renew c1");
        vm.confirmRenew();
        assertThat(server.patrons.calls).contains("renew c1");
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("「坊っちゃん」を延長しました。新しい返却期限日は2026年12月11日です。");
        assertThat(loan("c1").dueDate()).isEqualTo(FakePatronAccounts.TODAY.plusDays(18));
    }

    @Test
    void aRenewalConfirmedWhileOfflineIsRefusedWithWhyAndWhatToDoAndNotSent() {
        // given
        logInTaro();
        vm.askRenew(loan("c1"));
        vm.setOffline(() -> true);
        assertThat(vm.offlineFeature().get()).isEqualTo(org.opackiosk.app.offline.OfflineFeature.RENEWAL);

        // when
        vm.confirmRenew();

        // then
        assertThat(server.patrons.calls).doesNotContain("renew c1");
        assertThat(vm.messageProperty().get()).isEqualTo("図書館のシステムにつながらないため、今は貸出の延長ができません。\n"
                + "しばらくしてからお試しいただくか、カウンターでおたずねください。");
        assertThat(vm.confirmationProperty().get()).isInstanceOf(Confirmation.Renew.class);
        vm.dismissConfirmation();
        assertThat(vm.offlineFeature().get()).isEqualTo(org.opackiosk.app.offline.OfflineFeature.MY_PAGE);
    }

    @Test
    void aLoanThatCannotBeRenewedExplainsWhyAndAsksNothing() {
        // given
        logInTaro();
        // when
        vm.askRenew(loan("c2"));
        // then
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("ほかの方が予約しているため延長できません。返却期限までに返却してください。");
    }

    @Test
    void cancellingAWaitingHoldNeedsAConfirmationAndBackKeepsIt() {
        // given
        logInTaro();
        vm.askCancel(hold("h1"));
        // when
        vm.dismissConfirmation();
        // then
        assertThat(server.patrons.calls).noneMatch(c -> c.startsWith("cancelHold"));
        vm.askCancel(hold("h1"));
        vm.confirmCancel();
        assertThat(vm.holds()).extracting(Hold::holdId).containsExactly("h2");
        assertThat(vm.messageProperty().get()).isEqualTo("「吾輩は猫である」の予約を取り消しました。");
    }

    @Test
    void aHoldThatIsReadyCannotBeCancelledOrChangedAtTheKiosk() {
        // given
        logInTaro();
        // when
        vm.askCancel(hold("h2"));
        vm.askChange(hold("h2"));
        // then
        assertThat(vm.confirmationProperty().get()).isNull();
    }

    @Test
    void pickupAndContactOfAWaitingHoldCanBeChanged() {
        // given
        logInTaro();
        vm.askChange(hold("h1"));
        // when
        vm.changePickup("KITA");
        vm.askChange(hold("h1"));
        vm.changeContact(ContactMethod.PHONE);
        // then
        assertThat(hold("h1").pickupLibraryId()).isEqualTo("KITA");
        assertThat(hold("h1").contactMethod()).isEqualTo(ContactMethod.PHONE);
    }

    @Test
    void eMailIsOfferedAsContactOnlyWithAnAddressAndNothingWithoutTheCapability() {
        // given
        logInTaro();
        // then
        assertThat(vm.contactChoices()).containsExactly(ContactMethod.EMAIL, ContactMethod.PHONE, ContactMethod.NONE);
        server.patrons.capabilities.remove(Capability.HOLD_CONTACT_METHOD);
        vm.open();
        assertThat(vm.contactChoices()).isEmpty();
    }

    @Test
    void seenRemovesACancelledHoldFromTheList() {
        // given
        logInTaro();
        // when
        vm.dismissCancelled(vm.cancelledHolds().get(0));
        // then
        assertThat(vm.cancelledHolds()).isEmpty();
    }

    @Test
    void clearForgetsEverythingOfThePatron() {
        // given
        logInTaro();
        vm.askRenew(loan("c1"));
        // when
        vm.clear();
        // then
        assertThat(vm.holdsNothing()).isTrue();
        assertThat(vm.pickupLibraries()).isEmpty();
        assertThat(List.of(vm.loans(), vm.holds(), vm.cancelledHolds())).allMatch(List::isEmpty);
    }

    @Test
    void requestsTakenAtThisKioskAreListedWithWhereTheyStandAndForgottenWithTheSession() {
        // given a hold queued offline with Taro's card, placed when the connection returned
        org.opackiosk.core.outbox.InMemoryOutbox outbox = new org.opackiosk.core.outbox.InMemoryOutbox(
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-23T05:05:00Z"), java.time.ZoneOffset.UTC));
        var placed = outbox.enqueue(org.opackiosk.core.outbox.Operation.PlaceHold.single(
                org.opackiosk.core.outbox.PatronRef.card("01000001"), "r7", "CEN"));
        outbox.enqueue(org.opackiosk.core.outbox.Operation.PlaceHold.single(
                org.opackiosk.core.outbox.PatronRef.card("01000001"), "r8", "CEN"));
        outbox.markDone(placed.id());
        var requests = new org.opackiosk.core.outbox.PatronRequests(outbox);
        vm.setQueuedRequests(p -> requests.requests(p.id(), p.cardNumber()).stream()
                .map(e -> new org.opackiosk.app.offline.QueuedRequest(e, Optional.of(e.sequence() == 1 ? "走れメロス" : "山月記")))
                .toList(), java.time.ZoneId.of("Asia/Tokyo"));

        // when
        logInTaro();

        // then
        assertThat(vm.queuedRequests()).hasSize(2);
        assertThat(vm.queuedText(vm.queuedRequests().get(0))).containsExactly("「走れメロス」の予約",
                "受付：2026年11月23日 14時05分", "手続きが済みました");
        assertThat(vm.queuedText(vm.queuedRequests().get(1)).get(2)).isEqualTo("送信待ち：図書館のシステムにつながりしだい送ります");

        // when the session ends
        vm.clear();

        // then
        assertThat(vm.queuedRequests()).isEmpty();
        assertThat(vm.holdsNothing()).isTrue();
    }

    @Test
    void aChangeStillWaitingToBeSentIsNotOfferedAgain() {
        // given a cancel of h1 saved while the server did not answer
        org.opackiosk.core.outbox.InMemoryOutbox outbox = new org.opackiosk.core.outbox.InMemoryOutbox(java.time.Clock.systemUTC());
        outbox.enqueue(new org.opackiosk.core.outbox.Operation.CancelHold(
                org.opackiosk.core.outbox.PatronRef.id(new PatronId("1")), "h1"));
        var requests = new org.opackiosk.core.outbox.PatronRequests(outbox);
        vm.setQueuedRequests(p -> requests.requests(p.id(), p.cardNumber()).stream()
                .map(e -> new org.opackiosk.app.offline.QueuedRequest(e, Optional.empty())).toList(), java.time.ZoneOffset.UTC);

        // when
        logInTaro();

        // then
        assertThat(vm.changeWaiting("h1")).isTrue();
        assertThat(vm.changeWaiting("h2")).isFalse();
        assertThat(vm.changeWaiting("c1")).isFalse();
        assertThat(vm.queuedText(vm.queuedRequests().get(0))).startsWith("予約の取消");
    }

    @Test
    void theMessageFollowsALanguageSwitchOnTheSameScreen() {
        // given a refusal and then a renewal said in Japanese
        logInTaro();
        vm.askRenew(loan("c2"));
        // when / then
        l10n.setLocale(Localization.ENGLISH);
        assertThat(vm.messageProperty().get()).isEqualTo(
                "Someone else is waiting for this item, so it cannot be renewed. Please return it by the due date.");
        l10n.setLocale(Localization.JAPANESE);
        vm.askRenew(loan("c1"));
        vm.confirmRenew();
        l10n.setLocale(Localization.ENGLISH);
        assertThat(vm.messageProperty().get()).isEqualTo("“坊っちゃん” is renewed. The new due date is 11 Dec 2026.");
    }

    @Test
    void aHoldInTransitSaysSoAndOffersNoChangeOrCancel() {
        // given a hold travelling to its pickup library
        server.patrons.holds.add(new Hold("h7", "r7", "走れメロス", org.opackiosk.core.holds.HoldStatus.IN_TRANSIT, Optional.empty(),
                "KITA", org.opackiosk.core.holds.ContactMethod.EMAIL, FakePatronAccounts.TODAY.minusDays(9), Optional.empty(),
                Optional.empty()));
        logInTaro();
        // then
        assertThat(vm.holdStatus(hold("h7"))).isEqualTo("回送中（受取館へ運んでいます）");
        assertThat(vm.holdChangeOffered(hold("h7"))).isFalse();
        vm.askCancel(hold("h7"));
        vm.askChange(hold("h7"));
        assertThat(vm.confirmationProperty().get()).isNull();
        // while a hold only waiting in the queue can be changed
        assertThat(vm.holdStatus(hold("h1"))).isEqualTo("予約中（2番目）");
        assertThat(vm.holdChangeOffered(hold("h1"))).isTrue();
        l10n.setLocale(Localization.ENGLISH);
        assertThat(vm.holdStatus(hold("h7"))).isEqualTo("In transit to the pickup library");
    }

    @Test
    void renewIsOfferedOnlyForALoanTheServerAllowsToRenew() {
        // given
        logInTaro();
        // then: c1 may be renewed, c2 may not (someone is waiting)
        assertThat(vm.renewOffered(loan("c1"))).isTrue();
        assertThat(vm.renewOffered(loan("c2"))).isFalse();
    }
}

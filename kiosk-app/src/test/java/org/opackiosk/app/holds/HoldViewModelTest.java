package org.opackiosk.app.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.holds.HoldViewModel.Step;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.PatronSession;

class HoldViewModelTest {

    private final FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
    private final PatronSession session = new PatronSession();
    private final HoldViewModel vm = new HoldViewModel(server.service(), session, "CEN", new QueuedScheduler(false),
            KioskFixture.IMMEDIATE, new Localization(Localization.JAPANESE));

    private void logIn(String card, String id) {
        PatronSummary s = ((CallResult.Ok<PatronSummary>) server.patrons.patronSummary(new PatronId(id))).value();
        session.start(new LoggedInPatron(new PatronId(id), card, s));
    }

    @Test
    void thePickupLibraryIsThisKiosksBranchAndEMailIsOfferedWithAnAddress() {
        // given
        logIn("01000001", "1");
        // when
        vm.start("r7", "走れメロス");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(vm.pickupProperty().get()).isEqualTo("CEN");
        assertThat(vm.contactChoices()).containsExactly(ContactMethod.EMAIL, ContactMethod.PHONE, ContactMethod.NONE);
        assertThat(vm.contactProperty().get()).isEqualTo(ContactMethod.EMAIL);
    }

    @Test
    void withoutAnAddressEMailIsNotOfferedAndWithoutTheCapabilityNoChoiceIsShown() {
        // given
        logIn("01000005", "5");
        vm.start("r7", "走れメロス");
        assertThat(vm.contactChoices()).containsExactly(ContactMethod.PHONE, ContactMethod.NONE);
        // when
        server.patrons.capabilities.remove(Capability.HOLD_CONTACT_METHOD);
        vm.start("r7", "走れメロス");
        // then
        assertThat(vm.contactChoices()).isEmpty();
        assertThat(vm.contactProperty().get()).isEqualTo(ContactMethod.PHONE);
    }

    @Test
    void placingShowsThePickupLibraryAndThePlaceInTheQueue() {
        // given
        logIn("01000001", "1");
        vm.start("r7", "走れメロス");
        vm.choosePickup("KITA");
        vm.chooseContact(ContactMethod.PHONE);
        // when
        vm.place();
        // then
        assertThat(server.patrons.calls).contains("placeHold r7 KITA PHONE");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PLACED);
        assertThat(vm.placedProperty().get()).isEqualTo(new HoldViewModel.Placed("走れメロス", "北分館", Optional.of(3)));
    }

    @Test
    void aRefusalIsSaidAgainInTheLanguageSwitchedTo() {
        // given a refusal shown in Japanese
        Localization l10n = new Localization(Localization.JAPANESE);
        HoldViewModel hold = new HoldViewModel(server.service(), session, "CEN", new QueuedScheduler(false), KioskFixture.IMMEDIATE, l10n);
        logIn("01000001", "1");
        hold.start("r3", "吾輩は猫である");
        String japanese = hold.messageProperty().get();
        // when
        l10n.setLocale(Localization.ENGLISH);
        // then
        assertThat(hold.messageProperty().get()).isNotEmpty().isNotEqualTo(japanese).doesNotContain("予約");
        assertThat(hold.holdsNothing()).isFalse();
    }

    @Test
    void aRecordAlreadyOnHoldIsRefusedBeforeAskingTheServerToPlaceIt() {
        // given
        logIn("01000001", "1");
        // when
        vm.start("r3", "吾輩は猫である");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.REFUSED);
        assertThat(vm.messageProperty().get()).isEqualTo("この資料はすでに予約しています。予約の一覧で確認してください。");
        assertThat(server.patrons.calls).noneMatch(c -> c.startsWith("placeHold"));
    }

    @Test
    void theServersRefusalIsExplainedInPlainWords() {
        // given
        logIn("01000001", "1");
        server.patrons.holdRefusal = new Refusal("too_many_reserves", "refusal.too_many_reserves");
        vm.start("r7", "走れメロス");
        // when
        vm.place();
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.REFUSED);
        assertThat(vm.messageProperty().get()).startsWith("予約できる点数の上限に達しています。");
    }

    @Test
    void clearForgetsTheHold() {
        // given
        logIn("01000001", "1");
        vm.start("r7", "走れメロス");
        vm.place();
        // when
        vm.clear();
        // then
        assertThat(vm.holdsNothing()).isTrue();
        assertThat(List.of(vm.pickupLibraries(), vm.contactChoices())).allMatch(List::isEmpty);
    }

    private void logInWith(Optional<org.opackiosk.core.patron.SuspensionCategory> restriction, List<org.opackiosk.core.patron.Notice> notices) {
        PatronSummary s = ((CallResult.Ok<PatronSummary>) server.patrons.patronSummary(new PatronId("1"))).value();
        session.start(new LoggedInPatron(s.id(), s.cardNumber(), new PatronSummary(s.id(), s.cardNumber(), s.displayName(),
                s.email(), s.secondaryEmail(), s.expiryDate(), restriction, s.loanCount(), s.overdueCount(), s.holdCount(),
                s.readyHoldCount(), notices)));
    }

    @Test
    void aSuspendedPatronIsRefusedBeforeAskingTheServerAnything() {
        // given
        logInWith(Optional.of(org.opackiosk.core.patron.SuspensionCategory.OVERDUES), List.of());
        server.patrons.calls.clear();
        // when
        vm.start("r7", "走れメロス");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.REFUSED);
        assertThat(vm.messageProperty().get()).isEqualTo("現在、貸出と予約が停止されています。カウンターの職員にお声がけください。");
        vm.place();
        assertThat(server.patrons.calls).isEmpty();
    }

    @Test
    void anExpiredCardIsRefusedBeforeAskingTheServerAnything() {
        // given
        logInWith(Optional.empty(), List.of(new org.opackiosk.core.patron.Notice.CardExpired(LocalDate.of(2026, 11, 1))));
        server.patrons.calls.clear();
        // when
        vm.start("r7", "走れメロス");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.REFUSED);
        assertThat(vm.messageProperty().get()).isEqualTo("利用者カードの有効期限が切れています。カウンターで更新の手続きをしてください。");
        vm.place();
        assertThat(server.patrons.calls).isEmpty();
    }

    @Test
    void materialWhoseEveryCopyIsNotForLoanIsRefusedWithoutPlacingAHold() {
        // given: r7's two copies are both for use in the library only
        logIn("01000001", "1");
        server.copies.put("r7", List.of(copy("i71", true), copy("i72", true)));
        // when
        vm.start("r7", "走れメロス");
        vm.place();
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.REFUSED);
        assertThat(vm.messageProperty().get()).isEqualTo("この資料は館内でのみ利用できるため、予約できません。館内でご覧ください。");
        assertThat(server.patrons.calls).noneMatch(c -> c.startsWith("placeHold"));
    }

    @Test
    void oneLoanableCopyIsEnoughToOfferTheHold() {
        // given
        logIn("01000001", "1");
        server.copies.put("r7", List.of(copy("i71", true), copy("i72", false)));
        // when
        vm.start("r7", "走れメロス");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
    }

    @Test
    void atTheLibrarysHoldLimitTheHoldIsRefusedWithoutPlacingIt() {
        // given: the patron has 2 current holds and the library allows 2
        logIn("01000001", "1");
        vm.setHoldLimit(java.util.OptionalInt.of(2));
        // when
        vm.start("r7", "走れメロス");
        vm.place();
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.REFUSED);
        assertThat(vm.messageProperty().get()).startsWith("予約できる点数の上限に達しています。");
        assertThat(server.patrons.calls).noneMatch(c -> c.startsWith("placeHold"));

        // and one below the limit the hold goes on
        vm.setHoldLimit(java.util.OptionalInt.of(3));
        vm.start("r7", "走れメロス");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
    }

    private static org.opackiosk.core.circulation.Item copy(String id, boolean notForLoan) {
        return new org.opackiosk.core.circulation.Item(id, "B" + id, "CEN", "CEN", "913.6", "", "BK", notForLoan, Optional.empty());
    }
}

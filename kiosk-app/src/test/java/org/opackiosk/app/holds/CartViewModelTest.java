package org.opackiosk.app.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.holds.CartViewModel.Entry;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.PatronSession;

class CartViewModelTest {

    private final FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
    private final PatronSession session = new PatronSession();
    private final CartViewModel vm = new CartViewModel(server.service(), session, "CEN", new QueuedScheduler(false),
            KioskFixture.IMMEDIATE, new Localization(Localization.JAPANESE));

    private void logInTaro() {
        PatronSummary s = ((CallResult.Ok<PatronSummary>) server.patrons.patronSummary(new PatronId("1"))).value();
        session.start(new LoggedInPatron(new PatronId("1"), "01000001", s));
    }

    @Test
    void aRecordGoesInTheCartOnce() {
        assertThat(vm.add("r7", "走れメロス")).isEqualTo(org.opackiosk.app.holds.CartAdder.Outcome.ADDED);
        assertThat(vm.add("r7", "走れメロス")).isEqualTo(org.opackiosk.app.holds.CartAdder.Outcome.ALREADY_IN_CART);
        assertThat(vm.entries()).hasSize(1);
    }

    @Test
    void aFullCartSaysSoAndTakesNothingMore() {
        for (int i = 0; i < CartViewModel.MAX_ITEMS; i++) {
            assertThat(vm.add("r" + i, "巻" + i)).isEqualTo(CartAdder.Outcome.ADDED);
        }

        assertThat(vm.add("extra", "もう一冊")).isEqualTo(CartAdder.Outcome.FULL);
        assertThat(vm.add("r0", "巻0")).as("already there wins over full").isEqualTo(CartAdder.Outcome.ALREADY_IN_CART);
        assertThat(vm.entries()).hasSize(CartViewModel.MAX_ITEMS);
    }

    @Test
    void theTickedRecordsArePlacedWithOnePickupAndTheResultIsShownPerRecord() {
        // given
        vm.add("r7", "走れメロス");
        vm.add("r8", "山月記");
        vm.add("r9", "檸檬");
        vm.entries().get(2).tickedProperty().set(false);
        logInTaro();
        vm.review();
        vm.choosePickup("KITA");
        // when
        vm.placeAll();
        // then
        assertThat(server.patrons.calls).contains("placeHold r7 KITA EMAIL", "placeHold r8 KITA EMAIL")
                .noneMatch(c -> c.startsWith("placeHold r9"));
        assertThat(vm.outcomes()).extracting(CartViewModel.Outcome::sentence)
                .containsExactly("予約しました（受取館：北分館、3番目）", "予約しました（受取館：北分館、3番目）");
        assertThat(vm.entries()).extracting(Entry::recordId).containsExactly("r9");
    }

    @Test
    void theReceiptListsThePlacedHoldsWithTheirPlaceAndIsForgottenOnLeaving() {
        // given
        vm.add("r7", "走れメロス");
        vm.add("r8", "山月記");
        logInTaro();
        vm.review();
        vm.choosePickup("KITA");
        assertThat(vm.receiptProperty().get()).isNull();
        // when
        vm.placeAll();
        // then
        CartViewModel.Receipt receipt = vm.receiptProperty().get();
        assertThat(receipt.pickupLibrary()).isEqualTo("北分館");
        assertThat(receipt.holds()).containsExactly(
                new org.opackiosk.core.device.Slips.PlacedHold("走れメロス", java.util.Optional.of(3)),
                new org.opackiosk.core.device.Slips.PlacedHold("山月記", java.util.Optional.of(3)));
        vm.clear();
        assertThat(vm.receiptProperty().get()).isNull();
        assertThat(vm.holdsNothing()).isTrue();
    }

    @Test
    void nothingPlacedMeansNoReceipt() {
        vm.add("r7", "走れメロス");
        logInTaro();
        vm.review();
        server.patrons.holdRefusal = new Refusal("too_many_reserves", "refusal.too_many_reserves");

        vm.placeAll();

        assertThat(vm.receiptProperty().get()).isNull();
    }

    @Test
    void aRefusalIsShownForItsRecordOnly() {
        // given
        vm.add("r7", "走れメロス");
        logInTaro();
        vm.review();
        server.patrons.holdRefusal = new Refusal("too_many_reserves", "refusal.too_many_reserves");
        // when
        vm.placeAll();
        // then
        assertThat(vm.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.placed()).isFalse();
            assertThat(o.sentence()).startsWith("予約できる点数の上限に達しています。");
        });
        assertThat(vm.entries()).hasSize(1);
    }

    @Test
    void aSeriesInOrderIsOneOrderedRequestInTheChosenOrder() {
        // given
        vm.add("v2", "第2巻");
        vm.add("v1", "第1巻");
        logInTaro();
        vm.review();
        vm.setInOrder(true);
        vm.moveUp(vm.entries().get(1));
        // when
        vm.placeAll();
        // then
        assertThat(server.patrons.calls).contains("placeHold v1,v2 CEN EMAIL");
    }

    @Test
    void aSeriesFromARecordPageGoesFirstTickedAndInOrderAndWhatWasThereWaitsUnticked() {
        // given a cart with another record and one volume of the series already in it
        vm.add("r8", "山月記");
        vm.add("v3", "三国志 第3巻");
        // when the patron reserves the series from volume 2 on, before logging in
        vm.addSeries(List.of(new SeriesAdder.Volume("v2", "三国志 第2巻"), new SeriesAdder.Volume("v3", "三国志 第3巻"),
                new SeriesAdder.Volume("v4", "三国志 第4巻")));
        logInTaro();
        vm.review();
        vm.placeAll();
        // then
        assertThat(vm.entries()).extracting(Entry::recordId).containsExactly("r8");
        assertThat(vm.entries().get(0).tickedProperty().get()).isFalse();
        assertThat(server.patrons.calls).contains("placeHold v2,v3,v4 CEN EMAIL").noneMatch(c -> c.contains("r8"));
    }

    @Test
    void aSeriesTakesOnlyWhatFitsInTheCartAndIsNotInOrderWhereTheServerCannot() {
        // given
        server.patrons.capabilities.remove(Capability.ORDERED_SERIES_HOLDS);
        for (int i = 0; i < CartViewModel.MAX_ITEMS - 1; i++) {
            vm.add("r" + i, "巻" + i);
        }
        // when
        vm.addSeries(List.of(new SeriesAdder.Volume("v1", "第1巻"), new SeriesAdder.Volume("v2", "第2巻")));
        logInTaro();
        vm.review();
        // then
        assertThat(vm.entries()).hasSize(CartViewModel.MAX_ITEMS);
        assertThat(vm.entries().get(0).recordId()).isEqualTo("v1");
        assertThat(vm.inOrderProperty().get()).isFalse();
    }

    @Test
    void theResultPerRecordIsSaidAgainInTheLanguageSwitchedTo() {
        // given
        Localization l10n = new Localization(Localization.JAPANESE);
        CartViewModel cart = new CartViewModel(server.service(), session, "CEN", new QueuedScheduler(false), KioskFixture.IMMEDIATE, l10n);
        cart.add("r7", "走れメロス");
        logInTaro();
        cart.review();
        cart.placeAll();
        assertThat(cart.outcomes().get(0).sentence()).startsWith("予約しました");
        // when
        l10n.setLocale(java.util.Locale.ENGLISH);
        // then
        assertThat(cart.outcomes()).hasSize(1);
        assertThat(cart.outcomes().get(0).sentence()).doesNotContain("予約しました").contains("中央図書館");
    }

    @Test
    void withoutTheServersOrderedHoldsTheSeriesOptionIsNotOffered() {
        // given
        server.patrons.capabilities.remove(Capability.ORDERED_SERIES_HOLDS);
        logInTaro();
        // when
        vm.review();
        vm.setInOrder(true);
        // then
        assertThat(vm.seriesOfferedProperty().get()).isFalse();
        assertThat(vm.inOrderProperty().get()).isFalse();
    }

    @Test
    void whatTheKioskCanTellIsRefusedPerRecordWithoutAskingTheServerAndTheRestIsPlaced() {
        // given: r3 is already held by the patron, r7's every copy is for use in the library only
        server.copies.put("r7", List.of(copy("i71", true), copy("i72", true)));
        vm.add("r3", "吾輩は猫である");
        vm.add("r7", "走れメロス");
        vm.add("r8", "山月記");
        logInTaro();
        vm.review();
        // when
        vm.placeAll();
        // then
        assertThat(server.patrons.calls).filteredOn(c -> c.startsWith("placeHold")).containsExactly("placeHold r8 CEN EMAIL");
        assertThat(vm.outcomes()).extracting(CartViewModel.Outcome::title, CartViewModel.Outcome::placed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("吾輩は猫である", false), org.assertj.core.groups.Tuple.tuple("走れメロス", false),
                org.assertj.core.groups.Tuple.tuple("山月記", true));
        assertThat(vm.outcomes().get(0).sentence()).isEqualTo("この資料はすでに予約しています。予約の一覧で確認してください。");
        assertThat(vm.outcomes().get(1).sentence()).isEqualTo("この資料は館内でのみ利用できるため、予約できません。館内でご覧ください。");
        assertThat(vm.entries()).extracting(Entry::recordId).containsExactly("r3", "r7");
    }

    @Test
    void theHoldLimitCountsTheRecordsPlacedBeforeInTheCartsOrder() {
        // given: the patron has 2 current holds and the library allows 3
        vm.setHoldLimit(java.util.OptionalInt.of(3));
        vm.add("r7", "走れメロス");
        vm.add("r8", "山月記");
        vm.add("r9", "檸檬");
        logInTaro();
        vm.review();
        // when
        vm.placeAll();
        // then: the first fits, the next two are refused before the server is asked
        assertThat(server.patrons.calls).filteredOn(c -> c.startsWith("placeHold")).containsExactly("placeHold r7 CEN EMAIL");
        assertThat(vm.outcomes()).extracting(CartViewModel.Outcome::placed).containsExactly(true, false, false);
        assertThat(vm.outcomes().get(2).sentence()).startsWith("予約できる点数の上限に達しています。");
    }

    @Test
    void aSeriesInOrderSendsOnlyTheVolumesTheKioskDoesNotRefuseStillInOrder() {
        // given: of three volumes, the patron already holds the middle one
        vm.add("v1", "第1巻");
        vm.add("r3", "吾輩は猫である");
        vm.add("v3", "第3巻");
        logInTaro();
        vm.review();
        vm.setInOrder(true);
        // when
        vm.placeAll();
        // then
        assertThat(server.patrons.calls).filteredOn(c -> c.startsWith("placeHold")).containsExactly("placeHold v1,v3 CEN EMAIL");
        assertThat(vm.outcomes()).extracting(CartViewModel.Outcome::placed).containsExactly(true, false, true);
    }

    @Test
    void aSuspendedCardIsRefusedForEveryRecordAndNothingIsSent() {
        // given
        vm.add("r7", "走れメロス");
        vm.add("r8", "山月記");
        PatronSummary s = ((CallResult.Ok<PatronSummary>) server.patrons.patronSummary(new PatronId("1"))).value();
        session.start(new LoggedInPatron(s.id(), s.cardNumber(), new PatronSummary(s.id(), s.cardNumber(), s.displayName(),
                s.email(), s.secondaryEmail(), s.expiryDate(), java.util.Optional.of(org.opackiosk.core.patron.SuspensionCategory.FINES),
                s.loanCount(), s.overdueCount(), s.holdCount(), s.readyHoldCount(), s.notices())));
        vm.review();
        server.patrons.calls.clear();
        // when
        vm.placeAll();
        // then
        assertThat(server.patrons.calls).isEmpty();
        assertThat(vm.outcomes()).extracting(CartViewModel.Outcome::sentence).containsOnly(
                "現在、貸出と予約が停止されています。カウンターの職員にお声がけください。");
        assertThat(vm.entries()).hasSize(2);
    }

    @Test
    void whenTheServerDoesNotAnswerTheChecksStopAskingAndTheHoldsAreStillSent() {
        // given: a cart on a port that notes each call, and a server that stops answering after the cart opened
        List<String> asked = new java.util.ArrayList<>();
        org.opackiosk.core.circulation.CirculationService noting = (org.opackiosk.core.circulation.CirculationService)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.opackiosk.core.circulation.CirculationService.class}, (proxy, method, args) -> {
                            asked.add(method.getName());
                            try {
                                return method.invoke(server.service(), args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        CartViewModel cart = new CartViewModel(noting, session, "CEN", new QueuedScheduler(false), KioskFixture.IMMEDIATE,
                new Localization(Localization.JAPANESE));
        cart.add("r7", "走れメロス");
        cart.add("r8", "山月記");
        logInTaro();
        cart.review();
        server.setReachable(false);
        asked.clear();
        // when
        cart.placeAll();
        // then: no record's copies were asked for; each hold was still tried, and the patron is told it did not go
        assertThat(asked).containsExactly("holds", "placeHold", "placeHold");
        assertThat(cart.outcomes()).extracting(CartViewModel.Outcome::placed).containsExactly(false, false);
    }

    private static org.opackiosk.core.circulation.Item copy(String id, boolean notForLoan) {
        return new org.opackiosk.core.circulation.Item(id, "B" + id, "CEN", "CEN", "913.6", "", "BK", notForLoan, java.util.Optional.empty());
    }
}

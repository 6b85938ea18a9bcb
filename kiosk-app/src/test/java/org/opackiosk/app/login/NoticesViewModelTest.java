package org.opackiosk.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.patron.Notice;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.patron.SuspensionCategory;
import org.opackiosk.core.session.LoggedInPatron;

class NoticesViewModelTest {

    private final Localization l10n = new Localization(Localization.JAPANESE);
    private final NoticesViewModel vm = new NoticesViewModel(l10n, () -> { });

    private static LoggedInPatron with(List<Notice> notices) {
        PatronId id = new PatronId("7");
        return new LoggedInPatron(id, "01000007", new PatronSummary(id, "01000007", "x", Optional.empty(), Optional.empty(),
                LocalDate.of(2026, 11, 1), Optional.empty(), 0, 0, 0, 0, notices));
    }

    @Test
    void everyNoticeIsASentenceWithWhatToDo() {
        // given
        boolean any = vm.show(with(List.of(new Notice.CardExpired(LocalDate.of(2026, 11, 1)), new Notice.Suspended(SuspensionCategory.OTHER),
                new Notice.Overdue(2), new Notice.HoldsReady(List.of(new Notice.ReadyHold("こころ", LocalDate.of(2026, 11, 29)))))));
        // then
        assertThat(any).isTrue();
        assertThat(vm.notices().stream().map(vm::text).toList()).containsExactly(
                "利用者カードの有効期限（2026年11月1日）が切れています。住所を確認できるものを持ってカウンターで更新してください。",
                "現在、貸出と予約ができません（貸出禁止）。カウンターの職員にお声がけください。",
                "返却期限日を過ぎている資料が2点あります。お早めに返却してください。",
                "受け取りの準備ができた予約が1点あります。下の取置期限日までにお受け取りください。\n・「こころ」　2026年11月29日まで");
        l10n.setLocale(Localization.ENGLISH);
        assertThat(vm.text(new Notice.Overdue(2))).isEqualTo("Items past the due date: 2. Please return them soon.");
        assertThat(vm.text(new Notice.CardExpiresSoon(LocalDate.of(2026, 12, 10)))).contains("10 Dec 2026");
    }

    @Test
    void aSuspensionSaysItsReasonCategoryInTheLanguageOfTheScreen() {
        // when / then: each category its own sentence, in Japanese and in English
        assertThat(vm.text(new Notice.Suspended(SuspensionCategory.OVERDUES))).isEqualTo(
                "返却期限日を過ぎた資料があるため、現在、貸出と予約ができません（貸出禁止）。資料を返却して、カウンターの職員にお声がけください。");
        assertThat(vm.text(new Notice.Suspended(SuspensionCategory.LATE_RETURNS))).isEqualTo(
                "返却が遅れたため、しばらくの間、貸出と予約ができません（貸出禁止）。いつまでかはカウンターでお尋ねください。");
        assertThat(vm.text(new Notice.Suspended(SuspensionCategory.FINES))).isEqualTo(
                "弁償や料金のお支払いが済んでいないため、現在、貸出と予約ができません（貸出禁止）。カウンターの職員にお声がけください。");
        assertThat(vm.text(new Notice.Suspended(SuspensionCategory.MANUAL))).isEqualTo(
                "図書館の判断により、現在、貸出と予約ができません（貸出禁止）。カウンターの職員にお声がけください。");
        assertThat(vm.text(new Notice.Suspended(SuspensionCategory.OTHER))).isEqualTo(
                "現在、貸出と予約ができません（貸出禁止）。カウンターの職員にお声がけください。");
        l10n.setLocale(Localization.ENGLISH);
        assertThat(vm.text(new Notice.Suspended(SuspensionCategory.OVERDUES))).isEqualTo(
                "You cannot borrow or place holds because items are past their due date. Please return them and ask at the counter.");
        assertThat(vm.text(new Notice.Suspended(SuspensionCategory.FINES))).isEqualTo(
                "You cannot borrow or place holds until a replacement or fee is paid. Please ask at the counter.");
        java.util.Set<String> english = new java.util.HashSet<>();
        for (SuspensionCategory category : SuspensionCategory.values()) {
            english.add(vm.text(new Notice.Suspended(category)));
        }
        assertThat(english).hasSize(SuspensionCategory.values().length).noneMatch(t -> t.matches(".*[\\p{IsHan}\\p{IsHiragana}].*"));
    }

    @Test
    void eachReadyHoldIsListedWithItsOwnLastDayTheFirstDeadlineFirst() {
        // given two holds on the hold shelf with different last days, given latest first
        Notice.HoldsReady ready = new Notice.HoldsReady(List.of(
                new Notice.ReadyHold("吾輩は猫である", LocalDate.of(2026, 11, 30)),
                new Notice.ReadyHold("こころ", LocalDate.of(2026, 11, 26))));
        // when / then
        assertThat(vm.text(ready)).isEqualTo("受け取りの準備ができた予約が2点あります。下の取置期限日までにお受け取りください。\n"
                + "・「こころ」　2026年11月26日まで\n・「吾輩は猫である」　2026年11月30日まで");
        l10n.setLocale(Localization.ENGLISH);
        assertThat(vm.text(ready)).isEqualTo("Holds ready for pickup: 2. Please collect each by the day shown.\n"
                + "• “こころ” — by 26 Nov 2026\n• “吾輩は猫である” — by 30 Nov 2026");
        assertThat(vm.text(new Notice.HoldsReady(List.of(new Notice.ReadyHold("", LocalDate.of(2026, 11, 26))))))
                .endsWith("\n• (title unknown) — by 26 Nov 2026");
    }

    @Test
    void aPatronWithoutNoticesGoesStraightOn() {
        assertThat(vm.show(with(List.of()))).isFalse();
    }

    @Test
    void aRefusedRequestFromThisKioskSaysWhatWhenAndWhyAndContinuingMarksItTold() {
        // given a hold queued offline at 14:05 Tokyo time, refused when it was sent
        java.util.List<java.util.List<java.util.UUID>> told = new java.util.ArrayList<>();
        vm.setOnAcknowledged(told::add);
        vm.setZone(java.time.ZoneId.of("Asia/Tokyo"));
        org.opackiosk.core.outbox.OutboxEntry entry = new org.opackiosk.core.outbox.OutboxEntry(java.util.UUID.randomUUID(), 4,
                org.opackiosk.core.outbox.Operation.PlaceHold.single(org.opackiosk.core.outbox.PatronRef.card("01000007"),
                        "r7", "CEN"), java.time.Instant.parse("2026-11-23T05:05:00Z"), 1, java.time.Instant.parse("2026-11-23T05:05:00Z"),
                org.opackiosk.core.outbox.OutboxState.REFUSED, Optional.of("refused"),
                Optional.of(new org.opackiosk.core.circulation.Refusal("item_already_on_hold", "refusal.item_already_on_hold")));
        org.opackiosk.app.offline.QueuedRequest refused = new org.opackiosk.app.offline.QueuedRequest(entry, Optional.of("走れメロス"));

        // when
        boolean any = vm.show(with(List.of()), List.of(refused));

        // then
        assertThat(any).isTrue();
        assertThat(vm.refusals().stream().map(vm::text).toList()).containsExactly(
                "2026年11月23日 14時05分にこの端末で受け付けた「走れメロス」の予約は、図書館のシステムで受け付けられませんでした。"
                        + "この資料はすでに予約しています。予約の一覧で確認してください。");
        l10n.setLocale(Localization.ENGLISH);
        assertThat(vm.text(refused)).isEqualTo("Hold on \"走れメロス\", taken at this kiosk on 23 November 2026, 14:05, was not"
                + " accepted by the library system. You already have a hold on this item. You can see it in your list of holds.");

        // when the patron goes on
        vm.continueToMyPage();

        // then it is told, and not shown again
        assertThat(told).containsExactly(List.of(entry.id()));
        assertThat(vm.refusals()).isEmpty();
    }

    @Test
    void leavingWithoutContinuingTellsNothing() {
        java.util.List<java.util.List<java.util.UUID>> told = new java.util.ArrayList<>();
        vm.setOnAcknowledged(told::add);

        vm.show(with(List.of()), List.of());
        vm.clear();
        vm.continueToMyPage();

        assertThat(told).isEmpty();
    }
}

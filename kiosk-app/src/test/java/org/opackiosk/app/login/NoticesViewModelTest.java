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
        boolean any = vm.show(with(List.of(new Notice.CardExpired(LocalDate.of(2026, 11, 1)), new Notice.Suspended(""),
                new Notice.Overdue(2), new Notice.HoldsReady(1, LocalDate.of(2026, 11, 29)))));
        // then
        assertThat(any).isTrue();
        assertThat(vm.notices().stream().map(vm::text).toList()).containsExactly(
                "利用者カードの有効期限（2026年11月1日）が切れています。住所を確認できるものを持ってカウンターで更新してください。",
                "現在、貸出と予約ができません（貸出禁止）。カウンターの職員にお声がけください。",
                "返却期限日を過ぎている資料が2点あります。お早めに返却してください。",
                "受け取りの準備ができた予約が1点あります。2026年11月29日までにお受け取りください。");
        l10n.setLocale(Localization.ENGLISH);
        assertThat(vm.text(new Notice.Overdue(2))).isEqualTo("Items past the due date: 2. Please return them soon.");
        assertThat(vm.text(new Notice.CardExpiresSoon(LocalDate.of(2026, 12, 10)))).contains("10 Dec 2026");
    }

    @Test
    void aPatronWithoutNoticesGoesStraightOn() {
        assertThat(vm.show(with(List.of()))).isFalse();
    }
}

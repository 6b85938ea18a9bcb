package org.opackiosk.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.account.EmailViewModel.Slot;
import org.opackiosk.app.account.EmailViewModel.Step;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.PatronSession;

class EmailViewModelTest {

    private final FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
    private final PatronSession session = new PatronSession();
    private final Localization l10n = new Localization(Localization.JAPANESE);
    private final EmailViewModel vm = new EmailViewModel(server.service(), session, new QueuedScheduler(false),
            KioskFixture.IMMEDIATE, l10n);

    private void logInTaro() {
        PatronSummary s = ((CallResult.Ok<PatronSummary>) server.patrons.patronSummary(new PatronId("1"))).value();
        session.start(new LoggedInPatron(new PatronId("1"), "01000001", s));
        vm.open();
    }

    private void type(String text) {
        vm.clearInput();
        text.chars().forEach(c -> vm.key(String.valueOf((char) c)));
    }

    @Test
    void aChangedAddressIsSavedAndThePatronToldAConfirmationWasSent() {
        // given
        logInTaro();
        vm.edit(Slot.PRIMARY);
        type("taro@dokomo.ne.jp");
        assertThat(vm.suggestionProperty().get()).isEqualTo("taro@docomo.ne.jp");
        vm.acceptSuggestion();
        // when
        vm.save();
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.messageProperty().get()).isEqualTo("確認メールを送信しました。届いたメールをご確認ください。");
        assertThat(session.current().orElseThrow().summary().email()).hasValue("taro@docomo.ne.jp");
    }

    @Test
    void reEnteringTheCurrentAddressIsNotAChange() {
        // given
        logInTaro();
        vm.edit(Slot.PRIMARY);
        type("TARO@example.jp");
        // when
        vm.save();
        // then
        assertThat(vm.messageProperty().get()).isEqualTo("いま登録されているアドレスと同じです。変更はありません。");
        assertThat(server.patrons.calls).noneMatch(c -> c.startsWith("updateEmails"));
    }

    @Test
    void mistakesAreExplainedAsThePatronTypes() {
        // given
        logInTaro();
        vm.edit(Slot.SECONDARY);
        // when
        type("hanako@example,jp");
        // then
        assertThat(vm.checkProperty().get()).isEqualTo("「,」（カンマ）が入っています。「.」（ドット）ではありませんか？");
        vm.save();
        assertThat(server.patrons.calls).noneMatch(c -> c.startsWith("updateEmails"));
    }

    @Test
    void theAddressHoldsAreNotifiedByCannotBeDeleted() {
        // given
        logInTaro(); // hold h1 is notified by e-mail
        // when
        vm.askDelete(Slot.PRIMARY);
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DELETE);
        assertThat(vm.deleteRefusedProperty().get()).isTrue();
        vm.confirmDelete();
        assertThat(server.patrons.calls).noneMatch(c -> c.startsWith("updateEmails"));
    }

    @Test
    void anAddressNoHoldNeedsIsDeletedAfterConfirmation() {
        // given
        server.patrons.holds.clear();
        logInTaro();
        vm.askDelete(Slot.PRIMARY);
        // when
        vm.confirmDelete();
        // then
        assertThat(vm.messageProperty().get()).isEqualTo("メールアドレスを削除しました。");
        assertThat(session.current().orElseThrow().summary().email()).isEmpty();
        vm.clear();
        assertThat(vm.holdsNothing()).isTrue();
    }

    @Test
    void theCheckAndTheMessageFollowALanguageSwitchOnTheSameScreen() {
        // given a mistake and a refusal said in Japanese
        logInTaro();
        vm.edit(Slot.PRIMARY);
        type("taro@example,jp");
        assertThat(vm.checkProperty().get()).startsWith("「,」（カンマ）が入っています。");
        type("TARO@example.jp");
        vm.save();
        type("taro@example,jp");
        // when
        l10n.setLocale(Localization.ENGLISH);
        // then both are said again in English
        assertThat(vm.checkProperty().get()).isEqualTo("The address contains a comma. Did you mean a dot?");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("The address contains a comma. Did you mean a dot?");
        type("TARO@example.jp");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("This is the address already registered. Nothing changed.");
        l10n.setLocale(Localization.JAPANESE);
        assertThat(vm.messageProperty().get()).isEqualTo("いま登録されているアドレスと同じです。変更はありません。");
    }

    @Test
    void theSecondAddressIsOfferedOnlyWhereTheServerKeepsOne() {
        // given a server with a second address
        logInTaro();
        assertThat(vm.secondaryOfferedProperty().get()).isTrue();

        // when the server keeps one address only
        server.patrons.capabilities.remove(org.opackiosk.core.circulation.Capability.SECONDARY_EMAIL);
        vm.open();

        // then the second slot is not offered, and cannot be edited
        assertThat(vm.secondaryOfferedProperty().get()).isFalse();
        vm.edit(Slot.SECONDARY);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.LIST);
        vm.edit(Slot.PRIMARY);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.EDIT);
    }
}

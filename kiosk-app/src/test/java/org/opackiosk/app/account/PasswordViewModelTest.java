package org.opackiosk.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.account.PasswordViewModel.Step;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.session.CardNumberCheck;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.LoginThrottle;
import org.opackiosk.core.session.PatronSession;

class PasswordViewModelTest {

    private final FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
    private final PatronSession session = new PatronSession();
    private final PasswordViewModel vm = new PasswordViewModel(server.service(), session,
            new LoginThrottle(new MutableClock(KioskFixture.START, KioskFixture.TOKYO)), CardNumberCheck.EIGHT_DIGITS_LEADING_ZERO,
            new QueuedScheduler(false), KioskFixture.IMMEDIATE, new Localization(Localization.JAPANESE));

    private void enter(String text) {
        vm.clearInput();
        text.chars().forEach(c -> vm.key(String.valueOf((char) c)));
        vm.next();
    }

    @Test
    void aFirstPasswordIsRegisteredAfterTheIdentityCheck() {
        // given
        vm.startRegistration();
        // when
        enter("01000010");
        enter("19880707");
        enter("08000000110");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NEW);
        assertThat(vm.policyTextProperty().get()).isEqualTo("4〜10文字の半角英数字（大文字と小文字は区別します）");
        enter("midori10");
        enter("midori10");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(server.patrons.passwordsSet).containsEntry("10", "midori10");
        assertThat(vm.holdsNothing()).isFalse(); // the patron id stays until the screen is left
        vm.clear();
        assertThat(vm.holdsNothing()).isTrue();
    }

    @Test
    void aFailedIdentityCheckStartsOverWithTheServersSentence() {
        // given
        vm.startRegistration();
        enter("01000010");
        enter("19880708");
        // when
        enter("08000000110");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CARD);
        assertThat(vm.messageProperty().get()).startsWith("入力された内容で本人確認ができませんでした。");
    }

    @Test
    void theNewPasswordIsCheckedAsThePatronTypesAndTheBirthdayIsRefused() {
        // given
        vm.startRegistration();
        enter("01000010");
        enter("19880707");
        enter("08000000110");
        // when
        "0707".chars().forEach(c -> vm.key(String.valueOf((char) c)));
        // then
        assertThat(vm.liveCheckProperty().get()).isEqualTo("生年月日は、ほかの人に推測されやすいため使えません。");
        vm.key("x");
        assertThat(vm.liveCheckProperty().get()).isEqualTo("このパスワードは使えます。");
    }

    @Test
    void twoDifferentEntriesAreExplainedAndAskedAgain() {
        // given
        vm.startRegistration();
        enter("01000010");
        enter("19880707");
        enter("08000000110");
        enter("midori10");
        // when
        enter("midori11");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NEW);
        assertThat(vm.messageProperty().get()).startsWith("1回目と2回目のパスワードが違います。");
    }

    @Test
    void aLoggedInPatronChangesThePasswordWithTheCurrentOne() {
        // given
        PatronSummary s = ((CallResult.Ok<PatronSummary>) server.patrons.patronSummary(new PatronId("1"))).value();
        session.start(new LoggedInPatron(new PatronId("1"), "01000001", s));
        vm.startChange();
        // when
        enter("wrong1");
        enter("hikari77");
        enter("hikari77");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CURRENT);
        assertThat(vm.messageProperty().get()).isEqualTo("利用者番号かパスワードが違います。もう一度入力してください。");
        enter("taro1234");
        enter("hikari77");
        enter("hikari77");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(server.patrons.passwordsSet).containsEntry("1", "hikari77");
    }

    @Test
    void aPolicyAskingForLettersAndDigitsAndBothCasesIsShownBeforeTypingAndCheckedAsTyped() {
        // given a library whose server asks for a letter, a digit, an upper- and a lower-case letter
        server.patrons.policy = new PasswordPolicy(6, 10, true, true, true);
        vm.startRegistration();
        enter("01000010");
        enter("19880707");
        enter("08000000110");
        // then the rule is there before typing
        assertThat(vm.policyTextProperty().get()).isEqualTo("6〜10文字の半角英数字（大文字と小文字は区別します）\n"
                + "英字と数字を、どちらも1文字以上入れてください\n大文字と小文字を、どちらも1文字以上入れてください");
        // when / then each missing mix is said as the patron types
        "midori".chars().forEach(c -> vm.key(String.valueOf((char) c)));
        assertThat(vm.liveCheckProperty().get()).isEqualTo("英字と数字を、どちらも1文字以上入れてください。");
        vm.key("8");
        assertThat(vm.liveCheckProperty().get()).isEqualTo("大文字と小文字を、どちらも1文字以上入れてください。");
        vm.clearInput();
        "Midori8".chars().forEach(c -> vm.key(String.valueOf((char) c)));
        assertThat(vm.liveCheckProperty().get()).isEqualTo("このパスワードは使えます。");
        // and 次へ refuses what the live check refuses
        enter("midori88");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NEW);
        assertThat(vm.messageProperty().get()).isEqualTo("大文字と小文字を、どちらも1文字以上入れてください。");
    }

    @Test
    void aChangedPasswordMayNotBeTheBirthdayEither() {
        // given a logged-in patron whose server told the date of birth at login
        PatronSummary s = ((CallResult.Ok<PatronSummary>) server.patrons.patronSummary(new PatronId("1"))).value();
        PatronSummary born = new PatronSummary(s.id(), s.cardNumber(), s.displayName(), s.email(), s.secondaryEmail(),
                s.expiryDate(), s.restriction(), s.loanCount(), s.overdueCount(), s.holdCount(), s.readyHoldCount(),
                s.notices(), java.util.Optional.of(java.time.LocalDate.of(1978, 4, 12)));
        session.start(new LoggedInPatron(new PatronId("1"), "01000001", born));
        vm.startChange();
        enter("taro1234");
        // when the new one is the birthday
        "19780412".chars().forEach(c -> vm.key(String.valueOf((char) c)));
        // then
        assertThat(vm.liveCheckProperty().get()).isEqualTo("生年月日は、ほかの人に推測されやすいため使えません。");
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NEW);
        enter("0412");
        assertThat(vm.messageProperty().get()).isEqualTo("生年月日は、ほかの人に推測されやすいため使えません。");
        assertThat(server.patrons.passwordsSet).isEmpty();
    }
}

package org.opackiosk.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.login.LoginViewModel.Step;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.session.CardNumberCheck;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.LoginThrottle;

class LoginViewModelTest {

    private final FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
    private final MutableClock clock = new MutableClock(KioskFixture.START, KioskFixture.TOKYO);
    private final QueuedScheduler scheduler = new QueuedScheduler(false);
    private final List<LoggedInPatron> loggedIn = new ArrayList<>();
    private final Localization l10n = new Localization(Localization.JAPANESE);
    private final LoginViewModel vm = new LoginViewModel(server.service(), new LoginThrottle(clock),
            CardNumberCheck.EIGHT_DIGITS_LEADING_ZERO, clock, scheduler, KioskFixture.IMMEDIATE,
            l10n, loggedIn::add);

    private void type(String card) {
        card.chars().forEach(c -> vm.cardKey(String.valueOf((char) c)));
    }

    private void password(String p) {
        p.chars().forEach(c -> vm.passwordKey(String.valueOf((char) c)));
    }

    private void advance(Duration d) {
        clock.advance(d);
        scheduler.advance(d);
    }

    @Test
    void aMistypedCardNumberIsRefusedAtOnceWithoutAskingTheServer() {
        // given
        type("0100001");
        // when
        vm.cardNext();
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CARD);
        assertThat(vm.messageProperty().get()).isEqualTo("カード番号をご確認ください。");
        assertThat(server.patrons.calls).isEmpty();
    }

    @Test
    void aScannedCardWithCodabarGuardsAndFullWidthDigitsGoesStraightToThePassword() {
        // when
        vm.cardScanned("A０１０００００１B");
        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PASSWORD);
        assertThat(vm.cardNumber()).isEqualTo("01000001");
    }

    @Test
    void thePasswordIsMaskedAndShownOnlyWhileTheButtonIsHeld() {
        // given
        vm.cardScanned("01000001");
        password("taro");
        // then
        assertThat(vm.passwordShownProperty().get()).isEqualTo("●●●●");
        vm.reveal(true);
        assertThat(vm.passwordShownProperty().get()).isEqualTo("taro");
        vm.reveal(false);
        assertThat(vm.passwordShownProperty().get()).isEqualTo("●●●●");
    }

    @Test
    void theRightPasswordLogsThePatronInWithTheirSummary() {
        // given
        vm.cardScanned("01000001");
        password("taro1234");
        // when
        vm.submit();
        // then
        assertThat(loggedIn).singleElement().satisfies(p -> {
            assertThat(p.cardNumber()).isEqualTo("01000001");
            assertThat(p.summary().displayName()).isEqualTo("緑川 太郎");
        });
        assertThat(vm.holdsNothing()).isTrue();
    }

    @Test
    void aWrongPasswordIsExplainedAndTheFieldEmptied() {
        // given
        vm.cardScanned("01000001");
        password("wrong");
        // when
        vm.submit();
        // then
        assertThat(loggedIn).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("利用者番号かパスワードが違います。もう一度入力してください。");
        assertThat(vm.passwordLengthProperty().get()).isZero();
        assertThat(vm.waitSecondsProperty().get()).isZero();
    }

    @Test
    void afterFiveFailuresTheCardMustWaitAndTheWaitCountsDown() {
        // given
        vm.cardScanned("01000001");
        for (int i = 0; i < 5; i++) {
            password("wrong");
            vm.submit();
        }
        // then
        assertThat(vm.waitSecondsProperty().get()).isEqualTo(30);
        password("taro1234");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.submit();
        assertThat(server.patrons.calls).hasSize(5);
        advance(Duration.ofSeconds(10));
        assertThat(vm.waitSecondsProperty().get()).isEqualTo(20);
        advance(Duration.ofSeconds(20));
        assertThat(vm.waitSecondsProperty().get()).isZero();
        // when
        vm.submit();
        // then
        assertThat(loggedIn).hasSize(1);
    }

    @Test
    void theWaitIsShownAgainWhenTheSameCardComesBackInANewSession() {
        // given
        vm.cardScanned("01000001");
        for (int i = 0; i < 6; i++) {
            password("wrong");
            vm.submit();
            advance(Duration.ofSeconds(31));
        }
        vm.clear();
        // when
        vm.cardScanned("01000001");
        // then
        assertThat(vm.waitSecondsProperty().get()).isEqualTo(29);
    }

    @Test
    void anUnreachableServerSaysSoWithoutCountingAFailure() {
        // given
        server.setReachable(false);
        vm.cardScanned("01000001");
        password("taro1234");
        // when
        vm.submit();
        // then
        assertThat(vm.messageProperty().get()).contains("つながりません");
        assertThat(loggedIn).isEmpty();
    }

    @Test
    void offlineACardIsAnsweredAtOnceWithWhyAndWhatStillWorksAndNoPasswordIsAsked() {
        // given
        vm.setOffline(() -> true);

        // when
        vm.cardScanned("01000001");

        // then
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CARD);
        assertThat(vm.messageProperty().get()).isEqualTo("図書館のシステムにつながらないため、今はログインできません。\n"
                + "資料の検索と、利用者カードでの予約の受付はできます。");
        assertThat(server.patrons.calls).isEmpty();
    }

    @Test
    void aConnectionLostWhileThePasswordIsTypedRefusesTheLoginWithoutSendingIt() {
        // given
        java.util.concurrent.atomic.AtomicBoolean offline = new java.util.concurrent.atomic.AtomicBoolean(false);
        vm.setOffline(offline::get);
        vm.cardScanned("01000001");
        password("taro1234");

        // when
        offline.set(true);
        vm.submit();

        // then
        assertThat(loggedIn).isEmpty();
        assertThat(server.patrons.calls).isEmpty();
        assertThat(vm.passwordLengthProperty().get()).isZero();
        assertThat(vm.messageProperty().get()).startsWith("図書館のシステムにつながらないため");
    }

    @Test
    void theMessageFollowsALanguageSwitchOnTheSameScreen() {
        // given
        type("0100001");
        vm.cardNext();
        assertThat(vm.messageProperty().get()).isEqualTo("カード番号をご確認ください。");
        // when
        l10n.setLocale(Localization.ENGLISH);
        // then
        assertThat(vm.messageProperty().get()).isEqualTo("Please check your card number.");
    }
}

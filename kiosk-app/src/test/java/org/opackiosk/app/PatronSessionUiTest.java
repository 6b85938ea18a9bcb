package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.RecordingLog;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The patron's journeys on the whole kiosk (fake server): login → My page → renew → logout, and what is left after. */
@ExtendWith(ApplicationExtension.class)
class PatronSessionUiTest {

    private KioskFixture kiosk;
    @RegisterExtension
    final RecordingLog log = new RecordingLog();

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @org.junit.jupiter.api.BeforeEach
    void serverAnswers() {
        kiosk.serverOnline();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void aPatronLogsInRenewsALoanAndLogsOut(FxRobot robot) {
        // given
        robot.clickOn("#typeCardButton");
        Screenshots.capture(kiosk.stage(), "login-card-ja");
        PatronLogin.typeCard(robot, "01000001");
        robot.clickOn("#cardNextButton");
        PatronLogin.typePassword(robot, "taro1234");
        assertThat(text(robot, "#passwordField")).isEqualTo("●●●●●●●●");
        Screenshots.capture(kiosk.stage(), "login-password-ja");

        // when
        robot.clickOn("#loginButton");

        // then
        assertThat(text(robot, "#myPageTitle")).isEqualTo("利用状況");
        assertThat(text(robot, "#patronCard")).isEqualTo("****0001");
        assertThat(kiosk.visibleTexts()).contains("坊っちゃん", "返却期限日を過ぎています", "次に予約している人がいます");
        Screenshots.capture(kiosk.stage(), "mypage-loans-ja");

        robot.clickOn("#renew-c1");
        assertThat(text(robot, "#newDueDate")).isEqualTo("新しい返却期限日：2026年12月11日");
        Screenshots.capture(kiosk.stage(), "renew-confirm-ja");
        robot.clickOn("#confirmRenewButton");
        assertThat(text(robot, "#myPageMessage")).contains("2026年12月11日");
        assertThat(kiosk.circulation.patrons.calls).contains("renew c1");

        robot.clickOn("#tab-holds");
        assertThat(kiosk.visibleTexts()).contains("予約中（2番目）", "予約確保：2026年11月29日までにお受け取りください",
                "受取館：北分館", "この予約の変更・取消は、カウンターの職員にお声がけください。");
        Screenshots.capture(kiosk.stage(), "mypage-holds-ja");
        robot.clickOn("#cancel-h1");
        Button keep = robot.lookup("#keepButton").queryButton();
        Button cancel = robot.lookup("#confirmCancelButton").queryButton();
        assertThat(keep.isDefaultButton()).isTrue();
        assertThat(cancel.isDefaultButton()).isFalse();
        Screenshots.capture(kiosk.stage(), "cancel-confirm-ja");
        robot.clickOn("#keepButton");
        robot.clickOn("#change-h1");
        Screenshots.capture(kiosk.stage(), "hold-change-ja");
        robot.clickOn("#closeChangeButton");
        robot.clickOn("#tab-cancelled");
        Screenshots.capture(kiosk.stage(), "mypage-cancelled-ja");

        robot.clickOn("#language-en");
        robot.clickOn("#tab-loans");
        Screenshots.capture(kiosk.stage(), "mypage-loans-en");
        robot.clickOn("#tab-holds");
        Screenshots.capture(kiosk.stage(), "mypage-holds-en");
        robot.clickOn("#cancel-h1");
        Screenshots.capture(kiosk.stage(), "cancel-confirm-en");
        robot.clickOn("#keepButton");

        robot.clickOn("#logoutButton");

        // then
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        assertNothingOfThePatronIsLeft();
    }

    @Test
    void aWrongPasswordFiveTimesMakesTheCardWaitVisibly(FxRobot robot) {
        // given
        robot.clickOn("#typeCardButton");
        PatronLogin.typeCard(robot, "01000001");
        robot.clickOn("#cardNextButton");
        // when
        for (int i = 0; i < 5; i++) {
            PatronLogin.typePassword(robot, "x");
            robot.clickOn("#loginButton");
        }
        // then
        assertThat(text(robot, "#loginWait")).isEqualTo("あと 30 秒お待ちください。");
        assertThat(robot.lookup("#loginButton").queryButton().isDisabled()).isTrue();
        Screenshots.capture(kiosk.stage(), "login-wait-ja");
        kiosk.advance(Duration.ofSeconds(30));
        assertThat(robot.lookup("#loginWait").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aMistypedCardNumberIsCaughtOnTheSpot(FxRobot robot) {
        // given
        robot.clickOn("#typeCardButton");
        PatronLogin.typeCard(robot, "0100");
        // when
        robot.clickOn("#cardNextButton");
        // then
        assertThat(kiosk.visibleTexts()).contains("カード番号をご確認ください。");
        assertThat(kiosk.circulation.patrons.calls).isEmpty();
    }

    @Test
    void noticesComeFirstAfterLogin(FxRobot robot) {
        // when
        PatronLogin.logIn(robot, "01000005", "tanaka55");
        // then
        assertThat(kiosk.visibleTexts()).contains("返却期限日を過ぎている資料が2点あります。お早めに返却してください。");
        Screenshots.capture(kiosk.stage(), "notices-ja");
        robot.clickOn("#language-en");
        Screenshots.capture(kiosk.stage(), "notices-en");
        robot.clickOn("#noticesContinueButton");
        assertThat(text(robot, "#myPageTitle")).isEqualTo("My account");
        // Back from My page leads home, not to the login or the notices
        robot.clickOn("#backButton");
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
    }

    @Test
    void theIdleTimeoutMidJourneyWipesEverythingOfThePatron(FxRobot robot) {
        // given a whole session: first another patron's password registration, left at the new password
        robot.clickOn("#registerPasswordButton");
        registrationPad(robot, "01000010");
        registrationPad(robot, "19880707");
        registrationPad(robot, "08000000110");
        robot.clickOn("#pw-layout-abc");
        robot.clickOn("#pw-key-n"); // the new password begun
        robot.clickOn("#homeButton");
        // a search typed, then the patron logs in
        Fx.run(() -> kiosk.ui.searchViewModel().setText("メロス"));
        PatronLogin.logIn(robot, "01000001", "taro1234");
        // the hold cart: a record collected, the cart opened
        Fx.run(() -> {
            kiosk.ui.cartAdder().addToCart("r8", "山月記");
            kiosk.ui.openCart();
        });
        assertThat(Fx.call(() -> kiosk.ui.cartViewModel().holdsNothing())).isFalse();
        robot.clickOn("#backButton");
        // パスワード変更 half typed
        robot.clickOn("#changePasswordButton");
        robot.clickOn("#pw-key-t");
        robot.clickOn("#backButton");
        // the addresses shown, a new one half typed
        robot.clickOn("#emailButton");
        robot.clickOn("#emailEdit-primary");
        robot.clickOn("#mail-key-m");
        robot.clickOn("#emailEditBack");
        robot.clickOn("#backButton");
        // a hold placed, its confirmation shown
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r7", "走れメロス"));
        robot.clickOn("#placeHoldButton");
        robot.clickOn("#holdMyPageButton");
        robot.clickOn("#renew-c1"); // My page: lists loaded, a confirmation open

        // when
        kiosk.advance(Duration.ofSeconds(60));
        kiosk.advance(Duration.ofSeconds(15));

        // then
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        assertNothingOfThePatronIsLeft();
        // the other patron's identity check was typed here too: not in the scene, not in the log
        List<String> everyText = Fx.call(() -> SceneQueries.allTexts(kiosk.stage().getScene().getRoot()));
        assertThat(everyText).noneMatch(t -> t.contains("0010") || t.contains("1988") || t.contains("0110")
                || t.contains("山月記"));
        assertThat(log.events()).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("01000010", "19880707", "1988-07-07", "08000000110", "080-0000-0110", "山月記"));

        // what stays on purpose (ADR 0060 addendum): the outbox's record of the hold, done, kept 24 h for
        // reconciliation: the server's patron id, the record id and the branch; no card, name, address or password
        assertThat(kiosk.outbox.list()).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(org.opackiosk.core.outbox.OutboxState.DONE);
            assertThat(entry.operation()).isInstanceOfSatisfying(org.opackiosk.core.outbox.Operation.PlaceHold.class, hold -> {
                assertThat(hold.patron()).isInstanceOf(org.opackiosk.core.outbox.PatronRef.Id.class);
                assertThat(hold.recordIds()).containsExactly("r7");
            });
            assertThat(entry.toString()).doesNotContain("01000001", "緑川", "taro", "メロス");
        });
    }

    private static void registrationPad(FxRobot robot, String digits) {
        for (char c : digits.toCharArray()) {
            robot.clickOn("#pwpad-" + c);
        }
        robot.clickOn("#passwordNext");
    }

    @Test
    void theShiftKeyTypesUpperCaseAndTheRevealButtonShowsThePasswordOnlyWhileHeld(FxRobot robot) {
        // given a patron whose password has an upper-case letter
        kiosk.circulation.patrons.add("01000099", "Hikari77", "99", "光 太郎", java.util.Optional.empty(), List.of());
        robot.clickOn("#typeCardButton");
        PatronLogin.typeCard(robot, "01000099");
        robot.clickOn("#cardNextButton");

        // when: shift, H, shift off, ikari, 77
        robot.clickOn("#password-layout-abc");
        robot.clickOn("#password-shift");
        robot.clickOn("#password-key-H");
        robot.clickOn("#password-shift");
        for (char c : "ikari".toCharArray()) {
            robot.clickOn("#password-key-" + c);
        }
        robot.clickOn("#password-layout-digits");
        robot.clickOn("#password-key-7");
        robot.clickOn("#password-key-7");

        // then masked; shown while the button is held; masked again when it is let go
        assertThat(text(robot, "#passwordField")).isEqualTo("●●●●●●●●");
        robot.moveTo("#revealButton").press(javafx.scene.input.MouseButton.PRIMARY);
        assertThat(text(robot, "#passwordField")).isEqualTo("Hikari77");
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        assertThat(text(robot, "#passwordField")).isEqualTo("●●●●●●●●");
        // the picture, held once more (the screenshot's resizing takes the press away from the button)
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        Screenshots.capture(kiosk.stage(), "login-password-shown-ja");
        robot.release(javafx.scene.input.MouseButton.PRIMARY);

        // and the server got the upper case: the login succeeds
        robot.clickOn("#loginButton");
        assertThat(text(robot, "#myPageTitle")).isEqualTo("利用状況");
    }

    @Test
    void loginScreensInEnglish(FxRobot robot) {
        robot.clickOn("#language-en");
        robot.clickOn("#typeCardButton");
        Screenshots.capture(kiosk.stage(), "login-card-en");
        PatronLogin.typeCard(robot, "01000001");
        robot.clickOn("#cardNextButton");
        PatronLogin.typePassword(robot, "ab");
        Screenshots.capture(kiosk.stage(), "login-password-en");
        assertThat(text(robot, "#loginPasswordTitle")).isEqualTo("Enter your password");
    }

    /**
     * Every view model of the kiosk that can hold anything of a patron, every text in the scene graph (labels,
     * bare texts, typed fields; shown or hidden: every view of the kiosk is in it) and every log event of the run.
     */
    private void assertNothingOfThePatronIsLeft() {
        KioskUi ui = kiosk.ui;
        Fx.run(() -> {
            PatronTraces.assertNoneInTheSessionScreens(ui);
            assertThat(ui.cartViewModel().holdsNothing()).isTrue();
            for (org.opackiosk.app.search.SearchViewModel.Field f : org.opackiosk.app.search.SearchViewModel.Field.values()) {
                assertThat(ui.searchViewModel().fieldProperty(f).get()).as("search field %s", f).isEmpty();
            }
            assertThat(ui.searchViewModel().results()).isEmpty();
            assertThat(ui.searchViewModel().cartResults()).isEmpty();
            assertThat(ui.recordPage().entryProperty().get()).isNull();
            assertThat(ui.recordPage().cartResultKeyProperty().get()).isNull();
            org.opackiosk.app.offline.OfflineHoldViewModel offline = ui.offlineHoldViewModel().orElseThrow();
            assertThat(offline.stepProperty().get()).isEqualTo(org.opackiosk.app.offline.OfflineHoldViewModel.Step.IDLE);
            assertThat(offline.title().get()).isEmpty();
            assertThat(offline.receipt().get()).isEmpty();
            assertThat(offline.receiptSlip()).isEmpty();
        });
        List<String> everyText = Fx.call(() -> SceneQueries.allTexts(kiosk.stage().getScene().getRoot()));
        assertThat(everyText).noneMatch(t -> t.contains("0001") || t.contains("緑川") || t.contains("坊っちゃん")
                || t.contains("吾輩") || t.contains("メロス") || t.contains("taro") || t.contains("example.jp") || t.contains("●"));
        assertThat(log.events()).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("01000001", "taro1234", "緑川", "坊っちゃん", "taro@example.jp"));
    }
}

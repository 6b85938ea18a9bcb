package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The patron's journeys on the whole kiosk (fake server): login → My page → renew → logout, and what is left after. */
@ExtendWith(ApplicationExtension.class)
class PatronSessionUiTest {

    private KioskFixture kiosk;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @org.junit.jupiter.api.BeforeEach
    void serverAnswers() {
        kiosk.serverOnline();
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    private void typeCard(FxRobot robot, String card) {
        for (char c : card.toCharArray()) {
            robot.clickOn("#card-" + c);
        }
    }

    private void typePassword(FxRobot robot, String password) {
        for (char c : password.toCharArray()) {
            if (Character.isDigit(c)) {
                robot.clickOn("#password-layout-digits");
            } else {
                robot.clickOn("#password-layout-abc");
            }
            robot.clickOn("#password-key-" + c);
        }
    }

    private void logIn(FxRobot robot, String card, String password) {
        robot.clickOn("#typeCardButton");
        typeCard(robot, card);
        robot.clickOn("#cardNextButton");
        typePassword(robot, password);
        robot.clickOn("#loginButton");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private List<String> visibleTexts() {
        return Fx.call(() -> SceneQueries.visibleTexts(kiosk.stage().getScene().getRoot()));
    }

    @Test
    void aPatronLogsInRenewsALoanAndLogsOut(FxRobot robot) {
        // given
        robot.clickOn("#typeCardButton");
        Screenshots.capture(kiosk.stage(), "login-card-ja");
        typeCard(robot, "01000001");
        robot.clickOn("#cardNextButton");
        typePassword(robot, "taro1234");
        assertThat(text(robot, "#passwordField")).isEqualTo("●●●●●●●●");
        Screenshots.capture(kiosk.stage(), "login-password-ja");

        // when
        robot.clickOn("#loginButton");

        // then
        assertThat(text(robot, "#myPageTitle")).isEqualTo("利用状況");
        assertThat(text(robot, "#patronCard")).isEqualTo("****0001");
        assertThat(visibleTexts()).contains("坊っちゃん", "返却期限日を過ぎています", "次に予約している人がいます");
        Screenshots.capture(kiosk.stage(), "mypage-loans-ja");

        robot.clickOn("#renew-c1");
        assertThat(text(robot, "#newDueDate")).isEqualTo("新しい返却期限日：2026年12月11日");
        Screenshots.capture(kiosk.stage(), "renew-confirm-ja");
        robot.clickOn("#confirmRenewButton");
        assertThat(text(robot, "#myPageMessage")).contains("2026年12月11日");
        assertThat(kiosk.circulation.patrons.calls).contains("renew c1");

        robot.clickOn("#tab-holds");
        assertThat(visibleTexts()).contains("予約中（2番目）", "予約確保：2026年11月29日までにお受け取りください",
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
        typeCard(robot, "01000001");
        robot.clickOn("#cardNextButton");
        // when
        for (int i = 0; i < 5; i++) {
            typePassword(robot, "x");
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
        typeCard(robot, "0100");
        // when
        robot.clickOn("#cardNextButton");
        // then
        assertThat(visibleTexts()).contains("カード番号をご確認ください。");
        assertThat(kiosk.circulation.patrons.calls).isEmpty();
    }

    @Test
    void noticesComeFirstAfterLogin(FxRobot robot) {
        // when
        logIn(robot, "01000005", "tanaka55");
        // then
        assertThat(visibleTexts()).contains("返却期限日を過ぎている資料が2点あります。お早めに返却してください。");
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
        // given
        logIn(robot, "01000001", "taro1234");
        robot.clickOn("#changePasswordButton");
        robot.clickOn("#pw-key-t"); // a password half typed
        robot.clickOn("#backButton");
        robot.clickOn("#emailButton"); // the addresses shown
        robot.clickOn("#backButton");
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r7", "走れメロス"));
        robot.clickOn("#placeHoldButton"); // a hold placed, its confirmation shown
        robot.clickOn("#holdMyPageButton");
        robot.clickOn("#renew-c1"); // a confirmation open, lists loaded

        // when
        kiosk.advance(Duration.ofSeconds(60));
        kiosk.advance(Duration.ofSeconds(15));

        // then
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        assertNothingOfThePatronIsLeft();
    }

    @Test
    void loginScreensInEnglish(FxRobot robot) {
        robot.clickOn("#language-en");
        robot.clickOn("#typeCardButton");
        Screenshots.capture(kiosk.stage(), "login-card-en");
        typeCard(robot, "01000001");
        robot.clickOn("#cardNextButton");
        typePassword(robot, "ab");
        Screenshots.capture(kiosk.stage(), "login-password-en");
        assertThat(text(robot, "#loginPasswordTitle")).isEqualTo("Enter your password");
    }

    private void assertNothingOfThePatronIsLeft() {
        KioskUi ui = kiosk.ui;
        Fx.run(() -> {
            assertThat(ui.patronSession().current()).isEmpty();
            assertThat(ui.loginViewModel().holdsNothing()).isTrue();
            assertThat(ui.noticesViewModel().notices()).isEmpty();
            assertThat(ui.myPageViewModel().holdsNothing()).isTrue();
            assertThat(ui.holdViewModel().holdsNothing()).isTrue();
            assertThat(ui.passwordViewModel().holdsNothing()).isTrue();
            assertThat(ui.emailViewModel().holdsNothing()).isTrue();
        });
        // nothing on any screen, shown or hidden: every view of the kiosk is in the scene graph
        List<String> everyText = Fx.call(() -> allTexts(kiosk.stage().getScene().getRoot()));
        assertThat(everyText).noneMatch(t -> t.contains("0001") || t.contains("緑川") || t.contains("坊っちゃん")
                || t.contains("吾輩") || t.contains("メロス") || t.contains("taro") || t.contains("example.jp") || t.contains("●"));
        assertThat(log.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("01000001", "taro1234", "緑川", "坊っちゃん"));
    }

    private static List<String> allTexts(Node node) {
        List<String> texts = new java.util.ArrayList<>();
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            texts.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                texts.addAll(allTexts(child));
            }
        }
        return texts;
    }
}

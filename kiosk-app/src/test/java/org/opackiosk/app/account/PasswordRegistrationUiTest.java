package org.opackiosk.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** パスワード新規登録 from the attract screen, and パスワード変更 from My page. */
@ExtendWith(ApplicationExtension.class)
class PasswordRegistrationUiTest {

    private static final String EN_BIRTHDAY = "Your date of birth is too easy to guess.";
    private static final String EN_OK = "This password can be used.";

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @org.junit.jupiter.api.BeforeEach
    void serverAnswers() {
        kiosk.serverOnline();
    }

    private void pad(FxRobot robot, String digits) {
        for (char c : digits.toCharArray()) {
            robot.clickOn("#pwpad-" + c);
        }
        robot.clickOn("#passwordNext");
    }

    private void keyboard(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.clickOn(Character.isDigit(c) ? "#pw-layout-digits" : "#pw-layout-abc");
            robot.clickOn("#pw-key-" + c);
        }
        robot.clickOn("#passwordNext");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aPatronWithoutAPasswordRegistersOneAndGoesOnToLogIn(FxRobot robot) {
        // given
        kiosk.serverOnline();
        robot.clickOn("#registerPasswordButton");
        assertThat(text(robot, "#passwordTitle")).isEqualTo("パスワード新規登録");
        Screenshots.capture(kiosk.stage(), "password-register-card-ja");
        // when
        pad(robot, "01000010");
        pad(robot, "19880707");
        Screenshots.capture(kiosk.stage(), "password-register-phone-ja");
        pad(robot, "08000000110");
        for (char c : "0707".toCharArray()) {
            robot.clickOn("#pw-layout-digits");
            robot.clickOn("#pw-key-" + c);
        }
        // then
        assertThat(text(robot, "#passwordLiveCheck")).isEqualTo("生年月日は、ほかの人に推測されやすいため使えません。");
        Screenshots.capture(kiosk.stage(), "password-register-new-ja");
        // switching language mid-typing says the same thing in the other language, and typing goes on in it
        robot.clickOn("#language-en");
        assertThat(text(robot, "#passwordLiveCheck")).isEqualTo(EN_BIRTHDAY);
        Screenshots.capture(kiosk.stage(), "password-register-new-en");
        robot.clickOn("#pw-layout-abc");
        robot.clickOn("#pw-key-x");
        assertThat(text(robot, "#passwordLiveCheck")).isEqualTo(EN_OK);
        robot.clickOn("#language-ja");
        assertThat(text(robot, "#passwordLiveCheck")).isEqualTo("このパスワードは使えます。");
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#pw-backspace");
        }
        keyboard(robot, "midori10");
        keyboard(robot, "midori10");
        assertThat(text(robot, "#passwordDone")).isEqualTo("パスワードを登録しました");
        assertThat(kiosk.circulation.patrons.passwordsSet).containsEntry("10", "midori10");
        Screenshots.capture(kiosk.stage(), "password-register-done-ja");
        robot.clickOn("#passwordDoneButton");
        assertThat(robot.lookup("#loginCardTitle").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void aLoggedInPatronChangesTheirPasswordFromMyPage(FxRobot robot) {
        // given
        PatronLogin.logIn(robot, "01000001", "taro1234");
        // when
        robot.clickOn("#changePasswordButton");
        keyboard(robot, "taro1234");
        keyboard(robot, "hikari77");
        Screenshots.capture(kiosk.stage(), "password-change-repeat-ja");
        keyboard(robot, "hikari77");
        // then
        assertThat(text(robot, "#passwordDone")).isEqualTo("パスワードを変更しました");
        robot.clickOn("#passwordDoneButton");
        assertThat(text(robot, "#myPageTitle")).isEqualTo("利用状況");
    }
}

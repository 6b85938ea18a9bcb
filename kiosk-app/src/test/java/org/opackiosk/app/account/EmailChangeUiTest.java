package org.opackiosk.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** メール登録 from the attract screen: login first, then the addresses; a change with a typo corrected. */
@ExtendWith(ApplicationExtension.class)
class EmailChangeUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void aPatronChangesTheirAddressWithTheSuggestedSpelling(FxRobot robot) {
        // given
        kiosk.serverOnline();
        Screenshots.capture(kiosk.stage(), "attract-patron-ja");
        robot.clickOn("#registerEmailButton");
        for (char c : "01000001".toCharArray()) {
            robot.clickOn("#card-" + c);
        }
        robot.clickOn("#cardNextButton");
        for (char c : "taro1234".toCharArray()) {
            robot.clickOn(Character.isDigit(c) ? "#password-layout-digits" : "#password-layout-abc");
            robot.clickOn("#password-key-" + c);
        }
        robot.clickOn("#loginButton");
        assertThat(robot.lookup("#email-primary").queryAs(Label.class).getText()).isEqualTo("taro@example.jp");
        Screenshots.capture(kiosk.stage(), "email-list-ja");
        // when
        robot.clickOn("#emailEdit-primary");
        for (char c : "taro".toCharArray()) {
            robot.clickOn("#mail-key-" + c);
        }
        robot.clickOn("#mail-layout-symbols");
        robot.clickOn("#mail-key-at");
        robot.clickOn("#mail-layout-abc");
        for (char c : "gmial".toCharArray()) {
            robot.clickOn("#mail-key-" + c);
        }
        robot.clickOn("#mail-layout-symbols");
        robot.clickOn("#mail-key-dotcom");
        Screenshots.capture(kiosk.stage(), "email-edit-ja");
        robot.clickOn("#emailSuggestion");
        robot.clickOn("#emailSave");
        // then
        assertThat(robot.lookup("#emailDone").queryAs(Label.class).getText()).isEqualTo("確認メールを送信しました。届いたメールをご確認ください。");
        Screenshots.capture(kiosk.stage(), "email-done-ja");
        robot.clickOn("#emailDoneBack");
        assertThat(robot.lookup("#email-primary").queryAs(Label.class).getText()).isEqualTo("taro@gmail.com");
        robot.clickOn("#language-en");
        Screenshots.capture(kiosk.stage(), "email-list-en");
    }
}

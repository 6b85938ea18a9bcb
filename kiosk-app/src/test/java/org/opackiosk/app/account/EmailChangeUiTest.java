package org.opackiosk.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.MailKeyboard;
import org.opackiosk.app.testing.PatronLogin;
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
        PatronLogin.typeCardAndPassword(robot, "01000001", "taro1234");
        assertThat(robot.lookup("#email-primary").queryAs(Label.class).getText()).isEqualTo("taro@example.jp");
        Screenshots.capture(kiosk.stage(), "email-list-ja");
        // when
        robot.clickOn("#emailEdit-primary");
        MailKeyboard.typeMisspeltGmailAddress(robot);
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

    @Test
    void theAddressHoldsAreNotifiedByIsNotDeletedAndTheWayOutOpensTheHolds(FxRobot robot) {
        // given 01000001, whose waiting hold 吾輩は猫である is notified by e-mail
        kiosk.serverOnline();
        robot.clickOn("#registerEmailButton");
        PatronLogin.typeCardAndPassword(robot, "01000001", "taro1234");

        // when
        robot.clickOn("#emailDelete-primary");

        // then refused, with the reason and what to do; no delete button
        assertThat(robot.lookup("#emailDeleteQuestion").queryAs(Label.class).getText())
                .isEqualTo("このアドレスに予約の連絡をしているため削除できません。先に予約の連絡方法を変更してください。");
        assertThat(robot.lookup("#emailConfirmDelete").queryButton().isVisible()).isFalse();
        Screenshots.capture(kiosk.stage(), "email-delete-refused-ja");
        robot.clickOn("#language-en");
        assertThat(robot.lookup("#emailDeleteQuestion").queryAs(Label.class).getText()).isEqualTo(
                "Your holds are notified at this address, so it cannot be deleted. Please change the contact method of your holds first.");
        Screenshots.capture(kiosk.stage(), "email-delete-refused-en");
        robot.clickOn("#language-ja");

        // when the way out
        robot.clickOn("#emailToHolds");

        // then My page on the holds tab, where the contact method is changed
        assertThat(robot.lookup("#myPageTitle").queryAs(Label.class).getText()).isEqualTo("利用状況");
        java.util.List<String> shown = kiosk.visibleTexts();
        assertThat(shown).contains("吾輩は猫である", "予約中（2番目）").doesNotContain("坊っちゃん");
        assertThat(robot.lookup("#change-h1").queryButton().isVisible()).isTrue();
        assertThat(kiosk.circulation.patrons.calls).noneMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains("email"));
    }
}

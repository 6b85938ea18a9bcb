package org.opackiosk.app.offline;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.outbox.OutboxState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A logged-in patron whose kiosk loses the library's system: My page, password and e-mail say why they are not
 * available and what to do, offer the catalogue, and come back by themselves with the connection (issue 7).
 */
@ExtendWith(ApplicationExtension.class)
class OfflineGateUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void myPageSaysWhyItIsNotShownWhileOfflineAndComesBackWithTheConnection(FxRobot robot) {
        // given
        kiosk.serverOnline();
        PatronLogin.logIn(robot, "01000001", "taro1234");
        assertThat(kiosk.visibleTexts()).contains("利用状況", "坊っちゃん");

        // when
        kiosk.serverOffline();

        // then
        assertThat(kiosk.visibleTexts()).contains("図書館のシステムにつながらないため、利用状況を表示できません。",
                "カウンターでおたずねください。", "資料をさがす（オフラインでも使えます）");
        assertThat(kiosk.visibleTexts()).doesNotContain("坊っちゃん");
        Screenshots.capture(kiosk.stage(), "offline-gate-mypage-ja");
        robot.clickOn("#language-en");
        assertThat(kiosk.visibleTexts()).contains("Your account cannot be shown because the library's system cannot be reached.");
        Screenshots.capture(kiosk.stage(), "offline-gate-mypage-en");
        robot.clickOn("#language-ja");

        // when
        kiosk.serverOnline();

        // then
        assertThat(kiosk.visibleTexts()).contains("坊っちゃん").doesNotContain("カウンターでおたずねください。");
    }

    @Test
    void theCatalogueIsOfferedInsteadAndOpensTheSearch(FxRobot robot) {
        // given
        kiosk.serverOnline();
        PatronLogin.logIn(robot, "01000001", "taro1234");
        kiosk.serverOffline();

        // when
        robot.clickOn("#offlineGateSearch");

        // then
        assertThat(kiosk.visibleTexts()).contains("ホーム › 利用状況 › 資料をさがす", "キーワード", "****0001"); // still logged in
    }

    @Test
    void passwordRegistrationFromTheStartScreenIsRefusedWhileOffline(FxRobot robot) {
        // given
        kiosk.serverOnline();
        robot.clickOn("#registerPasswordButton");
        assertThat(kiosk.visibleTexts()).doesNotContain("図書館のシステムにつながらないため、今はパスワードの登録や変更ができません。");

        // when
        kiosk.serverOffline();

        // then
        assertThat(kiosk.visibleTexts()).contains("図書館のシステムにつながらないため、今はパスワードの登録や変更ができません。",
                "しばらくしてからお試しいただくか、カウンターでおたずねください。");
        assertThat(robot.lookup("#offlineGateMessage").queryAs(Label.class).isVisible()).isTrue();
        Screenshots.capture(kiosk.stage(), "offline-gate-password-ja");
    }
    @Test
    void aRenewalBeingConfirmedWhenTheConnectionGoesIsRefusedWithWhyAndWhatToDoAndNothingIsQueued(FxRobot robot) {
        // given: 緑川 太郎 touched 延長 for 坊っちゃん and sees the new due date
        kiosk.serverOnline();
        PatronLogin.logIn(robot, "01000001", "taro1234");
        robot.clickOn("#renew-c1");
        assertThat(robot.lookup("#confirmRenewButton").query().isVisible()).isTrue();

        // when
        kiosk.serverOffline();

        // then: the renewal is what is refused, and there is no button left to send it with
        assertThat(kiosk.visibleTexts()).contains("図書館のシステムにつながらないため、今は貸出の延長ができません。",
                "しばらくしてからお試しいただくか、カウンターでおたずねください。", "資料をさがす（オフラインでも使えます）");
        assertThat(Fx.call(() -> SceneQueries.visibleNodes(kiosk.stage().getScene().getRoot())))
                .noneMatch(n -> "confirmRenewButton".equals(n.getId()));
        Screenshots.capture(kiosk.stage(), "offline-gate-renewal-ja");
        robot.clickOn("#language-en");
        assertThat(kiosk.visibleTexts()).contains("Loans cannot be renewed right now because the library's system cannot be reached.",
                "Please try again later, or ask at the counter.");
        Screenshots.capture(kiosk.stage(), "offline-gate-renewal-en");
        assertThat(kiosk.outbox.list(OutboxState.values())).isEmpty();
        assertThat(kiosk.circulation.patrons.calls).noneMatch(c -> c.startsWith("renew"));

        // when: the connection returns, the question is still there; nothing was lost
        kiosk.serverOnline();
        assertThat(robot.lookup("#confirmRenewButton").query().isVisible()).isTrue();
    }

    @Test
    void anEmailChangeIsRefusedWhileOfflineWithWhyAndWhatToDo(FxRobot robot) {
        // given
        kiosk.serverOnline();
        PatronLogin.logIn(robot, "01000001", "taro1234");
        robot.clickOn("#emailButton");
        assertThat(kiosk.visibleTexts()).contains("taro@example.jp");

        // when
        kiosk.serverOffline();

        // then
        assertThat(kiosk.visibleTexts()).contains("図書館のシステムにつながらないため、今はメールアドレスの変更ができません。",
                "しばらくしてからお試しいただくか、カウンターでおたずねください。", "資料をさがす（オフラインでも使えます）")
                .doesNotContain("taro@example.jp");
        Screenshots.capture(kiosk.stage(), "offline-gate-email-ja");
        robot.clickOn("#language-en");
        assertThat(kiosk.visibleTexts()).contains(
                "E-mail addresses cannot be changed right now because the library's system cannot be reached.",
                "Please try again later, or ask at the counter.");
        Screenshots.capture(kiosk.stage(), "offline-gate-email-en");
        assertThat(kiosk.outbox.list(OutboxState.values())).isEmpty();
    }
}

package org.opackiosk.app.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class IdleReturnUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture(); // idle 60 s, countdown 15 s
        kiosk.show(stage);
    }

    @Test
    void theCountdownAppearsAfterTheIdleTimeout(FxRobot robot) {
        // given
        robot.clickOn("#searchButton");

        // when
        kiosk.advance(Duration.ofSeconds(59));
        assertThat(countdownShown(robot)).isFalse();
        kiosk.advance(Duration.ofSeconds(1));

        // then
        assertThat(countdownShown(robot)).isTrue();
        assertThat(text(robot, "#countdownTitle")).isEqualTo("まもなく最初の画面に戻ります");
        assertThat(text(robot, "#countdownSeconds")).isEqualTo("15");
        assertThat(robot.lookup("#continueButton").queryButton().isDefaultButton()).isTrue();
        kiosk.advance(Duration.ofSeconds(1));
        assertThat(text(robot, "#countdownSeconds")).isEqualTo("14");
    }

    @Test
    void continueDismissesTheCountdownAndRestartsTheIdleTimer(FxRobot robot) {
        // given
        robot.clickOn("#searchButton");
        kiosk.advance(Duration.ofSeconds(65));

        // when
        robot.clickOn("#continueButton");

        // then
        assertThat(countdownShown(robot)).isFalse();
        assertThat(robot.lookup("#searchTitle").tryQuery()).isPresent();
        kiosk.advance(Duration.ofSeconds(59));
        assertThat(countdownShown(robot)).isFalse();
        kiosk.advance(Duration.ofSeconds(1));
        assertThat(countdownShown(robot)).isTrue();
        assertThat(text(robot, "#countdownSeconds")).isEqualTo("15");
    }

    @Test
    void aTouchOutsideContinueDismissesTheCountdownAndKeepsTheSession(FxRobot robot) {
        // given a logged-in patron on My page, the countdown showing
        kiosk.serverOnline();
        PatronLogin.logIn(robot, "01000001", "taro1234");
        kiosk.advance(Duration.ofSeconds(65));
        assertThat(countdownShown(robot)).isTrue();

        // when a touch on the dimmed screen beside the countdown's box, not on 続ける
        javafx.geometry.Bounds screen = robot.lookup("#countdownOverlay").query().localToScreen(
                robot.lookup("#countdownOverlay").query().getBoundsInLocal());
        robot.clickOn(new javafx.geometry.Point2D(screen.getMinX() + 40, screen.getMinY() + screen.getHeight() / 2));

        // then the countdown is gone, the patron still logged in on My page, and the idle time starts again
        assertThat(countdownShown(robot)).isFalse();
        assertThat(text(robot, "#myPageTitle")).isEqualTo("利用状況");
        assertThat(text(robot, "#patronCard")).isEqualTo("****0001");
        kiosk.advance(Duration.ofSeconds(59));
        assertThat(countdownShown(robot)).isFalse();
        assertThat(text(robot, "#patronCard")).isEqualTo("****0001");
    }

    @Test
    void aTouchAnywhereResetsTheIdleTimer(FxRobot robot) {
        // given
        robot.clickOn("#searchButton");
        kiosk.advance(Duration.ofSeconds(50));

        // when: a touch on no button at all
        robot.clickOn("#searchTitle");
        kiosk.advance(Duration.ofSeconds(50));

        // then
        assertThat(countdownShown(robot)).isFalse();
        kiosk.advance(Duration.ofSeconds(10));
        assertThat(countdownShown(robot)).isTrue();
    }

    @Test
    void aKeyPressResetsTheIdleTimer(FxRobot robot) {
        robot.clickOn("#searchButton");
        kiosk.advance(Duration.ofSeconds(50));

        robot.type(KeyCode.SHIFT);
        kiosk.advance(Duration.ofSeconds(50));

        assertThat(countdownShown(robot)).isFalse();
    }

    @Test
    void afterTheCountdownAnyScreenReturnsToTheStartWithTheSessionWiped(FxRobot robot) {
        // given: an English-speaking patron with large text who has typed a search
        robot.clickOn("#language-en");
        robot.clickOn("#textSize-large");
        robot.clickOn("#searchButton");
        robot.clickOn("#search-key-u3042"); // あ
        robot.clickOn("#search-key-u304b"); // か
        assertThat(robot.lookup("#searchBox").queryAs(javafx.scene.control.Labeled.class).getText()).isEqualTo("あか|");

        // when
        kiosk.advance(Duration.ofSeconds(60 + 14));
        assertThat(countdownShown(robot)).isTrue();
        kiosk.advance(Duration.ofSeconds(1));

        // then: the attract screen in Japanese, normal text, no countdown
        assertThat(countdownShown(robot)).isFalse();
        assertThat(text(robot, "#scanPrompt")).isEqualTo("カードをかざしてください");
        assertThat(text(robot, "#attractLibraryName")).isEqualTo("みどり市立図書館");
        assertThat(robot.lookup("#textSize-normal").queryButton().getGraphic()).isNotNull();

        // and the next patron finds an empty search box, nothing of the previous one
        robot.clickOn("#searchButton");
        assertThat(robot.lookup("#searchBox").queryAs(javafx.scene.control.Labeled.class).getText())
                .isEqualTo("キーワード");
    }

    @Test
    void anUntouchedAttractScreenShowsNoCountdown(FxRobot robot) {
        kiosk.advance(Duration.ofMinutes(5));
        assertThat(countdownShown(robot)).isFalse();

        // a touch that changes nothing does not start one either
        robot.clickOn("#scanPrompt");
        kiosk.advance(Duration.ofMinutes(5));
        assertThat(countdownShown(robot)).isFalse();
    }

    @Test
    void aChangedLanguageOnTheAttractScreenIsResetToo(FxRobot robot) {
        robot.clickOn("#language-en");

        kiosk.advance(Duration.ofSeconds(60 + 15));

        assertThat(text(robot, "#scanPrompt")).isEqualTo("カードをかざしてください");
    }

    private static boolean countdownShown(FxRobot robot) {
        return robot.lookup("#countdownOverlay").query().isVisible();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}

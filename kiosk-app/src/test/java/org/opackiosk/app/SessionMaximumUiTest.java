package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.core.config.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The hard maximum of a patron session comes from [ui] session_maximum_minutes, not from a constant. */
@ExtendWith(ApplicationExtension.class)
class SessionMaximumUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        // idle timeout far away, so only the maximum can end the session
        kiosk = new KioskFixture(new UiSettings(Locale.JAPANESE, Duration.ofSeconds(3600), Duration.ofSeconds(15),
                UiSettings.TextSize.NORMAL, Duration.ofMinutes(3)));
        kiosk.show(stage);
        kiosk.serverOnline();
    }

    @Test
    void aBusySessionEndsAtTheConfiguredMaximum(FxRobot robot) {
        // given a patron logged in and touching the screen all the time
        PatronLogin.logIn(robot, "01000001", "taro1234");
        assertThat(robot.lookup("#myPageTitle").tryQuery()).isPresent();

        // when: just before the maximum, still touching
        for (int i = 0; i < 5; i++) {
            kiosk.advance(Duration.ofSeconds(35));
            robot.clickOn("#tab-holds");
        }
        kiosk.advance(Duration.ofSeconds(179 - 5 * 35));

        // then still there
        assertThat(robot.lookup("#myPageTitle").tryQuery()).isPresent();
        assertThat(robot.lookup("#patronCard").queryLabeled().getText()).isEqualTo("****0001");

        // when the maximum is reached
        kiosk.advance(Duration.ofSeconds(1));

        // then the session is over: the start screen, nobody logged in
        assertThat(robot.lookup("#scanPrompt").tryQuery()).isPresent();
        assertThat(robot.lookup("#myPageTitle").tryQuery()).isEmpty();
        assertThat(kiosk.ui.patronSession().loggedIn()).isFalse();
    }
}

package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.config.StaffSettings;
import org.opackiosk.core.config.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A kiosk without a staff PIN: the PIN screen says what to ask the technician, and offers nothing to type. */
@ExtendWith(ApplicationExtension.class)
class StaffEntryNoPinUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture(UiSettings.DEFAULTS, c -> c.withStaff(new StaffSettings(Optional.empty(), Set.of("29990001"),
                Optional.empty(), true, true, StaffSettings.DEFAULT_IDLE)));
        kiosk.show(stage);
    }

    @org.junit.jupiter.api.BeforeEach
    void serverAnswers() {
        kiosk.serverOnline();
    }

    @Test
    void thePinScreenSaysToAskForKioskctlSetStaffPin(FxRobot robot) {
        Fx.run(() -> kiosk.ui.cardScanned("29990001"));

        assertThat(robot.lookup("#staffPinMessage").queryAs(Label.class).getText())
                .isEqualTo("この端末には職員用の暗証番号が設定されていないため、暗証番号では保守モードに入れません。"
                        + "技術担当者に「kioskctl set-staff-pin」の実行を依頼してください。");
        assertThat(robot.lookup("#staffPin-1").tryQuery()).isEmpty();
        assertThat(robot.lookup("#staffPinField").queryAs(Label.class).isVisible()).isFalse();
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-none-ja");
        robot.clickOn("#language-en");
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-none-en");

        robot.clickOn("#staffPinCancel");
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        assertThat(kiosk.ui.staffSession().active()).isFalse();
    }
}

package org.opackiosk.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.cards.ScannedCode;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.device.Symbology;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole kiosk UI with a serial scanner that is unplugged and plugged back in. */
@ExtendWith(ApplicationExtension.class)
class ScannerMissingUiTest {

    private KioskFixture kiosk;
    private Stage stage;
    private final DeviceBridgeTest.FakeScanner scanner = new DeviceBridgeTest.FakeScanner();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        kiosk = new KioskFixture();
        kiosk.ui.attachDevices(new KioskDevices(scanner, Indicator.none(), Optional.empty(), StaffKey.none()), kiosk.connectivity);
        kiosk.show(stage);
    }

    @Test
    void theTopBarSaysTheScannerIsNotConnectedWhileItIsUnplugged(FxRobot robot) {
        kiosk.serverOnline();
        assertThat(robot.lookup("#scannerMissing").queryAs(HBox.class).isVisible()).isFalse();

        Fx.run(() -> scanner.status(ScannerStatus.MISSING));

        HBox badge = robot.lookup("#scannerMissing").queryAs(HBox.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(robot.from(badge).lookup(".label").queryAs(Label.class).getText()).isEqualTo("スキャナーが接続されていません");
        Screenshots.capture(stage, "scanner-missing-ja-landscape");
        robot.clickOn("#language-en");
        assertThat(robot.from(badge).lookup(".label").queryAs(Label.class).getText()).isEqualTo("The scanner is not connected");

        Fx.run(() -> scanner.status(ScannerStatus.READY));
        assertThat(robot.lookup("#scannerMissing").queryAs(HBox.class).isVisible()).isFalse();
    }

    @Test
    void scansReachTheViewModelsOnTheUiThread(FxRobot robot) {
        List<ScannedCode> heard = new ArrayList<>();
        List<Boolean> onFxThread = new ArrayList<>();
        Fx.run(() -> kiosk.ui.scans().subscribe(code -> {
            heard.add(code);
            onFxThread.add(javafx.application.Platform.isFxApplicationThread());
        }));
        Fx.run(() -> scanner.scan(Symbology.CODABAR, "A01000003A"));
        assertThat(heard).singleElement().isInstanceOf(ScannedCode.LibraryCard.class);
        assertThat(onFxThread).containsExactly(true);
    }
}

package org.opackiosk.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.device.Slips;
import org.opackiosk.device.printer.SlipRenderer;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.Symbology;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DevicePanelUiTest {

    /** Records what the panel asks of the simulated devices. */
    static final class RecordingControls implements SimulatorControls {
        final List<String> calls = new ArrayList<>();
        Consumer<LightState> light;
        Consumer<Path> slips;
        Consumer<Beep> beep;

        @Override
        public void scan(Symbology symbology, String text) {
            calls.add("scan " + symbology + " " + text);
        }

        @Override
        public void setScannerConnected(boolean connected) {
            calls.add("connected " + connected);
        }

        @Override
        public void setPrinterStatus(PrinterStatus status) {
            calls.add("printer " + status);
        }

        @Override
        public void turnStaffKey(boolean on) {
            calls.add("key " + on);
        }

        @Override
        public void onLight(Consumer<LightState> listener) {
            light = listener;
        }

        @Override
        public void onBeep(Consumer<Beep> listener) {
            beep = listener;
        }

        @Override
        public void onSlipPrinted(Consumer<Path> listener) {
            slips = listener;
        }
    }

    private final RecordingControls controls = new RecordingControls();
    private Scene kioskScene;
    private Stage stage;
    private TextField kioskField;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new DevicePanel(controls).root(), 420, 760));
        stage.show();
        kioskField = new TextField();
        kioskScene = new Scene(new VBox(kioskField));
        DevicePanel.installShortcuts(kioskScene, controls);
    }

    @Test
    void theDeveloperScansADemoCardAndUnplugsTheScanner(FxRobot robot) {
        robot.clickOn("#panelScanCard");
        robot.clickOn("#panelScannerConnected");
        robot.clickOn("#panelText").write("hello");
        robot.clickOn("Scan text");
        assertThat(controls.calls).containsExactly("scan CODABAR A01000001A", "connected false", "scan UNKNOWN hello");
    }

    @Test
    void controlShiftDigitScansThatDemoCardAndNoControlSeesTheKey() {
        List<KeyEvent> reachedField = new ArrayList<>();
        Fx.run(() -> {
            kioskField.addEventHandler(KeyEvent.KEY_PRESSED, reachedField::add);
            Event.fireEvent(kioskField, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DIGIT3, true, true, false, false));
            Event.fireEvent(kioskField, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DIGIT3, false, false, false, false));
        });
        assertThat(controls.calls).containsExactly("scan CODABAR A01000003A");
        assertThat(reachedField).hasSize(1);
    }

    @Test
    void scanIsbnSendsTheChosenBookAsAnEan13Scan(FxRobot robot) {
        robot.clickOn("#panelScanIsbn");
        assertThat(controls.calls).containsExactly("scan EAN13 9784865200171");
    }

    @Test
    void theStatusLightShowsEachStateTheKioskSets(FxRobot robot) {
        assertThat(robot.lookup("#panelLight").queryLabeled().getText()).isEqualTo("light: off");

        controls.light.accept(LightState.OFFLINE);
        Fx.run(() -> { }); // the panel shows it on the FX thread, after this

        assertThat(robot.lookup("#panelLight").queryLabeled().getText()).isEqualTo("light: OFFLINE");
        assertThat(robot.lookup("#panelLamp").queryAs(Circle.class).getFill()).isEqualTo(Color.RED);

        controls.light.accept(LightState.READY);
        Fx.run(() -> { });
        assertThat(robot.lookup("#panelLight").queryLabeled().getText()).isEqualTo("light: READY");
        assertThat(robot.lookup("#panelLamp").queryAs(Circle.class).getFill()).isEqualTo(Color.LIMEGREEN);
    }

    @Test
    void aPrintedSlipAppearsInThePanelNewestFirst(FxRobot robot, @TempDir Path dir) throws Exception {
        // given two slips the simulated printer wrote
        SlipRenderer renderer = new SlipRenderer(80);
        Path first = dir.resolve("slip-0001.png");
        Files.write(first, renderer.renderPng(Slips.holdPlaced("みどり市立図書館", "こころ", "中央図書館", Optional.of(2),
                LocalDate.of(2026, 11, 23), Locale.JAPANESE)));
        Path second = dir.resolve("slip-0002.png");
        Files.write(second, renderer.renderPng(Slips.callNumber("走れメロス", "913.6/ダザ", "文庫コーナー", "北分館",
                Optional.empty())));
        VBox slips = robot.lookup("#panelSlips").queryAs(VBox.class);
        assertThat(Fx.call(() -> slips.getChildren().size())).isZero();

        // when the printer reports them
        controls.slips.accept(first);
        controls.slips.accept(second);
        Fx.run(() -> { });

        // then each shows with its file name and its picture, the newest on top
        assertThat(Fx.call(() -> slips.getChildren().size())).isEqualTo(2);
        assertThat(Fx.call(() -> ((Labeled) ((VBox) slips.getChildren().get(0)).getChildren().get(0)).getText()))
                .isEqualTo("slip-0002.png");
        ImageView picture = Fx.call(() -> (ImageView) ((VBox) slips.getChildren().get(1)).getChildren().get(1));
        assertThat(picture.getImage().isError()).isFalse();
        assertThat(picture.getImage().getWidth()).isGreaterThan(300);

        controls.light.accept(LightState.READY);
        controls.beep.accept(Beep.GOOD_SCAN);
        Fx.run(() -> { });
        assertThat(robot.lookup("#panelBeep").queryLabeled().getText()).isEqualTo("beep: GOOD_SCAN (1)");
        Screenshots.captureAsShown(stage, "device-panel");
    }

    @Test
    void theDemoCardsAreTheTwentyDemoPatrons() {
        assertThat(DevicePanel.DEMO_CARDS).hasSize(20).startsWith("A01000001A").endsWith("A01000020A");
    }
}

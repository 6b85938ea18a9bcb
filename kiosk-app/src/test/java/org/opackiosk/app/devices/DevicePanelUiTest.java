package org.opackiosk.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
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
        }

        @Override
        public void onSlipPrinted(Consumer<Path> listener) {
        }
    }

    private final RecordingControls controls = new RecordingControls();
    private Scene kioskScene;
    private TextField kioskField;

    @Start
    void start(Stage stage) {
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
    void theDemoCardsAreTheTwentyDemoPatrons() {
        assertThat(DevicePanel.DEMO_CARDS).hasSize(20).startsWith("A01000001A").endsWith("A01000020A");
    }
}

package org.opackiosk.app.devices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.Symbology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The developer's device panel beside a windowed kiosk with simulated devices: scan a demo card, an
 * ISBN or any text, unplug the scanner, run the printer out of paper, turn the staff key, and see the
 * status light, the beeps and the printed slips. Not a patron screen: plain controls, no styling.
 * FX thread only.
 */
public final class DevicePanel {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePanel.class);

    /** The demo library's patrons' cards, as their Codabar barcodes read (README: Demo credentials). */
    static final List<String> DEMO_CARDS = java.util.stream.IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("A010000%02dA", i)).toList();
    /** Books of the demo catalogue (こころ, 吾輩は猫である, Alice's Adventures in Wonderland), as their EAN-13 read. */
    static final List<String> ISBNS = List.of("9784865200171", "9784865200249", "9781916204034");

    private final SimulatorControls controls;
    private final Label light = new Label("light: off");
    private final Circle lamp = new Circle(10, Color.GRAY);
    private final Label beep = new Label("");
    private final VBox slips = new VBox(8);
    private int beeps;

    public DevicePanel(SimulatorControls controls) {
        this.controls = Objects.requireNonNull(controls, "controls");
    }

    /** Opens the panel in its own window, to the right of {@code kiosk}. */
    public Stage show(Stage kiosk) {
        Stage stage = new Stage();
        stage.setTitle("Simulated devices");
        stage.setScene(new Scene(root(), 420, 760));
        stage.setX(kiosk.getX() + kiosk.getWidth() + 8);
        stage.setY(kiosk.getY());
        stage.show();
        kiosk.setOnHidden(e -> stage.close());
        return stage;
    }

    VBox root() {
        ComboBox<String> cards = new ComboBox<>();
        cards.getItems().setAll(DEMO_CARDS);
        cards.getSelectionModel().selectFirst();
        cards.setId("panelCards");
        Button scanCard = new Button("Scan card");
        scanCard.setId("panelScanCard");
        scanCard.setOnAction(e -> controls.scan(Symbology.CODABAR, cards.getValue()));

        ComboBox<String> isbns = new ComboBox<>();
        isbns.getItems().setAll(ISBNS);
        isbns.getSelectionModel().selectFirst();
        isbns.setId("panelIsbns");
        Button scanIsbn = new Button("Scan ISBN");
        scanIsbn.setId("panelScanIsbn");
        scanIsbn.setOnAction(e -> controls.scan(Symbology.EAN13, isbns.getValue()));

        TextField text = new TextField();
        text.setPromptText("any barcode text");
        text.setId("panelText");
        Button scanText = new Button("Scan text");
        scanText.setOnAction(e -> {
            if (!text.getText().isBlank()) {
                controls.scan(Symbology.UNKNOWN, text.getText().strip());
            }
        });

        CheckBox connected = new CheckBox("Scanner plugged in");
        connected.setSelected(true);
        connected.setId("panelScannerConnected");
        connected.selectedProperty().addListener((o, was, now) -> controls.setScannerConnected(now));

        ComboBox<PrinterStatus> paper = new ComboBox<>();
        paper.getItems().setAll(PrinterStatus.READY, PrinterStatus.PAPER_OUT, PrinterStatus.OFFLINE);
        paper.getSelectionModel().selectFirst();
        paper.valueProperty().addListener((o, was, now) -> controls.setPrinterStatus(now));

        CheckBox key = new CheckBox("Staff key turned on");
        key.selectedProperty().addListener((o, was, now) -> controls.turnStaffKey(now));

        light.setId("panelLight");
        lamp.setId("panelLamp");
        beep.setId("panelBeep");
        slips.setId("panelSlips");
        controls.onLight(state -> Platform.runLater(() -> showLight(state)));
        controls.onBeep(b -> Platform.runLater(() -> beep.setText("beep: " + b + " (" + ++beeps + ")")));
        controls.onSlipPrinted(file -> Platform.runLater(() -> showSlip(file)));

        ScrollPane slipScroll = new ScrollPane(slips);
        slipScroll.setPrefViewportHeight(360);
        VBox root = new VBox(10,
                new Label("Scanner"), new HBox(8, cards, scanCard), new HBox(8, isbns, scanIsbn), new HBox(8, text, scanText),
                connected, new Label("Ctrl+Shift+1…9 in the kiosk window scans card 0100000N"),
                new Label("Status light and buzzer"), new HBox(8, lamp, light), beep,
                new Label("Printer"), new FlowPane(8, 8, paper), key,
                new Label("Printed slips"), slipScroll);
        root.setPadding(new Insets(12));
        return root;
    }

    private void showLight(LightState state) {
        light.setText("light: " + state);
        lamp.setFill(switch (state) {
            case READY -> Color.LIMEGREEN;
            case WORKING -> Color.ORANGE;
            case OFFLINE, FAULT -> Color.RED;
            case OFF -> Color.GRAY;
        });
    }

    private void showSlip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ImageView view = new ImageView(new Image(in));
            view.setPreserveRatio(true);
            view.setFitWidth(360);
            slips.getChildren().add(0, new VBox(2, new Label(file.getFileName().toString()), view));
        } catch (IOException e) {
            LOG.warn("The device panel could not show {}", file, e);
        }
    }

    /**
     * Ctrl+Shift+1…9 in {@code kioskScene} scans demo card 0100000N: a simulated scan without the panel
     * (full screen). A filter, so no control of the kiosk sees the key.
     */
    public static void installShortcuts(Scene kioskScene, SimulatorControls controls) {
        kioskScene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() && e.isShiftDown() && e.getCode().isDigitKey() && e.getCode() != KeyCode.DIGIT0
                    && e.getCode() != KeyCode.NUMPAD0) {
                int n = e.getCode().getCode() - (e.getCode().isKeypadKey() ? KeyCode.NUMPAD0.getCode() : KeyCode.DIGIT0.getCode());
                controls.scan(Symbology.CODABAR, DEMO_CARDS.get(n - 1));
                e.consume();
            }
        });
    }
}

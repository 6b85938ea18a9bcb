package org.opackiosk.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import javax.imageio.ImageIO;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.app.devices.SlipPrintControl;
import org.opackiosk.app.devices.SlipPrintViewModel;
import org.opackiosk.app.fx.Theme;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.SearchSettings;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.platform.ManualScheduler;
import org.opackiosk.device.printer.PngPrinter;
import org.opackiosk.device.printer.SlipRenderer;
import org.opackiosk.device.scanner.camera.BarcodeDecoder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 請求記号を印刷 on a record's page, on the simulated printer; the slip's QR code opens the record in the web OPAC. */
@ExtendWith(ApplicationExtension.class)
class CallNumberPrintUiTest {

    @TempDir
    static Path slips;

    private final FakeCatalogueIndex index = new FakeCatalogueIndex();
    private final CirculationService circulation = mock(CirculationService.class);
    private final SimpleObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.ONLINE);
    private final Localization l10n = new Localization(Locale.JAPANESE);
    private final ManualScheduler scheduler = new ManualScheduler();
    /** The printer's worker: held, so the test sees "printing…" and decides when the printer answers. */
    private final QueuedScheduler printing = new QueuedScheduler(true);
    private RecordViewModel record;
    private SlipPrintViewModel print;
    private PngPrinter printer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        index.add(new CatalogueEntry("42", "走れメロス", "", "ハシレメロス", "", "", "", List.of("太宰, 治"), List.of("ダザイ, オサム"),
                "新潮社", "東京", OptionalInt.of(1967), "", List.of("日本文学"), "913.6", List.of("978-4-10-100606-5"), "BK", "jpn",
                "", List.of(new CatalogueEntry.Holding("i1", "CEN", "913.6/ダ", "文庫")), Instant.parse("2026-01-01T00:00:00Z")));
        index.add(CatalogueEntry.of("43", "所蔵のない資料", List.of()));
        when(circulation.items("43")).thenReturn(CallResult.ok(List.of()));
        when(circulation.items("42")).thenReturn(CallResult.ok(List.of(
                new Item("i1", "00011", "CEN", "CEN", "913.6/ダ", "一般書架", "BK", false, Optional.of(LocalDate.of(2026, 12, 7))),
                new Item("i2", "00012", "KTA", "KTA", "913.6/ダザ", "文庫コーナー", "BK", false, Optional.empty()))));
        // the record page asks for availability (copies and hold count): here, the copies above and no count
        when(circulation.availability(org.mockito.ArgumentMatchers.anyString())).thenAnswer(call -> circulation
                .items(call.<String>getArgument(0)).map(items -> new RecordAvailability(items, OptionalInt.empty())));
        when(circulation.libraries()).thenReturn(CallResult.ok(List.of(new Library("CEN", "中央図書館", true),
                new Library("KTA", "北分館", true))));
        record = new RecordViewModel(index, circulation, connection,
                new SearchSettings(Optional.of("https://opac.example.jp/record/{id}"), Duration.ofMinutes(5)), scheduler, Runnable::run);
        // wired as KioskUi wires it
        print = new SlipPrintViewModel(() -> CallNumberSlip.of(record.entryProperty().get(), record.holdings(),
                record.webOpacUrlProperty().get()), printing, Runnable::run);
        print.clearWhenChanged(record.entryProperty());
        print.offerOnlyWhen(Bindings.isNotEmpty(record.holdings()));
        printer = new PngPrinter(slips.resolve("call-number"), new SlipRenderer(80));
        print.attachPrinter(Optional.<ReceiptPrinter>of(printer));
        StackPane root = new StackPane(new RecordScreen(record, l10n)
                .withPrint(SlipPrintControl.of(print, l10n, "print.callNumber", "printCallNumberButton", 380)).node());
        root.getStyleClass().add("root");
        root.setStyle(Theme.of("#1F6F8B", new org.opackiosk.app.fx.FontCheck().check()).rootStyle());
        Scene scene = new Scene(root, 1920, 1080);
        scene.getStylesheets().add(getClass().getResource("/org/opackiosk/app/kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theCallNumberSlipOfACopyOnTheShelfIsPrintedWithTheRecordsQrCode(FxRobot robot) throws IOException {
        // given
        Fx.run(() -> record.open("42"));
        Button button = robot.lookup("#printCallNumberButton").queryButton();
        assertThat(SceneQueries.shown(robot, "#printCallNumberButton")).isTrue();
        assertThat(button.getText()).isEqualTo("請求記号を印刷");
        assertThat(button.getHeight()).as("a touch target of at least 15 mm").isGreaterThanOrEqualTo(90);
        Screenshots.capture(stage, "record-print-ja");

        // when: pressed; the worker runs when the scheduler lets it
        robot.clickOn("#printCallNumberButton");
        assertThat(robot.lookup("#printCallNumberButtonResult").queryAs(Labeled.class).getText()).isEqualTo("印刷しています…");
        Fx.run(printing::runQueuedWork);

        // then: the slip of the copy on the shelf (北分館), whose QR code is the record's web OPAC address
        Path slip = slips.resolve("call-number").resolve("slip-0001.png");
        assertThat(slip).exists();
        BufferedImage image = ImageIO.read(slip.toFile());
        assertThat(new BarcodeDecoder().decode(image)).map(BarcodeDecoder.Decoded::text)
                .contains("https://opac.example.jp/record/42");
        assertThat(robot.lookup("#printCallNumberButtonResult").queryAs(Labeled.class).getText())
                .isEqualTo("印刷しました。プリンターからお取りください。");
        Screenshots.keep(slip, "slip-call-number-ja.png");
        Screenshots.capture(stage, "record-printed-ja");

        // when: the printer is offline, in English
        printer.setStatus(PrinterStatus.OFFLINE);
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        robot.clickOn("#printCallNumberButton");
        Fx.run(printing::runQueuedWork);

        // then
        assertThat(robot.lookup("#printCallNumberButtonResult").queryAs(Labeled.class).getText())
                .startsWith("The printer is not working");
        assertThat(robot.lookup("#recordTitle").queryAs(Labeled.class).getText()).isEqualTo("走れメロス");
        Screenshots.capture(stage, "record-print-offline-en");

        // when: another record: the sentence is forgotten; without copies there is nothing to print
        Fx.run(() -> record.open("43"));
        assertThat(SceneQueries.shown(robot, "#printCallNumberButton")).isFalse();
        assertThat(print.outcomeProperty().get()).isNull();
    }
}

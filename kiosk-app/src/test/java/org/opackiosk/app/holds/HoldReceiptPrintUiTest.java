package org.opackiosk.app.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageIO;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Scanner;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.device.printer.PngPrinter;
import org.opackiosk.device.printer.SlipRenderer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** レシートを印刷 after a hold is placed, on the simulated printer that draws each slip into a PNG file. */
@ExtendWith(ApplicationExtension.class)
class HoldReceiptPrintUiTest {

    @TempDir
    static Path slips;

    private KioskFixture kiosk;
    private PngPrinter printer;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    private void attachPrinter(Optional<PngPrinter> png) {
        Fx.run(() -> kiosk.ui.attachDevices(new KioskDevices(Scanner.none(), Indicator.none(), png.<ReceiptPrinter>map(p -> p), StaffKey.none()),
                kiosk.connectivity));
    }

    private void placeAHold(FxRobot robot) {
        kiosk.serverOnline();
        robot.clickOn("#searchButton");
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r7", "走れメロス"));
        PatronLogin.typeCardAndPassword(robot, "01000001", "taro1234");
        robot.clickOn("#pickup-KITA");
        robot.clickOn("#placeHoldButton");
        assertThat(robot.lookup("#holdPlacedPosition").queryAs(Label.class).getText()).isEqualTo("予約順位：3番目");
    }

    @Test
    void theReceiptIsPrintedOnTheSimulatedPrinterAndOutOfPaperIsSaid(FxRobot robot) throws IOException {
        // given: a kiosk with a printer, a hold just placed
        printer = new PngPrinter(slips.resolve("receipt"), new SlipRenderer(80));
        attachPrinter(Optional.of(printer));
        placeAHold(robot);
        Button print = robot.lookup("#printReceiptButton").queryButton();
        assertThat(SceneQueries.shown(robot, "#printReceiptButton")).isTrue();
        assertThat(print.getText()).isEqualTo("レシートを印刷");
        assertThat(print.isDefaultButton()).as("a secondary action").isFalse();
        assertThat(print.getHeight()).as("a touch target of at least 15 mm").isGreaterThanOrEqualTo(90);
        Screenshots.capture(kiosk.stage(), "hold-placed-print-ja");

        // when
        robot.clickOn("#printReceiptButton");

        // then: the slip is a PNG file, and the patron is told to take it
        Path slip = slips.resolve("receipt").resolve("slip-0001.png");
        assertThat(slip).exists();
        BufferedImage image = ImageIO.read(slip.toFile());
        assertThat(image.getHeight()).isGreaterThan(200);
        assertThat(robot.lookup("#printReceiptButtonResult").queryAs(Label.class).getText())
                .isEqualTo("印刷しました。プリンターからお取りください。");
        Screenshots.keep(slip, "slip-hold-placed-ja.png");
        Screenshots.capture(kiosk.stage(), "hold-receipt-printed-ja");

        // when: the paper runs out and the patron presses again, in English
        printer.setStatus(PrinterStatus.PAPER_OUT);
        robot.clickOn("#language-en");
        robot.clickOn("#printReceiptButton");

        // then: said in words; the hold's confirmation stays; nothing more was printed
        assertThat(robot.lookup("#printReceiptButtonResult").queryAs(Label.class).getText())
                .startsWith("The printer is out of paper");
        assertThat(robot.lookup("#holdPlacedPickup").queryAs(Label.class).getText()).contains("北分館");
        assertThat(print.getText()).isEqualTo("Print receipt");
        assertThat(slips.resolve("receipt").resolve("slip-0002.png")).doesNotExist();
        Screenshots.capture(kiosk.stage(), "hold-receipt-paper-out-en");
    }

    @Test
    void theCartsReceiptListsWhatWasPlaced(FxRobot robot) throws IOException {
        // given: a printer, a cart of two records, logged in
        printer = new PngPrinter(slips.resolve("cart"), new SlipRenderer(80));
        attachPrinter(Optional.of(printer));
        kiosk.serverOnline();
        robot.clickOn("#searchButton");
        Fx.run(() -> {
            kiosk.ui.cartAdder().addToCart("r7", "走れメロス");
            kiosk.ui.cartAdder().addToCart("r8", "山月記");
            kiosk.ui.openCart();
        });
        PatronLogin.typeCardAndPassword(robot, "01000001", "taro1234");
        assertThat(SceneQueries.shown(robot, "#printCartReceiptButton")).as("nothing placed yet").isFalse();

        // when
        robot.clickOn("#cartPlaceButton");
        assertThat(SceneQueries.shown(robot, "#printCartReceiptButton")).isTrue();
        robot.clickOn("#printCartReceiptButton");

        // then
        Path slip = slips.resolve("cart").resolve("slip-0001.png");
        assertThat(slip).exists();
        assertThat(ImageIO.read(slip.toFile()).getHeight()).isGreaterThan(200);
        assertThat(robot.lookup("#printCartReceiptButtonResult").queryAs(Label.class).getText())
                .isEqualTo("印刷しました。プリンターからお取りください。");
        Screenshots.keep(slip, "slip-cart-ja.png");
        Screenshots.capture(kiosk.stage(), "cart-receipt-printed-ja");
    }

    @Test
    void withoutAPrinterThereIsNoPrintButton(FxRobot robot) {
        attachPrinter(Optional.empty());

        placeAHold(robot);

        assertThat(SceneQueries.shown(robot, "#printReceiptButton")).isFalse();
    }
}

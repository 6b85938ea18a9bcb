package org.opackiosk.provisioning.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.KioskVersion;
import org.opackiosk.core.device.Slips;
import org.opackiosk.device.printer.EscPosEncoder;
import org.opackiosk.device.scanner.camera.BarcodeDecoder;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.KioskctlRun;

class PrinterTestCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDeviceFileGetsTheEncodersBytesOfTheTestSlip() throws IOException {
        // given: a file standing for /dev/usb/lp0 (the link never creates one: it must exist, as a device does)
        Path lp0 = Files.createFile(dir.resolve("lp0"));

        // when
        KioskctlRun run = KioskctlRun.of("printer", "test", "--device", lp0.toString());

        // then
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Test slip sent to the ESC/POS printer on device " + lp0);
        byte[] expected = new EscPosEncoder(80).encode(Slips.printerTest("ESC/POS printer on device " + lp0, KioskVersion.current()));
        assertThat(Files.readAllBytes(lp0)).isEqualTo(expected);
    }

    @Test
    void a58mmPrinterGetsTheNarrowEncoding() throws IOException {
        Path lp0 = Files.createFile(dir.resolve("lp0"));

        KioskctlRun run = KioskctlRun.of("printer", "test", "--device", lp0.toString(), "--paper-width-mm", "58");

        assertThat(run.exit()).as(run.err()).isZero();
        byte[] expected = new EscPosEncoder(58).encode(Slips.printerTest("ESC/POS printer on device " + lp0, KioskVersion.current()));
        assertThat(Files.readAllBytes(lp0)).isEqualTo(expected);
        assertThat(expected).isNotEqualTo(new EscPosEncoder(80).encode(Slips.printerTest("ESC/POS printer on device " + lp0,
                KioskVersion.current())));
    }

    @Test
    void pngWritesTheSlipAsAPictureWithAReadableQrCode() throws IOException {
        Path png = dir.resolve("slip.png");

        KioskctlRun run = KioskctlRun.of("printer", "test", "--png", png.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getHeight()).isGreaterThan(image.getWidth());
        // the slip carries a Codabar and a QR code; the camera decoder finds one of them
        assertThat(new BarcodeDecoder().decode(image)).isPresent();
    }

    @Test
    void aPrinterThatIsNotThereIsNamedAndExitsOne() {
        KioskctlRun run = KioskctlRun.of("printer", "test", "--device", dir.resolve("lp9").toString());

        assertThat(run.exit()).isEqualTo(ScannerCommand.EXIT_DEVICE);
        assertThat(run.err()).contains("Not printed").contains("offline").contains("lp9");
    }

    @Test
    void exactlyOneTargetIsNeeded() {
        assertThat(KioskctlRun.of("printer", "test").exit()).isEqualTo(KioskCtl.EXIT_INVALID);
        assertThat(KioskctlRun.of("printer", "test", "--png", "a.png", "--device", "b").exit()).isEqualTo(KioskCtl.EXIT_INVALID);
    }
}

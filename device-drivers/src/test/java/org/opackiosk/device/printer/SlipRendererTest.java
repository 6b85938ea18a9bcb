package org.opackiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.device.Slips;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.device.scanner.camera.BarcodeDecoder;

class SlipRendererTest {

    @TempDir
    Path dir;

    @Test
    void aCallNumberSlipIsAPaperWidePngWhoseQrCodeScans() throws Exception {
        Slip slip = Slips.callNumber("吾輩は猫である", "913.6/ナ", "2階 日本の小説", "みどり市立図書館 中央館",
                Optional.of("https://opac.example.jp/record/42"));
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(new SlipRenderer(80).renderPng(slip)));
        assertThat(image.getWidth()).isEqualTo(576);
        assertThat(image.getHeight()).isGreaterThan(300);
        // the slip's own QR code reads back with the kiosk's camera decoder
        assertThat(new BarcodeDecoder().decode(image))
                .contains(new BarcodeDecoder.Decoded(Symbology.QR_CODE, "https://opac.example.jp/record/42"));
    }

    @Test
    void aCodabarOnASlipScansBackWithoutItsStartStop() {
        BufferedImage image = new SlipRenderer(58).render(Slip.builder().barcode(Slip.BarcodeType.CODABAR, "01000001").build());
        assertThat(image.getWidth()).isEqualTo(384);
        assertThat(new BarcodeDecoder().decode(image)).contains(new BarcodeDecoder.Decoded(Symbology.CODABAR, "01000001"));
    }

    @Test
    void theSimulatedPrinterWritesNumberedPngsAndTellsItsListeners() throws Exception {
        PngPrinter printer = new PngPrinter(dir.resolve("slips"), new SlipRenderer(80));
        List<Path> printed = new ArrayList<>();
        printer.onPrinted(printed::add);
        Slip hold = Slips.holdPlaced("みどり市立図書館", "銀河鉄道の夜", "中央館", Optional.of(3), LocalDate.of(2026, 11, 23), Locale.JAPANESE);

        assertThat(printer.print(hold)).isEqualTo(new PrintResult.Printed());
        assertThat(printer.print(hold)).isEqualTo(new PrintResult.Printed());

        assertThat(printed).containsExactly(dir.resolve("slips/slip-0001.png"), dir.resolve("slips/slip-0002.png"));
        assertThat(ImageIO.read(printed.get(0).toFile()).getWidth()).isEqualTo(576);
        // and its paper can run out
        printer.setStatus(PrinterStatus.PAPER_OUT);
        assertThat(printer.print(hold)).isEqualTo(new PrintResult.NotPrinted(PrinterStatus.PAPER_OUT, "simulated printer set to PAPER_OUT"));
        assertThat(Files.list(dir.resolve("slips")).count()).isEqualTo(2);
    }

    @Test
    void theHoldSlipSaysWhatWhereAndThePlaceInTheQueueButNoCardNumber() {
        Slip ja = Slips.holdPlaced("みどり市立図書館", "銀河鉄道の夜", "中央館", Optional.of(3), LocalDate.of(2026, 11, 23), Locale.JAPANESE);
        assertThat(ja.lines()).contains(new Slip.Heading("予約を受け付けました", Slip.Align.CENTER),
                new Slip.Text("受取館: 中央館", false, Slip.Align.LEFT),
                new Slip.Text("予約順位: 3番目", false, Slip.Align.LEFT),
                new Slip.Text("予約日: 2026年11月23日", false, Slip.Align.LEFT));
        Slip en = Slips.holdPlaced("Midori City Library", "Night on the Galactic Railroad", "Central", Optional.empty(),
                LocalDate.of(2026, 11, 23), Locale.ENGLISH);
        assertThat(en.lines()).contains(new Slip.Heading("Hold placed", Slip.Align.CENTER),
                new Slip.Text("Placed on 23 Nov 2026", false, Slip.Align.LEFT));
    }
}

package org.opackiosk.provisioning.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.device.testing.SharedData;
import org.opackiosk.device.testing.TestImages;
import org.opackiosk.provisioning.KioskctlRun;

class ScanImageCommandTest {

    @TempDir
    Path dir;

    private Path png(String name, java.awt.image.BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void readsGeneratedBarcodesAndSaysWhyAFileGaveNothing() throws IOException {
        // given: a library card (Codabar), a book (EAN-13 as JPEG), a QR code, an empty desk, a text file, no file
        Path card = png("card.png", TestImages.frame(BarcodeFormat.CODABAR, "A01000001A"));
        Path book = dir.resolve("book.jpg");
        Files.write(book, TestImages.jpeg(TestImages.frame(BarcodeFormat.EAN_13, "9784865200171")));
        Path qr = png("qr.png", TestImages.frame(BarcodeFormat.QR_CODE, "https://opac.example.jp/record/42"));
        Path blank = png("blank.png", TestImages.blank());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not an image");
        Path missing = dir.resolve("missing.png");

        // when
        KioskctlRun run = KioskctlRun.of("scan-image", "--json", card.toString(), book.toString(), qr.toString(), blank.toString(),
                text.toString(), missing.toString());

        // then: one line per file, in order
        assertThat(run.exit()).as("some files gave nothing").isEqualTo(ScannerCommand.EXIT_DEVICE);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0).get("file").asText()).isEqualTo(card.toString());
        assertThat(lines.get(0).get("symbology").asText()).isEqualTo("CODABAR");
        // ZXing reads Codabar without its start/stop characters, as the camera scanner reports it
        assertThat(lines.get(0).get("text").asText()).isEqualTo("01000001");
        assertThat(lines.get(1).get("symbology").asText()).isEqualTo("EAN13");
        assertThat(lines.get(1).get("text").asText()).isEqualTo("9784865200171");
        assertThat(lines.get(2).get("symbology").asText()).isEqualTo("QR_CODE");
        assertThat(lines.get(2).get("text").asText()).isEqualTo("https://opac.example.jp/record/42");
        assertThat(lines.get(3).get("error").asText()).isEqualTo("no barcode found");
        assertThat(lines.get(4).get("error").asText()).startsWith("not an image");
        assertThat(lines.get(5).get("error").asText()).isEqualTo("no such file");
        assertThat(lines.get(3).has("text")).isFalse();
    }

    @Test
    void plainOutputIsOneLinePerFileAndExitsZeroWhenAllWereRead() throws IOException {
        Path code39 = png("code39.png", TestImages.frame(BarcodeFormat.CODE_39, "ABC-123"));

        KioskctlRun run = KioskctlRun.of("scan-image", code39.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(code39 + ": CODE39 ABC-123" + System.lineSeparator());
    }

    /** The real photos in shared/data/barcodes (skipped when absent): the command reads what the camera decoder reads. */
    @Test
    void readsTheRealCodabarPhotos() throws IOException {
        Optional<Path> folder = SharedData.dir("barcodes/codabar-1");
        Assumptions.assumeTrue(folder.isPresent(), "shared/data/barcodes/codabar-1 is not here");
        List<Path> images;
        try (Stream<Path> s = Files.list(folder.get())) {
            images = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of("scan-image", "--json"));
        images.forEach(p -> args.add(p.toString()));

        KioskctlRun run = KioskctlRun.of(args.toArray(String[]::new));

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(images.size());
        int read = 0;
        for (int i = 0; i < images.size(); i++) {
            JsonNode line = new ObjectMapper().readTree(lines.get(i));
            String expected = Files.readString(Path.of(images.get(i).toString().replaceAll("\\.png$", ".txt")), StandardCharsets.UTF_8);
            if (line.has("text") && line.get("text").asText().equals(expected)) {
                assertThat(line.get("symbology").asText()).isEqualTo("CODABAR");
                read++;
            }
        }
        // the camera decoder reads all 11 (RealBarcodeImagesTest); so must the command
        assertThat(read).isEqualTo(images.size());
        assertThat(run.exit()).isZero();
    }
}

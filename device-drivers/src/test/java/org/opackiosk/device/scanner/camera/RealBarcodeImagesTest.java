package org.opackiosk.device.scanner.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opackiosk.device.testing.SharedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera scanner's decoder on real photos and renderings (ZXing's black-box images in
 * {@code shared/data/barcodes/}); skipped when the folder is absent. Reports the pass rate per
 * folder and holds it at the rate measured when the decoder was written, so a change that reads
 * fewer real barcodes fails.
 */
class RealBarcodeImagesTest {

    private static final Logger LOG = LoggerFactory.getLogger(RealBarcodeImagesTest.class);

    @ParameterizedTest(name = "{0}: at least {1}/{2}")
    @CsvSource({
            "codabar-1, 11, 11",
            "code39-1, 4, 4",
            "ean13-1, 32, 34",
            "qrcode-1, 19, 20",
    })
    void decodesTheRealImagesOfAFolder(String folder, int minimumRead, int files) throws IOException {
        Optional<Path> dir = SharedData.dir("barcodes/" + folder);
        Assumptions.assumeTrue(dir.isPresent(), "shared/data/barcodes/" + folder + " is not here");
        BarcodeDecoder decoder = new BarcodeDecoder();
        List<String> misses = new ArrayList<>();
        int read = 0;
        List<Path> images;
        try (Stream<Path> s = Files.list(dir.get())) {
            images = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        for (Path image : images) {
            String expected = Files.readString(Path.of(image.toString().replaceAll("\\.png$", ".txt")), StandardCharsets.UTF_8);
            Optional<BarcodeDecoder.Decoded> got = decoder.decode(Files.readAllBytes(image));
            if (got.isPresent() && got.get().text().equals(expected)) {
                read++;
            } else {
                misses.add(image.getFileName() + (got.isPresent() ? " (read something else)" : ""));
            }
        }
        LOG.warn("Camera decoder on {}: {}/{} read ({}%){}", folder, read, images.size(), 100 * read / images.size(),
                misses.isEmpty() ? "" : "; not read: " + misses);
        assertThat(images).hasSize(files);
        assertThat(read).as("real %s images read; not read: %s", folder, misses).isGreaterThanOrEqualTo(minimumRead);
    }
}

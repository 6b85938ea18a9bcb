package org.opackiosk.device.scanner.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.device.testing.TestImages;

class BarcodeDecoderTest {

    private final BarcodeDecoder decoder = new BarcodeDecoder();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "CODABAR, A01000001A, CODABAR, 01000001",
            "CODE_39, ABC-123, CODE39, ABC-123",
            "EAN_13, 9784101010014, EAN13, 9784101010014",
            "ITF, 01234567890128, ITF, 01234567890128",
            "QR_CODE, https://opac.example.jp/record/42, QR_CODE, https://opac.example.jp/record/42",
    })
    void decodesEverySymbologyTheKioskReads(BarcodeFormat format, String encoded, Symbology symbology, String text) {
        // Codabar: ZXing returns the code without its start/stop characters, as the card profile wants it
        assertThat(decoder.decode(TestImages.jpeg(TestImages.frame(format, encoded))))
                .contains(new BarcodeDecoder.Decoded(symbology, text));
    }

    @Test
    void aFrameWithoutABarcodeOrNotAnImageDecodesToNothing() {
        assertThat(decoder.decode(TestImages.jpeg(TestImages.blank()))).isEmpty();
        assertThat(decoder.decode(new byte[] {1, 2, 3})).isEmpty();
    }

    @Test
    void japaneseTextInAQrCode() {
        assertThat(decoder.decode(TestImages.frame(BarcodeFormat.QR_CODE, "みどり市立図書館")))
                .contains(new BarcodeDecoder.Decoded(Symbology.QR_CODE, "みどり市立図書館"));
    }
}

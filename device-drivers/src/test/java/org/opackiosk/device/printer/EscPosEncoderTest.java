package org.opackiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.device.Slip;

/** ESC/POS byte for byte, against the command reference of Japanese-model printers. */
class EscPosEncoderTest {

    private final EscPosEncoder encoder = new EscPosEncoder(80);

    private static byte[] hex(String h) {
        return HexFormat.ofDelimiter(" ").parseHex(h);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ESC @, FS C 1 (Shift_JIS), FS &
    private static final String INIT = "1b 40 1c 43 01 1c 26";
    // ESC a 0, GS V 66 3
    private static final String END = "1b 61 00 1d 56 42 03";

    @Test
    void anEmptySlipIsResetKanjiModeAndCut() {
        assertThat(encoder.encode(new Slip(java.util.List.of()))).isEqualTo(hex(INIT + " " + END));
    }

    @Test
    void japaneseTextIsShiftJisInKanjiMode() {
        byte[] bytes = encoder.encode(Slip.builder().text("予約 OK").build());
        // ESC a 0, 予 97 5C, 約 96 F1, space, O K, LF
        assertThat(bytes).isEqualTo(hex(INIT + " 1b 61 00 97 5c 96 f1 20 4f 4b 0a " + END));
    }

    @Test
    void windows31jCharactersAndAGetaForWhatShiftJisCannotHold() {
        // ～ (full-width tilde) 81 60, ① 87 40, half-width ｱ B1; 𠮷 is not in Shift_JIS: 〓 81 AC
        assertThat(EscPosEncoder.text("～①ｱ𠮷")).isEqualTo(hex("81 60 87 40 b1 81 ac"));
        // control characters never reach the printer as commands
        assertThat(EscPosEncoder.text("a\u001b@b")).isEqualTo(hex("61 40 62"));
    }

    @Test
    void boldTextIsEmphasised() {
        assertThat(encoder.encode(Slip.builder().bold("A").build()))
                .isEqualTo(hex(INIT + " 1b 61 00 1b 45 01 41 0a 1b 45 00 " + END));
    }

    @Test
    void aHeadingIsCentredBoldAndDoubleSizeForAsciiAndKanji() {
        assertThat(encoder.encode(Slip.builder().heading("予約").build())).isEqualTo(hex(INIT
                + " 1b 61 01"                       // centre
                + " 1b 45 01 1d 21 11 1c 21 0c"     // bold, GS ! double, FS ! kanji double
                + " 97 5c 96 f1 0a"
                + " 1d 21 00 1c 21 00 1b 45 00 "    // back to normal
                + END));
    }

    @Test
    void aQrCodeIsModel2SizedErrorCorrectedStoredAndPrinted() {
        assertThat(EscPosEncoder.qr("https://a.jp/1", 6)).isEqualTo(concat(
                hex("1d 28 6b 04 00 31 41 32 00"),
                hex("1d 28 6b 03 00 31 43 06"),
                hex("1d 28 6b 03 00 31 45 31"),
                hex("1d 28 6b 11 00 31 50 30"), "https://a.jp/1".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                hex("1d 28 6b 03 00 31 51 30")));
    }

    @Test
    void qrDataLongerThan255BytesUsesBothLengthBytes() {
        byte[] bytes = EscPosEncoder.qr("x".repeat(300), 4);
        // store: pL pH = 303 = 0x012F
        assertThat(java.util.Arrays.copyOfRange(bytes, 25, 33)).isEqualTo(hex("1d 28 6b 2f 01 31 50 30"));
    }

    @Test
    void codabarGetsStartStopCharactersAndItsTextUnderTheBars() {
        assertThat(EscPosEncoder.barcode(Slip.BarcodeType.CODABAR, "01000001"))
                .isEqualTo(concat(hex("1d 68 50 1d 77 02 1d 48 02 1d 6b 47 0a"), "A01000001A".getBytes()));
        assertThat(EscPosEncoder.barcode(Slip.BarcodeType.CODABAR, "b123c"))
                .isEqualTo(concat(hex("1d 68 50 1d 77 02 1d 48 02 1d 6b 47 05"), "B123C".getBytes()));
        assertThatThrownBy(() -> EscPosEncoder.barcode(Slip.BarcodeType.CODABAR, "12X4")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void code39() {
        assertThat(EscPosEncoder.barcode(Slip.BarcodeType.CODE39, "abc-123"))
                .isEqualTo(concat(hex("1d 68 50 1d 77 02 1d 48 02 1d 6b 45 07"), "ABC-123".getBytes()));
        assertThatThrownBy(() -> EscPosEncoder.barcode(Slip.BarcodeType.CODE39, "予約")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ruleFeedAndAlignment() {
        assertThat(encoder.encode(Slip.builder().rule().feed(2).centered("x").build())).isEqualTo(concat(hex(INIT),
                hex("1b 61 00"), "-".repeat(48).getBytes(), hex("0a"),
                hex("1b 64 02"),
                hex("1b 61 01 78 0a"),
                hex(END)));
    }

    @Test
    void linesWrapByDisplayWidthKanjiCountingTwo() {
        EscPosEncoder narrow = new EscPosEncoder(58);
        assertThat(narrow.columns()).isEqualTo(32);
        // 20 kanji = 40 columns: 16 on the first row, 4 on the second
        String twenty = "図書館".repeat(6) + "図書";
        assertThat(EscPosEncoder.wrap(twenty, 32)).containsExactly(twenty.substring(0, 16), twenty.substring(16));
        // English breaks at a space
        assertThat(EscPosEncoder.wrap("We will tell you when it is ready for pickup.", 32))
                .containsExactly("We will tell you when it is", "ready for pickup.");
        // a word longer than a row is cut
        assertThat(EscPosEncoder.wrap("x".repeat(40), 32)).containsExactly("x".repeat(32), "x".repeat(8));
        assertThat(EscPosEncoder.wrap("", 32)).containsExactly("");
        // a heading in double size has half the columns
        byte[] heading = narrow.encode(Slip.builder().heading("12345678901234567890").build());
        assertThat(new String(heading, java.nio.charset.StandardCharsets.US_ASCII)).contains("1234567890123456\n7890\n");
    }
}

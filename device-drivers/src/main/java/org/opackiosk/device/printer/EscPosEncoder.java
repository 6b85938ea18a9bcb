package org.opackiosk.device.printer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opackiosk.core.device.Slip;

/**
 * Turns a {@link Slip} into ESC/POS bytes for a Japanese-model receipt printer (Epson TM-T88/TM-T20 JP,
 * and the many compatibles): Shift_JIS kanji mode, bold and double-size headings, QR code (GS ( k),
 * Codabar and Code 39 barcodes (GS k) with their text under them, and a partial cut. Text is encoded as
 * Windows-31J (Shift_JIS as printers and Windows use it, so ～ and ① print); a character outside it
 * prints as 〓 (geta), the Japanese typesetter's mark for a missing glyph. Lines are wrapped by display
 * width (kanji two columns, ASCII one). Pure and thread-safe.
 */
public final class EscPosEncoder {

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte FS = 0x1C;
    static final byte LF = 0x0A;

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    /** 〓 in Shift_JIS. */
    private static final byte[] GETA = {(byte) 0x81, (byte) 0xAC};

    private final int columns;

    /** @param paperWidthMm 80 (48 columns of 12 dots) or 58 (32 columns) */
    public EscPosEncoder(int paperWidthMm) {
        this.columns = switch (paperWidthMm) {
            case 80 -> 48;
            case 58 -> 32;
            default -> throw new IllegalArgumentException("paper width 58 or 80 mm");
        };
    }

    public int columns() {
        return columns;
    }

    public byte[] encode(Slip slip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(initialize());
        for (Slip.Line line : slip.lines()) {
            switch (line) {
                case Slip.Text t -> {
                    align(out, t.align());
                    if (t.bold()) {
                        out.writeBytes(new byte[] {ESC, 'E', 1});
                    }
                    for (String row : wrap(t.text(), columns)) {
                        out.writeBytes(text(row));
                        out.write(LF);
                    }
                    if (t.bold()) {
                        out.writeBytes(new byte[] {ESC, 'E', 0});
                    }
                }
                case Slip.Heading h -> {
                    align(out, h.align());
                    // GS ! for ANK characters, FS ! for kanji: double width and height, and bold
                    out.writeBytes(new byte[] {ESC, 'E', 1, GS, '!', 0x11, FS, '!', 0x0C});
                    for (String row : wrap(h.text(), columns / 2)) {
                        out.writeBytes(text(row));
                        out.write(LF);
                    }
                    out.writeBytes(new byte[] {GS, '!', 0x00, FS, '!', 0x00, ESC, 'E', 0});
                }
                case Slip.Qr q -> {
                    align(out, Slip.Align.CENTER);
                    out.writeBytes(qr(q.data(), q.moduleSize()));
                }
                case Slip.Barcode b -> {
                    align(out, Slip.Align.CENTER);
                    out.writeBytes(barcode(b.type(), b.data()));
                }
                case Slip.Rule r -> {
                    align(out, Slip.Align.LEFT);
                    out.writeBytes("-".repeat(columns).getBytes(StandardCharsets.US_ASCII));
                    out.write(LF);
                }
                case Slip.Feed f -> out.writeBytes(new byte[] {ESC, 'd', (byte) Math.min(255, Math.max(0, f.lines()))});
            }
        }
        align(out, Slip.Align.LEFT);
        out.writeBytes(cut());
        return out.toByteArray();
    }

    /** ESC @ (reset), FS C 1 (Shift_JIS code system), FS & (kanji mode; ignored by printers that need not be told). */
    static byte[] initialize() {
        return new byte[] {ESC, '@', FS, 'C', 1, FS, '&'};
    }

    /** GS V 66 3: feed to the cutter (plus three lines) and cut, leaving a hinge (partial cut). */
    static byte[] cut() {
        return new byte[] {GS, 'V', 66, 3};
    }

    private static void align(ByteArrayOutputStream out, Slip.Align align) {
        out.writeBytes(new byte[] {ESC, 'a', (byte) align.ordinal()});
    }

    /** Shift_JIS bytes of {@code s}; characters it cannot hold become 〓, control characters are dropped. */
    static byte[] text(String s) {
        CharsetEncoder encoder = SHIFT_JIS.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                return;
            }
            try {
                ByteBuffer b = encoder.encode(CharBuffer.wrap(Character.toChars(cp)));
                out.write(b.array(), b.arrayOffset(), b.remaining());
            } catch (java.nio.charset.CharacterCodingException e) {
                out.writeBytes(GETA);
            }
        });
        return out.toByteArray();
    }

    /** Display columns of one character on a Japanese printer: Shift_JIS double-byte characters take two. */
    static int width(int codePoint) {
        if (codePoint < 0x80 || codePoint >= 0xFF61 && codePoint <= 0xFF9F) {
            return 1; // ASCII and half-width katakana are single-byte in Shift_JIS
        }
        return 2;
    }

    /** {@code text} cut into rows of at most {@code width} columns, breaking at spaces when a word fits on a row. */
    static List<String> wrap(String text, int width) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        int used = 0;
        int lastSpace = -1;
        int[] cps = text.codePoints().toArray();
        for (int cp : cps) {
            int w = width(cp);
            if (used + w > width) {
                if (cp == ' ') {
                    rows.add(row.toString().stripTrailing());
                    row.setLength(0);
                    used = 0;
                    lastSpace = -1;
                    continue;
                }
                if (lastSpace > 0) {
                    String carry = row.substring(lastSpace + 1);
                    rows.add(row.substring(0, lastSpace).stripTrailing());
                    row.setLength(0);
                    row.append(carry);
                    used = carry.codePoints().map(EscPosEncoder::width).sum();
                } else {
                    rows.add(row.toString());
                    row.setLength(0);
                    used = 0;
                }
                lastSpace = -1;
            }
            if (cp == ' ') {
                lastSpace = row.length();
            }
            row.appendCodePoint(cp);
            used += w;
        }
        if (!row.isEmpty() || rows.isEmpty()) {
            rows.add(row.toString());
        }
        return rows;
    }

    /**
     * GS ( k: QR model 2, module size, error correction M, store the data (UTF-8), print it.
     */
    static byte[] qr(String data, int moduleSize) {
        byte[] d = data.getBytes(StandardCharsets.UTF_8);
        if (d.length > 7089) {
            throw new IllegalArgumentException("too much data for a QR code");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {GS, '(', 'k', 4, 0, 49, 65, 50, 0});             // model 2
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, 49, 67, (byte) moduleSize}); // module size in dots
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, 49, 69, 49});               // error correction M (15 %)
        int n = d.length + 3;
        out.writeBytes(new byte[] {GS, '(', 'k', (byte) (n & 0xFF), (byte) (n >> 8), 49, 80, 48});
        out.writeBytes(d);
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, 49, 81, 48});               // print
        return out.toByteArray();
    }

    /**
     * GS k (function B) with the text printed under the bars (GS H 2), 80 dots high, module width 2.
     * Codabar gets start/stop characters A…A when the data has none.
     */
    static byte[] barcode(Slip.BarcodeType type, String data) {
        String d = data.toUpperCase(Locale.ROOT);
        byte m;
        switch (type) {
            case CODABAR -> {
                if (!d.matches("[A-D][0-9\\-$:/.+]+[A-D]")) {
                    d = "A" + d + "A";
                }
                if (!d.matches("[A-D][0-9\\-$:/.+]+[A-D]")) {
                    throw new IllegalArgumentException("Codabar holds digits and - $ : / . + only");
                }
                m = 71;
            }
            case CODE39 -> {
                if (!d.matches("[0-9A-Z \\-.$/+%]+")) {
                    throw new IllegalArgumentException("Code 39 holds 0-9, A-Z and space - . $ / + % only");
                }
                m = 69;
            }
            default -> throw new IllegalArgumentException(type.name());
        }
        if (d.length() > 255) {
            throw new IllegalArgumentException("barcode data too long");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {GS, 'h', 80, GS, 'w', 2, GS, 'H', 2});
        out.writeBytes(new byte[] {GS, 'k', m, (byte) d.length()});
        out.writeBytes(d.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}

package org.opackiosk.app.staff;

import java.util.Locale;

/**
 * What a scan really contains, for the staff test area: invisible characters made visible, so a scanner that sends
 * a stray TAB or a GS1 group separator can be seen as such (⏎ CR, ↵ LF, ⇥ TAB, ␣ space, {@code <0x1D>} GS…).
 */
public final class ScanText {

    private ScanText() {
    }

    public static String visible(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        raw.codePoints().forEach(c -> {
            switch (c) {
                case '\r' -> out.append('⏎');
                case '\n' -> out.append('↵');
                case '\t' -> out.append('⇥');
                case ' ' -> out.append('␣');
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format(Locale.ROOT, "<0x%02X>", c));
                    } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format(Locale.ROOT, "<U+%04X>", c)); // NBSP, ideographic space, zero-width…
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}

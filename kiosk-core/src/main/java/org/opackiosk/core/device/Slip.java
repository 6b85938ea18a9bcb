package org.opackiosk.core.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A paper slip, as lines from top to bottom; the printer cuts after the last. Printer-neutral: the
 * ESC/POS encoder and the PNG renderer both draw it.
 */
public record Slip(List<Line> lines) {

    public Slip {
        lines = List.copyOf(lines);
    }

    public enum Align { LEFT, CENTER, RIGHT }

    public enum BarcodeType { CODABAR, CODE39 }

    public sealed interface Line permits Text, Heading, Qr, Barcode, Rule, Feed {
    }

    /** Body text; long lines wrap. */
    public record Text(String text, boolean bold, Align align) implements Line {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(align, "align");
        }
    }

    /** Bold, double width and height. */
    public record Heading(String text, Align align) implements Line {
        public Heading {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(align, "align");
        }
    }

    /** A QR code, centred; {@code moduleSize} 1–16 printer dots (or pixels) per module. */
    public record Qr(String data, int moduleSize) implements Line {
        public Qr {
            Objects.requireNonNull(data, "data");
            if (data.isEmpty() || moduleSize < 1 || moduleSize > 16) {
                throw new IllegalArgumentException("a QR code needs data and a module size 1–16");
            }
        }
    }

    /** A one-dimensional barcode with its text printed under it, centred. */
    public record Barcode(BarcodeType type, String data) implements Line {
        public Barcode {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(data, "data");
        }
    }

    /** A dashed line across the paper. */
    public record Rule() implements Line {
    }

    /** Blank lines. */
    public record Feed(int lines) implements Line {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Line> lines = new ArrayList<>();

        public Builder heading(String text) {
            lines.add(new Heading(text, Align.CENTER));
            return this;
        }

        public Builder text(String text) {
            lines.add(new Text(text, false, Align.LEFT));
            return this;
        }

        public Builder bold(String text) {
            lines.add(new Text(text, true, Align.LEFT));
            return this;
        }

        public Builder centered(String text) {
            lines.add(new Text(text, false, Align.CENTER));
            return this;
        }

        public Builder qr(String data) {
            lines.add(new Qr(data, 6));
            return this;
        }

        public Builder barcode(BarcodeType type, String data) {
            lines.add(new Barcode(type, data));
            return this;
        }

        public Builder rule() {
            lines.add(new Rule());
            return this;
        }

        public Builder feed(int n) {
            lines.add(new Feed(n));
            return this;
        }

        public Slip build() {
            return new Slip(lines);
        }
    }
}

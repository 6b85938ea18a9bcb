package org.opackiosk.core.device;

import java.util.Objects;

import org.opackiosk.core.privacy.CardNumbers;

/**
 * One barcode read by any scanner. The text is raw: what the scanner sent without its prefix and
 * terminator; the card-number profile decides what it is ({@link org.opackiosk.core.cards.ScanClassifier}).
 *
 * @param symbology the symbology where known, else {@link Symbology#UNKNOWN}
 * @param text      the decoded text, never empty
 * @param source    the kind of scanner
 */
public record ScanEvent(Symbology symbology, String text, ScanSource source) {

    public ScanEvent {
        Objects.requireNonNull(symbology, "symbology");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty scan");
        }
    }

    /** Masked: a scan may be a card number, and records end up in log lines. */
    @Override
    public String toString() {
        return "ScanEvent[" + symbology + ", " + CardNumbers.mask(text) + " (" + text.length() + " chars), " + source + "]";
    }
}

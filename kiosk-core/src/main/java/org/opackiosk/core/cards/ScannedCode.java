package org.opackiosk.core.cards;

import java.util.Objects;

import org.opackiosk.core.device.ScanEvent;

/** What a scan turned out to be. */
public sealed interface ScannedCode permits ScannedCode.LibraryCard, ScannedCode.Isbn, ScannedCode.Other {

    ScanEvent scan();

    /** One of this library's cards, by its card-number profile. */
    record LibraryCard(CardNumber number, ScanEvent scan) implements ScannedCode {
        public LibraryCard {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(scan, "scan");
        }
    }

    /** A book's ISBN, as ISBN-13 without hyphens (a 10-digit ISBN is converted). */
    record Isbn(String isbn13, ScanEvent scan) implements ScannedCode {
        public Isbn {
            Objects.requireNonNull(isbn13, "isbn13");
            Objects.requireNonNull(scan, "scan");
        }
    }

    /** Anything else: another library's card, a shop's barcode, the second (price) barcode of a Japanese book. */
    record Other(CardCheck.Reason notACardBecause, ScanEvent scan) implements ScannedCode {
        public Other {
            Objects.requireNonNull(notACardBecause, "notACardBecause");
            Objects.requireNonNull(scan, "scan");
        }
    }
}

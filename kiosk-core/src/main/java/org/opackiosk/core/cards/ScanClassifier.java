package org.opackiosk.core.cards;

import java.util.Objects;
import java.util.Optional;

import org.opackiosk.core.catalogue.Isbn;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.Symbology;

/**
 * Decides what a scan is: a book's ISBN (EAN-13 978/979 with a valid check digit, or a valid
 * ISBN-10), one of this library's cards (by its {@link CardProfile}), or something else. An ISBN
 * wins over a card only when the scanner did not say the barcode was something other than EAN-13.
 * Stateless and thread-safe.
 */
public final class ScanClassifier {

    private final CardProfile profile;

    public ScanClassifier(CardProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public CardProfile profile() {
        return profile;
    }

    public ScannedCode classify(ScanEvent scan) {
        Symbology s = scan.symbology();
        if (s == Symbology.EAN13 || s == Symbology.UNKNOWN || s == Symbology.QR_CODE) {
            String isbn = isbn13(scan.text());
            if (isbn != null) {
                return new ScannedCode.Isbn(isbn, scan);
            }
        }
        return switch (profile.check(scan.text())) {
            case CardCheck.Accepted a -> new ScannedCode.LibraryCard(a.number(), scan);
            case CardCheck.Rejected r -> new ScannedCode.Other(r.reason(), scan);
        };
    }

    /** {@code text} as an ISBN-13 when it is a valid ISBN-13 or ISBN-10 (hyphens and full-width allowed), else null. */
    public static String isbn13(String text) {
        String n = CardNumberText.normalize(text);
        if (n.startsWith("ISBN")) {
            n = n.substring(4).replace(":", "");
        }
        // one ISBN rule for the whole kiosk: the catalogue's (search and scans agree on what an ISBN is)
        Optional<String> isbn = Isbn.compact(n).filter(Isbn::valid);
        if (isbn.isEmpty()) {
            return null;
        }
        if (isbn.get().length() == 13) {
            return Isbn.isBookland(isbn.get()) ? isbn.get() : null;
        }
        return Isbn.forms(isbn.get()).get(1);
    }
}

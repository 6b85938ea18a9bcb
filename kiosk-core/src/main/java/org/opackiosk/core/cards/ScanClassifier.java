package org.opackiosk.core.cards;

import java.util.Objects;

import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.Symbology;

/**
 * Decides what a scan is: a book's ISBN (EAN-13 978/979 with a valid check digit, or a valid
 * ISBN-10), one of this library's cards (by its {@link CardProfile}), or something else. An ISBN
 * wins over a card only when the scanner did not say the barcode was something other than EAN-13.
 * Stateless and thread-safe.
 */
public final class ScanClassifier {

    private static final CheckDigit ISBN10 = new CheckDigit.Modulus11(new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10}, 'X');

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
        if (n.length() == 13 && n.chars().allMatch(Character::isDigit) && (n.startsWith("978") || n.startsWith("979"))
                && CheckDigit.MOD10_WEIGHT3.isValid(n)) {
            return n;
        }
        if (n.length() == 10 && ISBN10.isValid(n)) {
            String data = "978" + n.substring(0, 9);
            return data + CheckDigit.MOD10_WEIGHT3.compute(data);
        }
        return null;
    }
}

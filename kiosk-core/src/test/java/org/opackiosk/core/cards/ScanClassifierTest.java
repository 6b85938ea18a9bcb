package org.opackiosk.core.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Symbology;

class ScanClassifierTest {

    private final ScanClassifier demo = new ScanClassifier(CardProfiles.EIGHT_DIGITS_LEADING_ZERO);

    private static ScanEvent scan(Symbology s, String text) {
        return new ScanEvent(s, text, ScanSource.SERIAL);
    }

    @Test
    void aDemoCardIsALibraryCard() {
        ScannedCode code = demo.classify(scan(Symbology.CODABAR, "A01000001A"));
        assertThat(code).isInstanceOf(ScannedCode.LibraryCard.class);
        assertThat(((ScannedCode.LibraryCard) code).number().value()).isEqualTo("01000001");
    }

    @Test
    void aBooksEan13IsAnIsbn() {
        assertThat(demo.classify(scan(Symbology.EAN13, "9784101010014"))).isEqualTo(
                new ScannedCode.Isbn("9784101010014", scan(Symbology.EAN13, "9784101010014")));
        // a wedge or serial scanner does not say the symbology
        assertThat(demo.classify(scan(Symbology.UNKNOWN, "9780306406157"))).isInstanceOf(ScannedCode.Isbn.class);
    }

    @Test
    void anIsbn10TypedOrInAQrCodeBecomesAnIsbn13() {
        ScannedCode code = demo.classify(scan(Symbology.QR_CODE, "ISBN 0-306-40615-2"));
        assertThat(code).isInstanceOf(ScannedCode.Isbn.class);
        assertThat(((ScannedCode.Isbn) code).isbn13()).isEqualTo("9780306406157");
    }

    @Test
    void theSecondBarcodeOfAJapaneseBookAndABadCheckDigitAreNeither() {
        // 192…: the book's price code (書籍JANコード 2段目)
        assertThat(demo.classify(scan(Symbology.EAN13, "1920193006005"))).isInstanceOf(ScannedCode.Other.class);
        assertThat(demo.classify(scan(Symbology.EAN13, "9784101010015"))).isInstanceOf(ScannedCode.Other.class);
    }

    @Test
    void anotherLibrarysCardIsOtherWithTheReason() {
        assertThat(demo.classify(scan(Symbology.CODABAR, "A123456789B")))
                .isEqualTo(new ScannedCode.Other(CardCheck.Reason.LENGTH, scan(Symbology.CODABAR, "A123456789B")));
    }

    @Test
    void aCodabarWithIsbnDigitsIsNotTakenForABook() {
        // a 13-digit card number that happens to look like an ISBN stays a card when the scanner says Codabar
        CardProfile thirteen = new CardProfile("t", java.util.Set.of(13), "", CardProfile.DIGITS, true, CheckDigit.NONE,
                java.util.Optional.empty());
        assertThat(new ScanClassifier(thirteen).classify(scan(Symbology.CODABAR, "9780306406157")))
                .isInstanceOf(ScannedCode.LibraryCard.class);
    }

    @Test
    void aScanEventMasksItsTextInLogs() {
        assertThat(scan(Symbology.CODABAR, "01000001").toString()).doesNotContain("01000001").contains("****0001");
    }
}

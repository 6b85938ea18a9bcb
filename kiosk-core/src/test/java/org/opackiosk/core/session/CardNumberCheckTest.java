package org.opackiosk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumberCheckTest {

    private final CardNumberCheck check = CardNumberCheck.EIGHT_DIGITS_LEADING_ZERO;

    @Test
    void fullWidthDigitsHyphensAndCodabarGuardsAreNormalisedAway() {
        assertThat(check.normalise("０１０００００１")).hasValue("01000001");
        assertThat(check.normalise("0100-0001")).hasValue("01000001");
        assertThat(check.normalise("A01000001B")).hasValue("01000001");
        assertThat(check.normalise(" 01000001 ")).hasValue("01000001");
    }

    @Test
    void aWrongLengthPrefixOrLetterIsRefused() {
        assertThat(check.normalise("0100001")).isEmpty();
        assertThat(check.normalise("11000001")).isEmpty();
        assertThat(check.normalise("0100000X")).isEmpty();
        assertThat(check.normalise("")).isEmpty();
        assertThat(check.normalise(null)).isEmpty();
    }

    @Test
    void aNumberIsShownAsTheLibraryPrintsItOnItsCards() {
        CardNumberCheck withCheckDigit = CardNumberCheck.forProfile("nine-digits-check-digit");

        assertThat(withCheckDigit.normalise("12345678-9")).hasValue("123456789");
        assertThat(withCheckDigit.display("123456789")).isEqualTo("12345678-9");
        assertThat(check.display("01000001")).as("a profile without a display pattern").isEqualTo("01000001");
    }
}

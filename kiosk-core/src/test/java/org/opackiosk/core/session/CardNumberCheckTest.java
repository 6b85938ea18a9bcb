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
}

package org.opackiosk.demo.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void onlyTheLastFourDigitsShow() {
        // when / then
        assertThat(CardNumbers.mask("01000001")).isEqualTo("****0001");
        assertThat(CardNumbers.mask("0001")).isEqualTo("****");
        assertThat(CardNumbers.mask(null)).isEqualTo("****");
    }
}

package org.opackiosk.core.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardProfileTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "０１０００００１|01000001",
            "0100-0001|01000001",
            "0100ー0001|01000001",
            "0100－0001|01000001",
            "0100\u22120001|01000001",
            "' 01000001 '|01000001",
            "a01000001b|A01000001B",
            "Ａ０１０００００１Ｂ|A01000001B",
    })
    void normalisesFullWidthDigitsHyphensAndSpaces(String raw, String normalized) {
        assertThat(CardNumberText.normalize(raw)).isEqualTo(normalized);
    }

    @Test
    void stripsOnlyAPairOfCodabarStartStopCharacters() {
        assertThat(CardNumberText.stripCodabarStartStop("A01000001B")).isEqualTo("01000001");
        assertThat(CardNumberText.stripCodabarStartStop("D12345678C")).isEqualTo("12345678");
        assertThat(CardNumberText.stripCodabarStartStop("A01000001")).isEqualTo("A01000001");
        assertThat(CardNumberText.stripCodabarStartStop("AB")).isEqualTo("AB");
    }

    @ParameterizedTest(name = "eight-digits-leading-zero: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "01000001|ACCEPTED",
            "０１０００００１|ACCEPTED",
            "A01000001A|ACCEPTED",
            "c01000014d|ACCEPTED",
            "11000001|PREFIX",
            "0100001|LENGTH",
            "010000011|LENGTH",
            "0100000X|CHARACTERS",
            "''|EMPTY",
            "' - '|EMPTY",
    })
    void theDemoLibrarysProfile(String raw, String outcome) {
        assertThat(outcome(CardProfiles.EIGHT_DIGITS_LEADING_ZERO.check(raw))).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "nine-digits-leading-000: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "000123456|ACCEPTED",
            "000-123-456|ACCEPTED",
            "001234567|PREFIX",
            "00012345|LENGTH",
    })
    void nineDigitsLeading000(String raw, String outcome) {
        assertThat(outcome(CardProfiles.NINE_DIGITS_LEADING_000.check(raw))).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "nine-digits-check-digit: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "12345678-9|ACCEPTED",
            "123456789|ACCEPTED",
            "１２３４５６７８－９|ACCEPTED",
            "A123456789B|ACCEPTED",
            "12345678-0|CHECK_DIGIT",
            "21345678-9|CHECK_DIGIT",
            "1234567-9|LENGTH",
    })
    void nineDigitsWithCheckDigit(String raw, String outcome) {
        assertThat(outcome(CardProfiles.NINE_DIGITS_CHECK_DIGIT.check(raw))).isEqualTo(outcome);
    }

    @Test
    void theCheckDigitProfileShowsTheNumberWithAHyphen() {
        CardCheck check = CardProfiles.NINE_DIGITS_CHECK_DIGIT.check("D123456789D");
        assertThat(check).isInstanceOf(CardCheck.Accepted.class);
        CardNumber number = ((CardCheck.Accepted) check).number();
        assertThat(number.value()).isEqualTo("123456789");
        assertThat(number.display()).isEqualTo("12345678-9");
    }

    @Test
    void aCardNumberNeverShowsWholeInItsToString() {
        CardNumber number = ((CardCheck.Accepted) CardProfiles.EIGHT_DIGITS_LEADING_ZERO.check("01000001")).number();
        assertThat(number.toString()).doesNotContain("01000001").contains("****0001");
        assertThat(number.masked()).isEqualTo("****0001");
    }

    @Test
    void aProfileMayAllowSeveralLengthsAndLetters() {
        CardProfile p = new CardProfile("custom", Set.of(8, 10), "L", CardProfile.ALPHANUMERIC, false, CheckDigit.NONE,
                Optional.of("####-####"));
        assertThat(p.check("l1234567")).isInstanceOf(CardCheck.Accepted.class);
        assertThat(p.check("L123456789")).isInstanceOf(CardCheck.Accepted.class);
        assertThat(p.check("L12345678")).isEqualTo(new CardCheck.Rejected(CardCheck.Reason.LENGTH));
        // Codabar stripping is off: the A stays and the prefix is wrong
        assertThat(p.check("A1234567")).isEqualTo(new CardCheck.Rejected(CardCheck.Reason.PREFIX));
        assertThat(p.format("L1234567")).isEqualTo("L123-4567");
        // a display pattern that does not fit the length shows the number as it is
        assertThat(p.format("L123456789")).isEqualTo("L123456789");
    }

    @Test
    void aPrefixOutsideTheAllowedCharactersIsAMistakeInTheProfile() {
        assertThatThrownBy(() -> new CardProfile("x", Set.of(8), "L", CardProfile.DIGITS, true, CheckDigit.NONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
    }

    @Test
    void theBuiltInProfilesAreListedByName() {
        assertThat(CardProfiles.names()).containsExactly("eight-digits-leading-zero", "nine-digits-leading-000", "nine-digits-check-digit");
        assertThat(CardProfiles.builtIn("nine-digits-check-digit")).contains(CardProfiles.NINE_DIGITS_CHECK_DIGIT);
        assertThat(CardProfiles.builtIn("ten-digits")).isEmpty();
    }

    private static String outcome(CardCheck check) {
        return switch (check) {
            case CardCheck.Accepted a -> "ACCEPTED";
            case CardCheck.Rejected r -> r.reason().name();
        };
    }
}

package org.opackiosk.core.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every algorithm against published numbers where there are any, and hand-worked ones otherwise. */
class CheckDigitTest {

    private static final CheckDigit ISBN10 = new CheckDigit.Modulus11(new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10}, 'X');
    private static final CheckDigit MOD11_W2_7 = new CheckDigit.Modulus11(new int[] {2, 3, 4, 5, 6, 7}, '0');
    private static final CheckDigit MOD10_W2_NO_DIGIT_SUM = new CheckDigit.Modulus10(new int[] {2, 1}, false);

    static Stream<Arguments> knownGood() {
        return Stream.of(
                // Luhn: the textbook example and a card-industry test number
                Arguments.of(CheckDigit.LUHN, "79927398713"),
                Arguments.of(CheckDigit.LUHN, "4111111111111111"),
                Arguments.of(CheckDigit.LUHN, "0000000000"),
                // modulus 10 weight 3: ISBN-13 978-0-306-40615-7 and the JAN example 4901234567894
                Arguments.of(CheckDigit.MOD10_WEIGHT3, "9780306406157"),
                Arguments.of(CheckDigit.MOD10_WEIGHT3, "4901234567894"),
                // modulus 10 weights 2-1 without summing the digits of products: 1234567 → 2·7+6+2·5+4+2·3+2+2·1 = 44 → 6
                Arguments.of(MOD10_W2_NO_DIGIT_SUM, "12345676"),
                // modulus 11 weights 2–9: the card printed 12345678-9 (136+… = 156, 156 mod 11 = 2, 11 − 2 = 9)
                Arguments.of(CheckDigit.MOD11, "123456789"),
                Arguments.of(CheckDigit.MOD11, "876543212"),
                // remainder 1 would give 10: written as 0 so the number stays digits
                Arguments.of(CheckDigit.MOD11, "100000070"),
                // remainder 0 gives 11: written as 0
                Arguments.of(CheckDigit.MOD11, "000000000"),
                // modulus 11 as ISBN-10 uses it: 0-306-40615-2 and 0-8044-2957-X
                Arguments.of(ISBN10, "0306406152"),
                Arguments.of(ISBN10, "080442957X"),
                // modulus 11 weights 2–7: 1234567 → 7·2+6·3+5·4+4·5+3·6+2·7+1·2 = 106, 106 mod 11 = 7, 11 − 7 = 4
                Arguments.of(MOD11_W2_7, "12345674"),
                // 7DR: 1234567 mod 7 = 5; 7DSR: 7 − 5 = 2
                Arguments.of(CheckDigit.SEVEN_DR, "12345675"),
                Arguments.of(CheckDigit.SEVEN_DSR, "12345672"),
                // a multiple of 7: 7DR 0, 7DSR 7
                Arguments.of(CheckDigit.SEVEN_DR, "00000070"),
                Arguments.of(CheckDigit.SEVEN_DSR, "00000077"));
    }

    static Stream<Arguments> knownBad() {
        return Stream.of(
                Arguments.of(CheckDigit.LUHN, "79927398710"),
                Arguments.of(CheckDigit.LUHN, "4111111111111112"),
                // two adjacent digits swapped: Luhn catches it
                Arguments.of(CheckDigit.LUHN, "79927398731"),
                Arguments.of(CheckDigit.MOD10_WEIGHT3, "9780306406158"),
                Arguments.of(CheckDigit.MOD10_WEIGHT3, "4901234567895"),
                Arguments.of(MOD10_W2_NO_DIGIT_SUM, "12345677"),
                Arguments.of(CheckDigit.MOD11, "123456780"),
                Arguments.of(CheckDigit.MOD11, "213456789"),
                Arguments.of(CheckDigit.MOD11, "10000007X"),
                Arguments.of(ISBN10, "0306406153"),
                Arguments.of(ISBN10, "0804429570"),
                Arguments.of(MOD11_W2_7, "12345675"),
                Arguments.of(CheckDigit.SEVEN_DR, "12345672"),
                Arguments.of(CheckDigit.SEVEN_DR, "12345677"),
                Arguments.of(CheckDigit.SEVEN_DSR, "12345675"),
                Arguments.of(CheckDigit.SEVEN_DSR, "00000070"),
                // not a number at all
                Arguments.of(CheckDigit.MOD11, "12345678A"),
                Arguments.of(CheckDigit.LUHN, "7"));
    }

    @ParameterizedTest(name = "{0}: {1} is valid")
    @MethodSource("knownGood")
    void acceptsKnownGoodNumbers(CheckDigit algorithm, String number) {
        assertThat(algorithm.isValid(number)).isTrue();
        String data = number.substring(0, number.length() - 1);
        assertThat(algorithm.compute(data)).isEqualTo(number.charAt(number.length() - 1));
    }

    @ParameterizedTest(name = "{0}: {1} is invalid")
    @MethodSource("knownBad")
    void rejectsKnownBadNumbers(CheckDigit algorithm, String number) {
        assertThat(algorithm.isValid(number)).isFalse();
    }

    @Test
    void noneAcceptsEverything() {
        assertThat(CheckDigit.NONE.isValid("01000001")).isTrue();
        assertThat(CheckDigit.NONE.isValid("x")).isTrue();
    }

    @Test
    void everyAlgorithmIsFoundByItsConfigurationName() {
        assertThat(CheckDigit.named("none", null)).isEqualTo(CheckDigit.NONE);
        assertThat(CheckDigit.named("luhn", null)).isEqualTo(CheckDigit.LUHN);
        assertThat(CheckDigit.named("mod10", null)).isEqualTo(CheckDigit.MOD10_WEIGHT3);
        assertThat(CheckDigit.named("mod10", new int[] {2, 1})).isEqualTo(new CheckDigit.Modulus10(new int[] {2, 1}, false));
        assertThat(CheckDigit.named("MOD11", null)).isEqualTo(CheckDigit.MOD11);
        assertThat(CheckDigit.named("mod11", new int[] {2, 3, 4, 5, 6, 7})).isEqualTo(MOD11_W2_7);
        assertThat(CheckDigit.named("7dr", null)).isEqualTo(CheckDigit.SEVEN_DR);
        assertThat(CheckDigit.named("7dsr", null)).isEqualTo(CheckDigit.SEVEN_DSR);
        assertThat(CheckDigit.NAMES).containsExactlyInAnyOrder("none", "mod10", "mod11", "7dr", "7dsr", "luhn");
        assertThatThrownBy(() -> CheckDigit.named("mod97", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckDigit.named("luhn", new int[] {3})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesSayTheWeights() {
        assertThat(CheckDigit.MOD11.name()).isEqualTo("mod11-w23456789");
        assertThat(ISBN10.name()).isEqualTo("mod11-w23456789(10)-x");
        assertThat(CheckDigit.MOD10_WEIGHT3.name()).isEqualTo("mod10-w31");
        assertThat(CheckDigit.LUHN.name()).isEqualTo("luhn");
    }
}

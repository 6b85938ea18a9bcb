package org.opackiosk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.cards.CardCheck;
import org.opackiosk.core.cards.CardProfiles;
import org.opackiosk.core.cards.CheckDigit;

/** {@code [cards]}: a built-in profile by name, with the library's own differences. */
class CardConfigTest {

    @TempDir
    Path dir;

    private ConfigResult load(String toml) throws IOException {
        Path file = dir.resolve("kiosk.toml");
        Files.writeString(file, toml);
        return new ConfigLoader().load(file, dir);
    }

    private List<String> problemsOf(String toml) throws IOException {
        ConfigResult result = load(toml);
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        return ((ConfigResult.Invalid) result).messages();
    }

    private CardSettings cardsOf(String toml) throws IOException {
        ConfigResult result = load(toml);
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config().cards();
    }

    @Test
    void withoutACardsSectionTheDemoLibrarysProfileApplies() throws IOException {
        CardSettings cards = cardsOf("");
        assertThat(cards.profile()).isEqualTo("eight-digits-leading-zero");
        assertThat(cards.definition()).isEqualTo(CardProfiles.EIGHT_DIGITS_LEADING_ZERO);
    }

    @Test
    void aBuiltInProfileIsChosenByName() throws IOException {
        CardSettings cards = cardsOf("[cards]\nprofile = \"nine-digits-check-digit\"\n");
        assertThat(cards.definition()).isEqualTo(CardProfiles.NINE_DIGITS_CHECK_DIGIT);
    }

    @Test
    void anUnknownProfileIsRefusedWithTheListOfBuiltInOnes() throws IOException {
        assertThat(problemsOf("[cards]\nprofile = \"ten-digits\"\n")).singleElement().asString()
                .endsWith("cards.profile: expected one of the built-in profiles [eight-digits-leading-zero, "
                        + "nine-digits-leading-000, nine-digits-check-digit], found \"ten-digits\"");
    }

    @Test
    void aLibraryOverridesLengthPrefixCheckDigitAndDisplay() throws IOException {
        CardSettings cards = cardsOf("""
                [cards]
                profile = "nine-digits-check-digit"
                lengths = [10]
                prefix = "2"
                check_digit = "mod11"
                check_weights = [2, 3, 4, 5, 6, 7]
                display = "#########-#"
                """);
        assertThat(cards.profile()).isEqualTo("nine-digits-check-digit");
        assertThat(cards.definition().checkDigit()).isEqualTo(CheckDigit.named("mod11", new int[] {2, 3, 4, 5, 6, 7}));
        // nine data digits starting with 2, then their modulus-11 (weights 2–7) check digit
        String data = "212345674";
        String number = data + cards.definition().checkDigit().compute(data);
        CardCheck check = cards.definition().check(number);
        assertThat(check).isInstanceOf(CardCheck.Accepted.class);
        assertThat(((CardCheck.Accepted) check).number().display()).isEqualTo(data + "-" + number.charAt(9));
    }

    @Test
    void anEmptyPrefixOrDisplayRemovesTheBuiltInOne() throws IOException {
        CardSettings cards = cardsOf("[cards]\nprofile = \"nine-digits-leading-000\"\nprefix = \"\"\ncheck_digit = \"luhn\"\n");
        assertThat(cards.definition().prefix()).isEmpty();
        assertThat(cards.definition().checkDigit()).isEqualTo(CheckDigit.LUHN);
        assertThat(cards.definition().check("123456782")).isInstanceOf(CardCheck.Accepted.class);
    }

    @Test
    void badCardKeysAreNamed() throws IOException {
        assertThat(problemsOf("""
                [cards]
                lengths = [0, "8"]
                characters = "kana"
                check_digit = "mod97"
                codabar_start_stop = "yes"
                """)).anySatisfy(m -> assertThat(m).contains("cards.lengths: expected whole numbers from 1 to 64, found 0"))
                .anySatisfy(m -> assertThat(m).contains("cards.characters: expected \"digits\" or \"alphanumeric\", found \"kana\""))
                .anySatisfy(m -> assertThat(m).contains("cards.check_digit: expected one of [none, mod10, mod11, 7dr, 7dsr, luhn]"))
                .anySatisfy(m -> assertThat(m).contains("cards.codabar_start_stop: expected true or false, found \"yes\""));
        assertThat(problemsOf("[cards]\ncheck_digit = \"7dr\"\ncheck_weights = [3, 1]\n")).singleElement().asString()
                .contains("cards.check_digit: expected one of [none, mod10, mod11, 7dr, 7dsr, luhn] (check_weights only with mod10 or mod11)");
        assertThat(problemsOf("[cards]\ncharacters = \"digits\"\nprefix = \"L\"\n")).singleElement().asString()
                .contains("cards: expected a consistent card profile");
    }
}

package org.opackiosk.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.account.PasswordCheck.Problem;
import org.opackiosk.core.patron.PasswordPolicy;

class PasswordCheckTest {

    private static final Optional<LocalDate> BORN = Optional.of(LocalDate.of(1985, 4, 10));

    private static Optional<Problem> check(String p) {
        return PasswordCheck.check(p, PasswordPolicy.DEFAULT, "01000010", BORN);
    }

    @Test
    void theDateOfBirthInAnyCommonFormIsRefused() {
        assertThat(check("19850410")).hasValue(Problem.BIRTHDAY);
        assertThat(check("850410")).hasValue(Problem.BIRTHDAY);
        assertThat(check("0410")).hasValue(Problem.BIRTHDAY);
    }

    @Test
    void theCardNumberARepeatedCharacterAndCommonPasswordsAreRefused() {
        assertThat(check("01000010")).hasValue(Problem.CARD_NUMBER);
        assertThat(check("aaaaaa")).hasValue(Problem.REPEATED);
        assertThat(check("password")).hasValue(Problem.COMMON);
        assertThat(check("Qwerty")).hasValue(Problem.COMMON);
    }

    @Test
    void aPolicyThatNeedsBothLettersAndDigitsAndBothCasesIsCheckedWithItsSentence() {
        PasswordPolicy strong = new PasswordPolicy(4, 10, true, true, true);
        PasswordPolicy mixOnly = new PasswordPolicy(4, 10, true, true, false);

        assertThat(PasswordCheck.check("midorinoki", mixOnly, "01000010", BORN)).hasValue(Problem.NEEDS_LETTER_AND_DIGIT);
        assertThat(PasswordCheck.check("73918264", mixOnly, "01000010", BORN)).hasValue(Problem.NEEDS_LETTER_AND_DIGIT);
        assertThat(PasswordCheck.check("midori88", mixOnly, "01000010", BORN)).isEmpty();
        assertThat(PasswordCheck.check("midori88", strong, "01000010", BORN)).hasValue(Problem.NEEDS_BOTH_CASES);
        assertThat(PasswordCheck.check("MIDORI88", strong, "01000010", BORN)).hasValue(Problem.NEEDS_BOTH_CASES);
        assertThat(PasswordCheck.check("Midori88", strong, "01000010", BORN)).isEmpty();
        // the default policy asks for neither
        assertThat(check("midorinoki")).isEmpty();
    }

    @Test
    void thePolicyIsCheckedAndNothingIsTruncated() {
        assertThat(check("ab1")).hasValue(Problem.TOO_SHORT);
        assertThat(check("abcdefgh123")).hasValue(Problem.TOO_LONG);
        assertThat(check("ab c1")).hasValue(Problem.CHARACTERS);
        assertThat(check("midori88")).isEmpty();
    }
}

package org.opackiosk.app.account;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.opackiosk.core.patron.PasswordPolicy;

/**
 * What the kiosk refuses as a new password, beyond the library's policy: the date of birth in any
 * common form (19850410, 850410, 0410), the card number, one character repeated, and the most common
 * passwords. Never truncates: a password that is too long is refused, not cut. Pure and thread-safe.
 */
public final class PasswordCheck {

    /** Why a password is refused; each has a sentence in the message bundle ({@code password.rule.*}). */
    public enum Problem {
        TOO_SHORT, TOO_LONG, CHARACTERS, NEEDS_LETTER_AND_DIGIT, NEEDS_BOTH_CASES, BIRTHDAY, CARD_NUMBER, REPEATED, COMMON
    }

    // The most common passwords of Japanese and English lists that fit 4–10 letters and digits.
    private static final Set<String> COMMON = Set.of("1234", "12345", "123456", "1234567", "12345678", "123456789",
            "1234567890", "0000", "1111", "password", "passw0rd", "qwerty", "abc123", "abcd1234", "password1",
            "iloveyou", "admin", "letmein", "111111", "123123", "654321", "asdf", "asdfgh", "qwerty123", "pass1234",
            "library", "toshokan", "4321", "9876", "abcd", "aaaa1111");

    private PasswordCheck() {
    }

    /**
     * @param cardNumber  the patron's card number (refused as a password)
     * @param dateOfBirth the patron's date of birth when the kiosk knows it
     */
    public static Optional<Problem> check(String password, PasswordPolicy policy, String cardNumber,
                                          Optional<LocalDate> dateOfBirth) {
        Objects.requireNonNull(password, "password");
        if (password.length() < policy.minLength()) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.length() > policy.maxLength()) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (!policy.accepts(password)) {
            return Optional.of(Problem.CHARACTERS);
        }
        if (!policy.hasLetterAndDigit(password)) {
            return Optional.of(Problem.NEEDS_LETTER_AND_DIGIT);
        }
        if (!policy.hasBothCases(password)) {
            return Optional.of(Problem.NEEDS_BOTH_CASES);
        }
        if (password.equals(cardNumber)) {
            return Optional.of(Problem.CARD_NUMBER);
        }
        if (dateOfBirth.isPresent() && birthdayForms(dateOfBirth.get()).contains(password)) {
            return Optional.of(Problem.BIRTHDAY);
        }
        if (password.chars().distinct().count() == 1) {
            return Optional.of(Problem.REPEATED);
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.COMMON);
        }
        return Optional.empty();
    }

    static Set<String> birthdayForms(LocalDate d) {
        return new java.util.HashSet<>(java.util.List.of(d.format(DateTimeFormatter.BASIC_ISO_DATE), d.format(DateTimeFormatter.ofPattern("yyMMdd")),
                d.format(DateTimeFormatter.ofPattern("MMdd")), d.format(DateTimeFormatter.ofPattern("ddMMyyyy")),
                d.format(DateTimeFormatter.ofPattern("MMddyyyy"))));
    }
}

package org.opackiosk.core.patron;

import java.util.regex.Pattern;

/**
 * The library's rule for patron passwords, published by the server so the kiosk can explain it
 * before the patron types (default of the seed libraries: 4–10 half-width letters and digits).
 *
 * @param lettersAndDigitsOnly only half-width letters A–Z, a–z and digits 0–9
 * @param needsLetterAndDigit  at least one letter and at least one digit
 * @param needsBothCases       at least one upper-case and one lower-case letter (Koha's {@code RequireStrongPassword}
 *                             asks for this and a digit: both flags)
 */
public record PasswordPolicy(int minLength, int maxLength, boolean lettersAndDigitsOnly, boolean needsLetterAndDigit,
                             boolean needsBothCases) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(4, 10, true);

    private static final Pattern ALNUM = Pattern.compile("[A-Za-z0-9]*");

    public PasswordPolicy {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("1 <= minLength <= maxLength");
        }
    }

    /** A policy of length and characters only, with no mix of characters required. */
    public PasswordPolicy(int minLength, int maxLength, boolean lettersAndDigitsOnly) {
        this(minLength, maxLength, lettersAndDigitsOnly, false, false);
    }

    /** Length and the allowed characters. */
    public boolean accepts(String password) {
        return password.length() >= minLength && password.length() <= maxLength
                && (!lettersAndDigitsOnly || ALNUM.matcher(password).matches());
    }

    /** The mix of letters and digits the policy asks for is there. */
    public boolean hasLetterAndDigit(String password) {
        return !needsLetterAndDigit
                || (password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit));
    }

    /** The mix of upper- and lower-case letters the policy asks for is there. */
    public boolean hasBothCases(String password) {
        return !needsBothCases
                || (password.chars().anyMatch(Character::isUpperCase) && password.chars().anyMatch(Character::isLowerCase));
    }
}

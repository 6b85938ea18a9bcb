package org.opackiosk.core.patron;

import java.util.regex.Pattern;

/**
 * The library's rule for patron passwords, published by the server so the kiosk can explain it
 * before the patron types (default of the seed libraries: 4–10 half-width letters and digits).
 */
public record PasswordPolicy(int minLength, int maxLength, boolean lettersAndDigitsOnly) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(4, 10, true);

    private static final Pattern ALNUM = Pattern.compile("[A-Za-z0-9]*");

    public PasswordPolicy {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("1 <= minLength <= maxLength");
        }
    }

    public boolean accepts(String password) {
        return password.length() >= minLength && password.length() <= maxLength
                && (!lettersAndDigitsOnly || ALNUM.matcher(password).matches());
    }
}

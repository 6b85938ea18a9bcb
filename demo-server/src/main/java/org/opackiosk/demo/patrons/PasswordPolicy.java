package org.opackiosk.demo.patrons;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opackiosk.demo.circulation.CirculationRules;
import org.opackiosk.demo.http.ApiProblem;

/**
 * The library's password policy (from the {@link CirculationRules}): by default 4–10 half-width letters
 * and digits. Violations carry Koha's error codes ({@code password_has_whitespace},
 * {@code password_too_short}, {@code password_too_long}, {@code password_too_weak}) and the demo's own
 * {@code password_invalid_characters} for the letters-and-digits rule.
 */
public final class PasswordPolicy {

    private final CirculationRules rules;

    public PasswordPolicy(CirculationRules rules) {
        this.rules = rules;
    }

    /** The first rule {@code password} breaks, as {@code [error_code, message]}. */
    public Optional<String[]> violation(String password) {
        int length = password.codePointCount(0, password.length());
        if (password.codePoints().anyMatch(Character::isWhitespace)) {
            return Optional.of(new String[] {"password_has_whitespace", "Password contains"
                    + " whitespace"});
        }
        if (length < rules.passwordMinLength()) {
            return Optional.of(new String[] {"password_too_short", "Password length (" + length
                    + ") is shorter than required (" + rules.passwordMinLength() + ")"});
        }
        if (length > rules.passwordMaxLength()) {
            return Optional.of(new String[] {"password_too_long", "Password length (" + length
                    + ") is longer than allowed (" + rules.passwordMaxLength() + ")"});
        }
        if (rules.passwordLettersAndDigitsOnly() && !password.chars().allMatch(c -> c < 128
                && Character.isLetterOrDigit(c))) {
            return Optional.of(new String[] {"password_invalid_characters",
                    "Password must consist of half-width letters and digits only"});
        }
        if (rules.passwordRequireStrong() && !(password.chars().anyMatch(Character::isUpperCase)
                && password.chars().anyMatch(Character::isLowerCase) && password.chars().anyMatch(Character::isDigit))) {
            return Optional.of(new String[] {"password_too_weak", "Password is too weak"});
        }
        return Optional.empty();
    }

    /** Throws Koha's 400 {@code {"error", "error_code"}} when {@code password} breaks the policy. */
    public void check(String password) {
        violation(password).ifPresent(v -> {
            throw ApiProblem.error(400, v[1], v[0]);
        });
    }

    /** {@code GET /contrib/opackiosk/password_policy}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("min_length", rules.passwordMinLength());
        json.put("max_length", rules.passwordMaxLength());
        json.put("letters_and_digits_only", rules.passwordLettersAndDigitsOnly());
        // Koha's RequireStrongPassword: an upper-case letter, a lower-case letter and a digit
        json.put("require_letters_and_digits", rules.passwordRequireStrong());
        json.put("require_upper_and_lower_case", rules.passwordRequireStrong());
        return json;
    }
}

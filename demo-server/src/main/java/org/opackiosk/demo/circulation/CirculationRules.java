package org.opackiosk.demo.circulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The circulation rules of the demo library (みどり市立図書館), the way Japanese public libraries commonly
 * set them. Defaults below; {@code DIR/rules.toml} overrides any of them by its snake_case name
 * ({@code max_book_holds = 5}); an unknown key or a wrong type stops the server with a message.
 *
 * @param maxBookHolds             current holds on everything but audio-visual material
 * @param maxAudioVisualHolds      current holds on DVDs and CDs (on top of the book holds)
 * @param holdsOnlyWhenNoneOnShelf holds only on records none of whose loanable copies is on the shelf
 * @param maxRenewals              renewals per loan
 * @param renewalDays              a renewal makes the loan due this many days after the day of renewal
 * @param pickupDays               a hold ready for pickup is kept this many days after the day it got ready
 * @param oldHoldsDays             cancelled and filled holds are listed ({@code old=true}) this many days
 * @param passwordMinLength        password policy: shortest password
 * @param passwordMaxLength        password policy: longest password
 * @param passwordLettersAndDigitsOnly password policy: only half-width ASCII letters and digits
 * @param passwordRequireStrong    password policy: at least one upper-case letter, one lower-case letter
 *                                 and one digit (Koha's RequireStrongPassword; off by default)
 * @param identityCheckMaxFailures failed identity checks per card within an hour before 429
 * @param secondaryEmail           the patron object has Koha's {@code secondary_email} (on by default); off, the
 *                                 demo plays a server that keeps one address: the field is neither shown nor taken
 */
public record CirculationRules(int maxBookHolds, int maxAudioVisualHolds, boolean holdsOnlyWhenNoneOnShelf,
                               int maxRenewals, int renewalDays, int pickupDays, int oldHoldsDays,
                               int passwordMinLength, int passwordMaxLength, boolean passwordLettersAndDigitsOnly,
                               boolean passwordRequireStrong, int identityCheckMaxFailures, boolean secondaryEmail) {

    public static final String FILE_NAME = "rules.toml";

    public CirculationRules {
        if (maxBookHolds < 0 || maxAudioVisualHolds < 0 || maxRenewals < 0 || renewalDays < 1 || pickupDays < 1
                || oldHoldsDays < 0 || identityCheckMaxFailures < 1) {
            throw new IllegalArgumentException("circulation rules: limits must not be negative and periods at"
                    + " least one day");
        }
        if (passwordMinLength < 1 || passwordMaxLength < passwordMinLength) {
            throw new IllegalArgumentException("circulation rules: password_min_length must be at least 1 and"
                    + " not above password_max_length");
        }
    }

    /** Rules with the patron's second e-mail address kept, as Koha does. */
    public CirculationRules(int maxBookHolds, int maxAudioVisualHolds, boolean holdsOnlyWhenNoneOnShelf,
                            int maxRenewals, int renewalDays, int pickupDays, int oldHoldsDays,
                            int passwordMinLength, int passwordMaxLength, boolean passwordLettersAndDigitsOnly,
                            boolean passwordRequireStrong, int identityCheckMaxFailures) {
        this(maxBookHolds, maxAudioVisualHolds, holdsOnlyWhenNoneOnShelf, maxRenewals, renewalDays, pickupDays,
                oldHoldsDays, passwordMinLength, passwordMaxLength, passwordLettersAndDigitsOnly, passwordRequireStrong,
                identityCheckMaxFailures, true);
    }

    public static CirculationRules defaults() {
        return new CirculationRules(10, 1, true, 1, 14, 7, 30, 4, 10, true, false, 5, true);
    }

    public CirculationRules withHoldsOnlyWhenNoneOnShelf(boolean value) {
        return new CirculationRules(maxBookHolds, maxAudioVisualHolds, value, maxRenewals, renewalDays, pickupDays,
                oldHoldsDays, passwordMinLength, passwordMaxLength, passwordLettersAndDigitsOnly,
                passwordRequireStrong, identityCheckMaxFailures, secondaryEmail);
    }

    public CirculationRules withSecondaryEmail(boolean value) {
        return new CirculationRules(maxBookHolds, maxAudioVisualHolds, holdsOnlyWhenNoneOnShelf, maxRenewals, renewalDays,
                pickupDays, oldHoldsDays, passwordMinLength, passwordMaxLength, passwordLettersAndDigitsOnly,
                passwordRequireStrong, identityCheckMaxFailures, value);
    }

    /** {@code DIR/rules.toml} over the defaults, or the defaults when there is no such file. */
    public static CirculationRules load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        JsonNode overrides;
        try {
            overrides = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(FILE_NAME + ": not valid TOML: " + e.getMessage(), e);
        }
        return merge(overrides);
    }

    /** The defaults with every key of {@code overrides} (snake_case names) replaced. */
    static CirculationRules merge(JsonNode overrides) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
        ObjectNode merged = mapper.valueToTree(defaults());
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode current = merged.get(entry.getKey());
            if (current == null) {
                problems.add(entry.getKey() + ": unknown rule");
            } else if (current.isBoolean() != entry.getValue().isBoolean()
                    || current.isIntegralNumber() != entry.getValue().isIntegralNumber()) {
                problems.add(entry.getKey() + ": expected " + (current.isBoolean() ? "true or false" : "a whole number")
                        + ", found " + entry.getValue());
            } else {
                merged.set(entry.getKey(), entry.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(FILE_NAME + ": " + String.join("; ", problems));
        }
        try {
            return mapper.treeToValue(merged, CirculationRules.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(FILE_NAME + ": " + e.getMessage(), e);
        }
    }
}

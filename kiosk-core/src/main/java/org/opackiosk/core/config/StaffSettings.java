package org.opackiosk.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How staff get into maintenance mode (issue 8, ADR 0070). Each way in is switched on here: a staff card
 * (listed numbers and/or a pattern, or a card whose patron the server puts in a staff category; then the PIN), the key switch in the cabinet (no PIN: the key is the
 * proof), a five-second press on the library's name (then the PIN). Without {@code pinHash} no way that
 * needs the PIN can open maintenance mode.
 *
 * @param pinHash     the PIN's salted slow hash ({@code kioskctl set-staff-pin}); empty: no PIN set
 * @param cards       staff card numbers, as the card profile normalises them
 * @param cardPattern a pattern the whole staff card number matches; empty: none
 * @param keySwitch   whether the key switch opens maintenance mode
 * @param namePress   whether a five-second press on the library's name asks for the PIN
 * @param idleTimeout how long maintenance mode stays open untouched
 * @param categories  the server's patron category codes of staff (Koha's {@code category_id}); empty: off
 */
public record StaffSettings(Optional<String> pinHash, Set<String> cards, Optional<Pattern> cardPattern, boolean keySwitch,
                            boolean namePress, Duration idleTimeout, Set<String> categories) {

    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(2);

    /** No PIN, no staff cards; the key switch and the name press are on (the name press then says that no PIN is set). */
    public static final StaffSettings DEFAULTS =
            new StaffSettings(Optional.empty(), Set.of(), Optional.empty(), true, true, DEFAULT_IDLE, Set.of());

    public StaffSettings {
        Objects.requireNonNull(pinHash, "pinHash");
        cards = Set.copyOf(cards);
        Objects.requireNonNull(cardPattern, "cardPattern");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        categories = Set.copyOf(categories);
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
    }

    /** Without staff categories (off). */
    public StaffSettings(Optional<String> pinHash, Set<String> cards, Optional<Pattern> cardPattern, boolean keySwitch,
                         boolean namePress, Duration idleTimeout) {
        this(pinHash, cards, cardPattern, keySwitch, namePress, idleTimeout, Set.of());
    }

    /** Whether a card can be a staff card at all. */
    public boolean staffCards() {
        return !cards.isEmpty() || cardPattern.isPresent();
    }

    /** Whether {@code cardNumber} (normalised by the card profile) is a staff card. */
    public boolean isStaffCard(String cardNumber) {
        return cards.contains(cardNumber) || cardPattern.map(p -> p.matcher(cardNumber).matches()).orElse(false);
    }

    /** The same settings with {@code hash} as the PIN (tests, and kioskctl). */
    public StaffSettings withPinHash(String hash) {
        return new StaffSettings(Optional.of(hash), cards, cardPattern, keySwitch, namePress, idleTimeout, categories);
    }

    /** Whether a card's patron category, asked of the server, can make it a staff card ({@code categories} set). */
    public boolean staffCategories() {
        return !categories.isEmpty();
    }

    /** Whether {@code categoryCode}, as the server reported it, is a staff category. */
    public boolean isStaffCategory(String categoryCode) {
        return categories.contains(categoryCode);
    }

    /** The same settings with {@code codes} as the staff categories. */
    public StaffSettings withCategories(Set<String> codes) {
        return new StaffSettings(pinHash, cards, cardPattern, keySwitch, namePress, idleTimeout, codes);
    }
}

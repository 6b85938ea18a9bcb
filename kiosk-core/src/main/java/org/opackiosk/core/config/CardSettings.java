package org.opackiosk.core.config;

import java.util.Objects;

import org.opackiosk.core.cards.CardProfile;
import org.opackiosk.core.cards.CardProfiles;

/**
 * The library's card numbers.
 *
 * @param profile    the name of the built-in card-number profile the configuration chose; the built-in
 *                   profiles are documented in {@code docs/configuration.md}
 * @param definition that profile, with whatever the configuration overrides (length, prefix, check digit …)
 */
public record CardSettings(String profile, CardProfile definition) {

    /** The demo library's cards: 8 digits starting with 0. */
    public static final CardSettings DEFAULTS = new CardSettings(CardProfiles.EIGHT_DIGITS_LEADING_ZERO.name());

    public CardSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(definition, "definition");
    }

    /**
     * A built-in profile as it is.
     *
     * @throws IllegalArgumentException when there is no built-in profile of that name
     */
    public CardSettings(String profile) {
        this(profile, CardProfiles.builtIn(profile).orElseThrow(
                () -> new IllegalArgumentException("no built-in card profile " + profile + "; one of " + CardProfiles.names())));
    }
}

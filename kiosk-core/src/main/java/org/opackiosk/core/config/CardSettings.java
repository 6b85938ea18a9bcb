package org.opackiosk.core.config;

import java.util.Objects;

/**
 * The library's card numbers.
 *
 * @param profile the name of a card-number profile (length, prefix, check digit, display format);
 *                the built-in profiles are documented in {@code docs/configuration.md}
 */
public record CardSettings(String profile) {

    /** The demo library's cards: 8 digits starting with 0. */
    public static final CardSettings DEFAULTS = new CardSettings("eight-digits-leading-zero");

    public CardSettings {
        Objects.requireNonNull(profile, "profile");
    }
}

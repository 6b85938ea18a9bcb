package org.opackiosk.core.cards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The card-number profiles that come with the product, matching the cards of the libraries the
 * kiosk was first built for. A configuration names one ({@code cards.profile}) and may override
 * parts of it. See {@code docs/decisions/0020-card-number-profiles.md}.
 */
public final class CardProfiles {

    /** 8 digits starting with 0, no check digit: the demo library 「みどり市立図書館」 ({@code 01000001}). */
    public static final CardProfile EIGHT_DIGITS_LEADING_ZERO = new CardProfile("eight-digits-leading-zero",
            Set.of(8), "0", CardProfile.DIGITS, true, CheckDigit.NONE, Optional.empty());

    /** 9 digits starting with 000, no check digit ({@code 000123456}). */
    public static final CardProfile NINE_DIGITS_LEADING_000 = new CardProfile("nine-digits-leading-000",
            Set.of(9), "000", CardProfile.DIGITS, true, CheckDigit.NONE, Optional.empty());

    /**
     * 9 digits whose last is a modulus-11 check digit (weights 2–9), printed after a hyphen:
     * {@code 12345678-9}. Scanned or typed with or without the hyphen.
     */
    public static final CardProfile NINE_DIGITS_CHECK_DIGIT = new CardProfile("nine-digits-check-digit",
            Set.of(9), "", CardProfile.DIGITS, true, CheckDigit.MOD11, Optional.of("########-#"));

    private static final Map<String, CardProfile> BUILT_IN = new LinkedHashMap<>();

    static {
        for (CardProfile p : List.of(EIGHT_DIGITS_LEADING_ZERO, NINE_DIGITS_LEADING_000, NINE_DIGITS_CHECK_DIGIT)) {
            BUILT_IN.put(p.name(), p);
        }
    }

    private CardProfiles() {
    }

    /** The names of the built-in profiles, in documentation order. */
    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    public static Optional<CardProfile> builtIn(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }
}

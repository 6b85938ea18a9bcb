package org.opackiosk.core.session;

import java.util.Objects;
import java.util.Optional;

import org.opackiosk.core.cards.CardCheck;
import org.opackiosk.core.cards.CardProfile;
import org.opackiosk.core.cards.CardProfiles;

/**
 * The login's view of the library's card-number profile ({@code org.opackiosk.core.cards}): what a
 * patron typed or a scanner read becomes the number the server knows (full-width digits, hyphens and
 * Codabar start/stop characters A–D normalised away), or nothing when it cannot be one of this
 * library's cards — checked before anything is sent. Stateless and thread-safe.
 */
public final class CardNumberCheck {

    /** The demo library's cards ({@code eight-digits-leading-zero}): 8 digits starting with 0. */
    public static final CardNumberCheck EIGHT_DIGITS_LEADING_ZERO = new CardNumberCheck(CardProfiles.EIGHT_DIGITS_LEADING_ZERO);

    private final CardProfile profile;

    public CardNumberCheck(CardProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** The check for a configured profile name ({@code cards.profile}); the configuration loader has validated it. */
    public static CardNumberCheck forProfile(String profile) {
        return new CardNumberCheck(CardProfiles.builtIn(profile).orElse(CardProfiles.EIGHT_DIGITS_LEADING_ZERO));
    }

    /** The longest card number this check accepts. */
    public int maxLength() {
        return profile.lengths().last();
    }

    /** A normalised card number as the library prints it on its cards (the profile's display, e.g. {@code 12345678-9}). */
    public String display(String number) {
        return profile.format(number);
    }

    /** The card number as the server knows it, or empty when {@code raw} cannot be one. */
    public Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return profile.check(raw) instanceof CardCheck.Accepted a ? Optional.of(a.number().value()) : Optional.empty();
    }
}

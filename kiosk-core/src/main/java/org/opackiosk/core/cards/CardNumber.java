package org.opackiosk.core.cards;

import java.util.Objects;

import org.opackiosk.core.privacy.CardNumbers;

/**
 * A library card number a profile has accepted.
 *
 * @param value   the number as the circulation server knows it (normalised, check digit included)
 * @param display the number as printed on the card, e.g. {@code 12345678-9}
 */
public record CardNumber(String value, String display) {

    public CardNumber {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(display, "display");
    }

    /** The number masked ({@code ****5678}): a card number must never reach a log line whole. */
    public String masked() {
        return CardNumbers.mask(value);
    }

    @Override
    public String toString() {
        return "CardNumber[" + masked() + "]";
    }
}

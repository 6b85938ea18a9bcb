package org.opackiosk.core.offline;

import java.util.Objects;

import org.opackiosk.core.privacy.CardNumbers;

/** A card number and how it was entered. Its {@code toString} masks the number. */
public record CardInput(String cardNumber, CardEntry entry) {
    public CardInput {
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(entry, "entry");
    }

    public static CardInput scanned(String cardNumber) {
        return new CardInput(cardNumber, CardEntry.SCANNED);
    }

    public static CardInput typed(String cardNumber) {
        return new CardInput(cardNumber, CardEntry.TYPED);
    }

    @Override
    public String toString() {
        return "CardInput[" + CardNumbers.mask(cardNumber) + ", " + entry + "]";
    }
}

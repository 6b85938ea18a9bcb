package org.opackiosk.core.outbox;

import java.util.Objects;

import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.privacy.CardNumbers;

/**
 * Whose operation it is. Offline the kiosk knows only the card that was scanned, so the server's
 * patron id is looked up when the operation is replayed; online flows already know the id.
 */
public sealed interface PatronRef permits PatronRef.Card, PatronRef.Id {

    /** A physical card scanned while offline; the card number is the only personal data kept. */
    record Card(String cardNumber) implements PatronRef {
        public Card {
            Objects.requireNonNull(cardNumber, "cardNumber");
            if (cardNumber.isBlank()) {
                throw new IllegalArgumentException("a card number is never blank");
            }
        }

        @Override
        public String toString() {
            return "Card[" + CardNumbers.mask(cardNumber) + "]";
        }
    }

    /** The server's patron id, known after a login. */
    record Id(PatronId patronId) implements PatronRef {
        public Id {
            Objects.requireNonNull(patronId, "patronId");
        }
    }

    static PatronRef card(String cardNumber) {
        return new Card(cardNumber);
    }

    static PatronRef id(PatronId patronId) {
        return new Id(patronId);
    }
}

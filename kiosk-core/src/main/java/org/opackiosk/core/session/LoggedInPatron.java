package org.opackiosk.core.session;

import java.util.Objects;

import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.privacy.CardNumbers;

/**
 * Who is logged in at the kiosk: the server's id, the card number the patron used, and the
 * summary read right after login. Lives only as long as the {@link PatronSession}.
 */
public record LoggedInPatron(PatronId id, String cardNumber, PatronSummary summary) {
    public LoggedInPatron {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(summary, "summary");
    }

    /** The card number as a shared screen or a log line may show it: {@code ****4567}. */
    public String maskedCard() {
        return CardNumbers.mask(cardNumber);
    }

    @Override
    public String toString() {
        return "LoggedInPatron[" + maskedCard() + "]";
    }
}

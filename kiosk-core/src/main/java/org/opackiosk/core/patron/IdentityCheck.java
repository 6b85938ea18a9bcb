package org.opackiosk.core.patron;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a patron proves before registering a first password at the kiosk, as Japanese library web
 * services ask: card number, date of birth and telephone number. Never logged.
 */
public record IdentityCheck(String cardNumber, LocalDate dateOfBirth, String phone) {
    public IdentityCheck {
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(phone, "phone");
    }

    @Override
    public String toString() {
        return "IdentityCheck[***]";
    }
}

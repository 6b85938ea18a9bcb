package org.opackiosk.demo.catalogue;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A demo patron (a row of patrons.tsv). {@code password} is empty when the patron has not registered one yet.
 * {@code expiresInDays} counts from the day the demo server starts (negative = the card has expired).
 * {@code restrictionType} is Koha's restriction type of a restricted patron ({@code OVERDUES}, {@code SUSPENSION},
 * {@code MANUAL}, or a library's own code such as {@code DEBT}). Empty cells are empty strings.
 */
public record DemoPatron(String cardNumber, Optional<String> password, String surname, String firstname,
        String surnameReading, String firstnameReading, String email, String secondaryEmail, String phone,
        LocalDate dateOfBirth, String branchId, String category, int expiresInDays, boolean restricted,
        String restrictionReason, String restrictionType, String demonstratesJa, String demonstratesEn) {

    public DemoPatron {
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(firstname, "firstname");
        Objects.requireNonNull(surnameReading, "surnameReading");
        Objects.requireNonNull(firstnameReading, "firstnameReading");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(secondaryEmail, "secondaryEmail");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(restrictionReason, "restrictionReason");
        Objects.requireNonNull(restrictionType, "restrictionType");
        Objects.requireNonNull(demonstratesJa, "demonstratesJa");
        Objects.requireNonNull(demonstratesEn, "demonstratesEn");
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "DemoPatron[cardNumber=" + cardNumber + ", category=" + category + ", branchId=" + branchId
                + ", password=" + (password.isPresent() ? "(set)" : "(none)") + "]";
    }
}

package org.opackiosk.demo.patrons;

import java.time.Instant;
import java.time.LocalDate;
import org.opackiosk.demo.support.CardNumbers;

/**
 * A row of {@code patrons}. {@code passwordHash} is a {@link org.opackiosk.demo.db.Passwords} hash, or
 * {@code null} when the patron has not registered a password yet.
 *
 * @param patronId {@code null} before insertion
 */
public record Patron(Integer patronId, String cardnumber, String userid, String surname, String firstname,
                     String surnameReading, String firstnameReading, String email, String secondaryEmail,
                     String phone, String mobile, LocalDate dateOfBirth, String libraryId, String categoryId,
                     LocalDate dateEnrolled, LocalDate expiryDate, boolean restricted, String restrictionReason,
                     LocalDate restrictedUntil, String lang, int privacy, String passwordHash,
                     Instant passwordChangedAt, int loginAttempts, String demonstratesJa, String demonstratesEn,
                     Instant updatedAt) {

    /** Keeps the card number whole and the password hash out of logs. */
    @Override
    public String toString() {
        return "Patron[patronId=" + patronId + ", cardnumber=" + CardNumbers.mask(cardnumber)
                + ", categoryId=" + categoryId + ", libraryId=" + libraryId + "]";
    }
}

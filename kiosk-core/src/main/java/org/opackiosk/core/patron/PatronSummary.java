package org.opackiosk.core.patron;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the kiosk shows about the logged-in patron. Held only for the session and wiped at logout.
 *
 * @param restriction present when the patron is suspended (貸出禁止), with the category of the reason
 * @param notices     what the patron must be told after login, most important first
 * @param dateOfBirth when the server says: a new password may not be the birthday in any common form
 */
public record PatronSummary(PatronId id, String cardNumber, String displayName, Optional<String> email,
                            Optional<String> secondaryEmail, LocalDate expiryDate, Optional<SuspensionCategory> restriction,
                            int loanCount, int overdueCount, int holdCount, int readyHoldCount,
                            List<Notice> notices, Optional<LocalDate> dateOfBirth) {
    public PatronSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(secondaryEmail, "secondaryEmail");
        Objects.requireNonNull(expiryDate, "expiryDate");
        Objects.requireNonNull(restriction, "restriction");
        notices = List.copyOf(notices);
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    }

    /** A summary without the date of birth (a server that does not say it). */
    public PatronSummary(PatronId id, String cardNumber, String displayName, Optional<String> email,
                         Optional<String> secondaryEmail, LocalDate expiryDate, Optional<SuspensionCategory> restriction,
                         int loanCount, int overdueCount, int holdCount, int readyHoldCount, List<Notice> notices) {
        this(id, cardNumber, displayName, email, secondaryEmail, expiryDate, restriction, loanCount, overdueCount,
                holdCount, readyHoldCount, notices, Optional.empty());
    }

    @Override
    public String toString() {
        // a summary may end up in a log line by accident: never with the whole card number or name
        return "PatronSummary[id=" + id + ", loans=" + loanCount + ", overdue=" + overdueCount + ", holds=" + holdCount + "]";
    }
}

package org.opackiosk.core.loans;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.opackiosk.core.circulation.Refusal;

/**
 * One item the patron has borrowed.
 *
 * @param someoneWaiting another patron holds this record (the loan cannot be renewed)
 * @param renewal        whether 延長 is possible, and why not when it is not
 */
public record Loan(String checkoutId, String recordId, String itemId, String title, LocalDate checkoutDate,
                   LocalDate dueDate, boolean overdue, boolean someoneWaiting, int renewalsCount,
                   Renewal renewal) {
    public Loan {
        Objects.requireNonNull(checkoutId, "checkoutId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(renewal, "renewal");
    }

    /** Whether a loan can be renewed, as the server judged it when the list was read. */
    public sealed interface Renewal {
        /** {@code newDueDate}: the due date after renewing, when the server can tell it beforehand. */
        record Allowed(Optional<LocalDate> newDueDate) implements Renewal {
        }

        record NotAllowed(Refusal reason) implements Renewal {
        }
    }
}

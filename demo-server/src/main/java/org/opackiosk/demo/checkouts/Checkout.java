package org.opackiosk.demo.checkouts;

import java.time.Instant;

/**
 * A row of {@code checkouts}: a loan, current while {@code checkinDate} is {@code null}.
 *
 * @param checkoutId {@code null} before insertion
 */
public record Checkout(Integer checkoutId, int patronId, int itemId, String libraryId, Instant checkoutDate,
                       Instant dueDate, Instant lastRenewedDate, int renewalsCount, int unseenRenewals,
                       boolean autoRenew, boolean onsiteCheckout, String note, Instant checkinDate,
                       String checkinLibraryId, Instant updatedAt) {

    public boolean current() {
        return checkinDate == null;
    }
}

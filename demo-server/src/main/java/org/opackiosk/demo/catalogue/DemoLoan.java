package org.opackiosk.demo.catalogue;

import java.util.Objects;

/** A generated loan: {@code dueInDays} counts from "today" (negative = overdue). */
public record DemoLoan(String cardNumber, int itemNumber, int dueInDays, int checkedOutDaysAgo) {

    public DemoLoan {
        Objects.requireNonNull(cardNumber, "cardNumber");
    }
}

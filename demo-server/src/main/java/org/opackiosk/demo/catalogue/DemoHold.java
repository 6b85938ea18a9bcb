package org.opackiosk.demo.catalogue;

import java.util.Objects;

/** A generated hold on a record, to be picked up at {@code pickupBranchId}. */
public record DemoHold(String cardNumber, int recordNumber, String pickupBranchId, int placedDaysAgo) {

    public DemoHold {
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(pickupBranchId, "pickupBranchId");
    }
}

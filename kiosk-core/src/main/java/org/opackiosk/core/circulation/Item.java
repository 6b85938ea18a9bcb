package org.opackiosk.core.circulation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One physical copy of a record, with its availability as the server reported it.
 *
 * @param dueDate present when the item is on loan
 * @param state   set aside for a hold or in transit, when the server says so
 */
public record Item(String id, String barcode, String homeLibraryId, String holdingLibraryId,
                   String callNumber, String location, String itemTypeId, boolean notForLoan,
                   Optional<LocalDate> dueDate, ItemState state) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(state, "state");
    }

    /** A copy whose server reports no hold or transfer state. */
    public Item(String id, String barcode, String homeLibraryId, String holdingLibraryId, String callNumber,
                String location, String itemTypeId, boolean notForLoan, Optional<LocalDate> dueDate) {
        this(id, barcode, homeLibraryId, holdingLibraryId, callNumber, location, itemTypeId, notForLoan, dueDate,
                ItemState.ORDINARY);
    }

    public boolean onLoan() {
        return dueDate.isPresent();
    }

    /** A loanable copy on the shelf now: not on loan, not set aside for a hold, not travelling. */
    public boolean onShelf() {
        return !notForLoan && !onLoan() && state == ItemState.ORDINARY;
    }
}

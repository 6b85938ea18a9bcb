package org.opackiosk.core.circulation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One physical copy of a record, with its availability as the server reported it.
 *
 * @param dueDate present when the item is on loan
 */
public record Item(String id, String barcode, String homeLibraryId, String holdingLibraryId,
                   String callNumber, String location, String itemTypeId, boolean notForLoan,
                   Optional<LocalDate> dueDate) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueDate, "dueDate");
    }

    public boolean onLoan() {
        return dueDate.isPresent();
    }
}

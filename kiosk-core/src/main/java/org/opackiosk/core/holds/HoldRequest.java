package org.opackiosk.core.holds;

import java.util.List;
import java.util.Objects;

import org.opackiosk.core.patron.PatronId;

/**
 * A record-level hold to place. For an ordered series hold (順番予約), {@code recordIds} holds the
 * volumes in the order they are to be allocated; otherwise exactly one record.
 */
public record HoldRequest(PatronId patron, List<String> recordIds, String pickupLibraryId, ContactMethod contactMethod) {
    public HoldRequest {
        Objects.requireNonNull(patron, "patron");
        recordIds = List.copyOf(recordIds);
        Objects.requireNonNull(pickupLibraryId, "pickupLibraryId");
        Objects.requireNonNull(contactMethod, "contactMethod");
        if (recordIds.isEmpty()) {
            throw new IllegalArgumentException("a hold is for at least one record");
        }
    }

    public static HoldRequest single(PatronId patron, String recordId, String pickupLibraryId, ContactMethod contact) {
        return new HoldRequest(patron, List.of(recordId), pickupLibraryId, contact);
    }

    public boolean series() {
        return recordIds.size() > 1;
    }
}

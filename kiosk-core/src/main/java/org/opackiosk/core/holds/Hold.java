package org.opackiosk.core.holds;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A current hold of the patron.
 *
 * @param queuePosition the patron's place in the queue while {@link HoldStatus#WAITING}
 * @param pickupBy      the last pickup day once {@link HoldStatus#READY}
 * @param seriesGroup   set when the hold is part of an ordered series hold (順番予約)
 */
public record Hold(String holdId, String recordId, String title, HoldStatus status, Optional<Integer> queuePosition,
                   String pickupLibraryId, ContactMethod contactMethod, LocalDate placedOn,
                   Optional<LocalDate> pickupBy, Optional<String> seriesGroup) {
    public Hold {
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(queuePosition, "queuePosition");
        Objects.requireNonNull(pickupLibraryId, "pickupLibraryId");
        Objects.requireNonNull(contactMethod, "contactMethod");
        Objects.requireNonNull(placedOn, "placedOn");
        Objects.requireNonNull(pickupBy, "pickupBy");
        Objects.requireNonNull(seriesGroup, "seriesGroup");
    }

    /** Cancel and change are offered only while the hold is merely waiting; otherwise: ask at the counter. */
    public boolean changeableByPatron() {
        return status == HoldStatus.WAITING;
    }
}

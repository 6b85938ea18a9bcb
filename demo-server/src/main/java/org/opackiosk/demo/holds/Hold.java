package org.opackiosk.demo.holds;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code holds}: Koha's hold fields; {@code archived} marks an old hold (cancelled, expired or
 * filled), which Koha keeps in {@code old_reserves}.
 *
 * @param holdId {@code null} before insertion
 * @param status {@code W} waiting for pickup, {@code T} in transit, {@code P} in processing,
 *               {@code F} filled (archived), {@code null} in the queue
 */
public record Hold(Integer holdId, int patronId, int biblioId, Integer itemId, boolean itemLevel,
                   String pickupLibraryId, LocalDate holdDate, LocalDate expirationDate, int priority,
                   String status, LocalDate waitingDate, boolean lowestPriority, boolean suspended,
                   Instant suspendedUntil, boolean nonPriority, String itemType, String notes,
                   LocalDate cancellationDate, String cancellationReason, boolean archived, Instant updatedAt) {

    /** A new hold in the queue for a record. */
    public static Hold queued(int patronId, int biblioId, String pickupLibraryId, LocalDate holdDate, int priority,
                              Instant now) {
        return new Hold(null, patronId, biblioId, null, false, pickupLibraryId, holdDate, null, priority, null, null,
                false, false, null, false, null, null, null, null, false, now);
    }

    /** This hold, waiting at the pickup library with {@code itemId} until {@code lastPickupDay}. */
    public Hold waiting(int itemId, LocalDate since, LocalDate lastPickupDay) {
        return new Hold(holdId, patronId, biblioId, itemId, itemLevel, pickupLibraryId, holdDate, lastPickupDay,
                0, "W", since, lowestPriority, suspended, suspendedUntil, nonPriority, itemType, notes,
                cancellationDate, cancellationReason, archived, updatedAt);
    }
}

package org.opackiosk.demo.items;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code items}: one physical copy. Status columns hold Koha's authorised values
 * (0 = not lost / not withdrawn / loanable …).
 *
 * @param itemId {@code null} before insertion when the database should choose it
 */
public record Item(Integer itemId, int biblioId, String barcode, String homeLibraryId, String holdingLibraryId,
                   String callnumber, String location, String permanentLocation, String itemType,
                   String collectionCode, String copyNumber, String serialIssueNumber, String publicNotes,
                   int notForLoan, int lost, int withdrawn, int damaged, Integer restricted,
                   LocalDate acquisitionDate, int checkoutsCount, int renewalsCount, int holdsCount,
                   Instant lastSeenDate, Instant updatedAt) {

    /** A loanable copy with no history, as the seed and the importers create them. */
    public static Item of(Integer itemId, int biblioId, String barcode, String homeLibraryId, String holdingLibraryId,
                          String callnumber, String location, String itemType, int notForLoan, Instant now) {
        return new Item(itemId, biblioId, barcode, homeLibraryId, holdingLibraryId, callnumber, location, location,
                itemType, null, null, null, null, notForLoan, 0, 0, 0, null, null, 0, 0, 0, null, now);
    }

    public Item withStatuses(int lost, int withdrawn, int damaged) {
        return new Item(itemId, biblioId, barcode, homeLibraryId, holdingLibraryId, callnumber, location,
                permanentLocation, itemType, collectionCode, copyNumber, serialIssueNumber, publicNotes, notForLoan,
                lost, withdrawn, damaged, restricted, acquisitionDate, checkoutsCount, renewalsCount, holdsCount,
                lastSeenDate, updatedAt);
    }

    public Item withDetails(String collectionCode, String copyNumber, String serialIssueNumber, String publicNotes) {
        return new Item(itemId, biblioId, barcode, homeLibraryId, holdingLibraryId, callnumber, location,
                permanentLocation, itemType, collectionCode, copyNumber, serialIssueNumber, publicNotes, notForLoan,
                lost, withdrawn, damaged, restricted, acquisitionDate, checkoutsCount, renewalsCount, holdsCount,
                lastSeenDate, updatedAt);
    }
}

package org.opackiosk.core.circulation;

/**
 * What keeps a copy from the shelf besides a loan or a not-for-loan status (which {@link Item} carries on
 * its own): 予約確保 — set aside for a patron whose hold it fills — or 回送中 — travelling between
 * branches. The server says so per copy (Koha: the item's {@code _status} embed).
 */
public enum ItemState {
    /** Nothing beyond the loan and not-for-loan fields: on the shelf, or on loan. */
    ORDINARY,
    /** 予約確保: on the hold shelf, waiting for the patron who asked for it. */
    WAITING_FOR_PICKUP,
    /** 回送中: on its way to another branch (for a hold, or back home). */
    IN_TRANSIT
}

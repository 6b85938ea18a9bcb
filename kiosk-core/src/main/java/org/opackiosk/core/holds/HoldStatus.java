package org.opackiosk.core.holds;

/** Where a hold stands (Koha's hold {@code status}: null, T, W, P). */
public enum HoldStatus {
    /** 予約中: waiting in the queue. Only now can the patron cancel or change it at the kiosk. */
    WAITING,
    /** 回送中: an item is on its way to the pickup library. */
    IN_TRANSIT,
    /** Being processed by staff. */
    IN_PROCESSING,
    /** 予約確保: ready for pickup until {@link Hold#pickupBy()}. */
    READY
}

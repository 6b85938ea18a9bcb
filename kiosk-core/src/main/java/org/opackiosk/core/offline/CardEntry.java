package org.opackiosk.core.offline;

/** How a card number reached the kiosk. */
public enum CardEntry {
    /** Read from the physical card by the barcode scanner: the card is in the patron's hand. */
    SCANNED,
    /** Typed on the screen: anyone who knows a number can type it. */
    TYPED
}

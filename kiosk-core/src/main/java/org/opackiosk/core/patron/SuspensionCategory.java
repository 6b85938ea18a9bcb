package org.opackiosk.core.patron;

/**
 * Why a patron is suspended (貸出禁止), as a category the kiosk can put into words in any language. The server's
 * own codes (Koha's restriction types) are mapped to these by the adapter; the library's comment is never shown,
 * it is staff text in whatever language staff wrote it.
 */
public enum SuspensionCategory {
    /** Items are overdue now (Koha {@code OVERDUES}). */
    OVERDUES,
    /** A suspension for a while after returning late (Koha {@code SUSPENSION}, "fine days"). */
    LATE_RETURNS,
    /** Unpaid fines or an unpaid replacement of lost or damaged material. */
    FINES,
    /** Set by the library staff by hand (Koha {@code MANUAL}). */
    MANUAL,
    /** The server did not say, or said something the kiosk does not know. */
    OTHER
}

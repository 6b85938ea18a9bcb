package org.opackiosk.core.device;

/** What a receipt printer reports of itself; {@link #UNKNOWN} when it cannot report (a one-way device file). */
public enum PrinterStatus {
    READY,
    PAPER_OUT,
    /** Cover open, error, or not answering. */
    OFFLINE,
    UNKNOWN
}

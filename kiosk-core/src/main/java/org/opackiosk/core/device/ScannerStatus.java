package org.opackiosk.core.device;

/** Whether the kiosk can read barcodes now. */
public enum ScannerStatus {
    /** Connected and listening. */
    READY,
    /** Configured but not there: unplugged, not yet plugged in, or its camera command ended. Retried on its own. */
    MISSING,
    /** No scanner is configured (or the keyboard-wedge kind, which the kiosk cannot see until it types). */
    NONE
}

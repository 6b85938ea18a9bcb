package org.opackiosk.core.device;

/** Which kind of scanner produced a scan. */
public enum ScanSource {
    SERIAL,
    KEYBOARD_WEDGE,
    CAMERA,
    /** The development device panel or a test. */
    SIMULATED
}

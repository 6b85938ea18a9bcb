package org.opackiosk.core.device;

/** What the status light above the kiosk tells staff across the room. */
public enum LightState {
    /** Green: ready for a patron. */
    READY,
    /** Amber: busy with a patron's request. */
    WORKING,
    /** Red, blinking: the circulation server cannot be reached; search still works. */
    OFFLINE,
    /** Red: needs staff (a device is missing, the kiosk failed). */
    FAULT,
    /** Everything off (shutting down). */
    OFF
}

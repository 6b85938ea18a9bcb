package org.opackiosk.core.device;

/** The buzzer's two messages. */
public enum Beep {
    /** One short beep: the scan was understood. */
    GOOD_SCAN,
    /** Two longer beeps: the scan is not a card or book this kiosk knows. */
    REJECTED
}

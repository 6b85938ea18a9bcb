package org.opackiosk.core.connectivity;

/** Whether the circulation server can be reached, as the kiosk currently believes. */
public enum ConnectionState {
    /** Not known yet: the first probe has not answered. */
    CHECKING,
    ONLINE,
    OFFLINE
}

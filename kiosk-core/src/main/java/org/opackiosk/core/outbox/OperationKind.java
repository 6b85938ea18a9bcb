package org.opackiosk.core.outbox;

/** What an outbox operation does on the circulation server. Stored by name: never rename a constant. */
public enum OperationKind {
    PLACE_HOLD,
    CANCEL_HOLD,
    CHANGE_PICKUP_LIBRARY,
    CHANGE_CONTACT_METHOD,
    DISMISS_CANCELLED_HOLD,
    RENEW_LOAN
}

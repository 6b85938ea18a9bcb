package org.opackiosk.core.outbox;

/** Where an outbox operation stands. Stored by name: never rename a constant. */
public enum OutboxState {
    /** Saved, not sent yet (or sent and certainly not carried out: the server was unreachable). */
    PENDING,
    /**
     * Handed to the server and no answer recorded: it may have happened. Before it is sent again the
     * server is asked whether its effect already exists.
     */
    SENDING,
    /** The server carried it out (or already had its effect). Purged after the retention period. */
    DONE,
    /** The server said no (hold limit, overdue, card not found…). Final; kept for the patron and staff. */
    REFUSED,
    /** The kiosk cannot decide on its own what happened or what to do; staff must look. Final. */
    NEEDS_STAFF;

    /** Replay still has work to do on an operation in this state. */
    public boolean open() {
        return this == PENDING || this == SENDING;
    }
}

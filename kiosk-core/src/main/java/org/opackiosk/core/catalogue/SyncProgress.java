package org.opackiosk.core.catalogue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the catalogue sync is doing, for staff.
 *
 * @param state       what it is doing now
 * @param written     records written by the current (or last) run
 * @param expected    records the current run expects in all (written + still on the server); 0 when unknown
 * @param lastSuccess when a run last completed (the kiosk's clock)
 * @param lastProblem why the last run stopped early, in words for the log and for staff; empty after a success
 */
public record SyncProgress(State state, long written, long expected, Optional<Instant> lastSuccess,
                           Optional<String> lastProblem) {

    public enum State { IDLE, REBUILDING, UPDATING }

    public static final SyncProgress NONE = new SyncProgress(State.IDLE, 0, 0, Optional.empty(), Optional.empty());

    public SyncProgress {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastProblem, "lastProblem");
    }

    /** 0–100, or -1 when nothing is known. */
    public int percent() {
        return expected <= 0 ? -1 : (int) Math.min(100, written * 100 / expected);
    }
}

package org.opackiosk.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opackiosk.core.circulation.Refusal;

/**
 * The durable queue of every mutation the kiosk makes, online or offline (the transactional outbox).
 * An operation is {@linkplain #enqueue saved} before anyone is told it is saved, then replayed in
 * {@linkplain OutboxEntry#sequence() sequence order} by {@link ReplayService}.
 *
 * <p>Durability: when {@link #enqueue} and every {@code mark…} method return, the change is on
 * stable storage (the real implementation forces the file to disk); a power cut afterwards loses
 * nothing. When one throws {@link OutboxException}, nothing was changed.
 *
 * <p>Thread-safe. Every method blocks on the disk (milliseconds), so never call one on the UI
 * thread. Each transition names the state it leaves; an entry that is not in that state is not
 * changed and the method answers {@code false} (so two replayers cannot both win).
 */
public interface Outbox extends AutoCloseable {

    /** The reason a {@linkplain #discard discarded} entry carries: staff decided it must never be sent. */
    Refusal DISCARDED = new Refusal("discarded_by_staff", "refusal.discarded_by_staff");

    /** Saves {@code operation} as {@link OutboxState#PENDING}, due now, with a new id and the next sequence number. */
    OutboxEntry enqueue(Operation operation);

    Optional<OutboxEntry> find(UUID id);

    /** The open ({@code PENDING} or {@code SENDING}) entry with the lowest sequence number: what replay does next. */
    Optional<OutboxEntry> head();

    /** Entries in any of {@code states} (all when none are given), by sequence number. */
    List<OutboxEntry> list(OutboxState... states);

    /** Open entries: how many operations still wait to reach the server. */
    int countOpen();

    /**
     * REFUSED entries whose patron has not been told of the refusal yet, by sequence number: what the
     * patron's next login on this kiosk shows them (ADR 0045).
     */
    List<OutboxEntry> untoldRefusals();

    /**
     * The patron has been told of this REFUSED entry (they saw the refusal as it happened, or acknowledged
     * it after login). It stays REFUSED for staff. Answers false for an entry in another state.
     */
    boolean markTold(UUID id);

    /** PENDING or SENDING → SENDING, one more attempt: recorded before the operation is handed to the server. */
    boolean markSending(UUID id);

    /** SENDING (or PENDING, when reconciliation found the effect) → DONE. */
    boolean markDone(UUID id);

    /** Open → REFUSED with the server's reason. Final. */
    boolean markRefused(UUID id, Refusal reason);

    /** Open → NEEDS_STAFF with why. Final until staff act. */
    boolean markNeedsStaff(UUID id, String why);

    /**
     * Open → {@code state} (PENDING when nothing can have happened, SENDING when it may have), not
     * before {@code nextAttemptAt}, with the error for staff.
     */
    boolean retryLater(UUID id, OutboxState state, Instant nextAttemptAt, String error);

    /** Staff: a REFUSED or NEEDS_STAFF entry (or a stuck open one) back to PENDING, due now. */
    boolean requeue(UUID id);

    /**
     * Staff: an entry that is not DONE → REFUSED with {@link #DISCARDED} and {@code why} (who and why) as its
     * last error. Replay never sends it; only an explicit {@link #requeue} brings it back.
     */
    boolean discard(UUID id, String why);

    /** Deletes DONE entries created before {@code before}; answers how many. */
    int purgeDone(Instant before);

    /** Set when the store had to start over (a corrupt file moved aside); staff must be told. */
    default Optional<String> staffWarning() {
        return Optional.empty();
    }

    /** Releases the store; idempotent. */
    @Override
    void close();

    /** The store itself failed (disk full, file gone); nothing was changed. */
    final class OutboxException extends RuntimeException {
        public OutboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

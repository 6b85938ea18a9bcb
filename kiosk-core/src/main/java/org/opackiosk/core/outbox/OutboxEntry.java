package org.opackiosk.core.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opackiosk.core.circulation.Refusal;

/**
 * One operation in the outbox with its bookkeeping.
 *
 * @param id            the operation's identity, stable across restarts and shown to staff
 * @param sequence      the replay order: strictly increasing in the order operations were saved
 *                      (never the wall clock, which a kiosk without a real-time clock cannot trust)
 * @param createdAt     when it was saved, by the kiosk's clock (for the receipt, staff and retention only)
 * @param attempts      how many times it was handed to the server
 * @param nextAttemptAt not before this instant (backoff)
 * @param lastError     what went wrong last, for the log and staff; never shown to a patron
 * @param refusal       the server's reason when {@link OutboxState#REFUSED}
 */
public record OutboxEntry(UUID id, long sequence, Operation operation, Instant createdAt, int attempts,
                          Instant nextAttemptAt, OutboxState state, Optional<String> lastError,
                          Optional<Refusal> refusal) {
    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(refusal, "refusal");
    }

    public OperationKind kind() {
        return operation.kind();
    }
}

package org.opackiosk.core.offline;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.privacy.CardNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a hold request while the server is unreachable: the policy decides, the outbox saves it
 * durably, and only then does the patron get a receipt. The server checks the library's rules when
 * the queue is replayed. Thread-safe; blocks on the disk (call from a worker thread).
 */
public final class OfflineHolds {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineHolds.class);

    /** What the patron is told. */
    public sealed interface Result permits Queued, NotQueued {
    }

    /**
     * Saved. {@code maskedCard} is safe to show and print; {@code queuedForCard} counts this one.
     */
    public record Queued(UUID operationId, long sequence, String recordId, String pickupLibraryId, String maskedCard,
                         Instant queuedAt, int queuedForCard) implements Result {
    }

    /** Refused by the offline policy, or the outbox could not save it ({@code reason} empty then). */
    public record NotQueued(OfflineHoldPolicy.Decision decision, boolean storageFailed) implements Result {
    }

    private final OfflineHoldPolicy policy;
    private final Outbox outbox;

    public OfflineHolds(OfflineHoldPolicy policy, Outbox outbox) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Checks {@code card} against the policy. */
    public OfflineHoldPolicy.Decision check(CardInput card) {
        return policy.check(card);
    }

    /** Checks again and queues a hold on {@code recordId} for pickup at {@code pickupLibraryId}. */
    public synchronized Result queue(CardInput card, String recordId, String pickupLibraryId) {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(pickupLibraryId, "pickupLibraryId");
        OfflineHoldPolicy.Decision decision = policy.check(card);
        if (!(decision instanceof OfflineHoldPolicy.Allowed allowed)) {
            LOG.info("Offline hold for card {} not queued: {}", CardNumbers.mask(card.cardNumber()), decision);
            return new NotQueued(decision, false);
        }
        OutboxEntry entry;
        try {
            entry = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card(card.cardNumber()), recordId, pickupLibraryId));
        } catch (Outbox.OutboxException e) {
            LOG.error("Offline hold for card {} could not be saved", CardNumbers.mask(card.cardNumber()), e);
            return new NotQueued(decision, true);
        }
        LOG.info("Offline hold #{} queued for card {} on record {}", entry.sequence(), CardNumbers.mask(card.cardNumber()), recordId);
        return new Queued(entry.id(), entry.sequence(), recordId, pickupLibraryId, CardNumbers.mask(card.cardNumber()),
                entry.createdAt(), allowed.queuedForCard() + 1);
    }
}

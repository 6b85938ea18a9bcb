package org.opackiosk.core.offline;

import java.util.Objects;

import org.opackiosk.core.config.OfflineSettings;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.PatronRef;

/**
 * Who may queue a hold while the server is unreachable, and how many. Without the server nobody can
 * check a password, so the physical card is the proof: a typed number is refused. The limits are
 * counted from the outbox itself — hold requests by card that have not reached the server yet — so
 * they survive a restart and an "offline period" ends by itself when the queue has been replayed.
 * Thread-safe (the outbox is); blocks on the outbox's disk.
 */
public final class OfflineHoldPolicy {

    /** The answer. */
    public sealed interface Decision permits Allowed, Refused {
    }

    /** The hold may be queued; {@code queuedForCard} are already waiting for this card. */
    public record Allowed(int queuedForCard) implements Decision {
    }

    /** The hold may not be queued. {@code limit} is set for the two limits. */
    public record Refused(Reason reason, int limit) implements Decision {
    }

    public enum Reason {
        /** Offline only a scanned card counts (nobody can check a password). */
        TYPED_CARD_NUMBER,
        /** This card has queued as many as one offline period allows. */
        CARD_LIMIT,
        /** The kiosk has queued as many as it takes. */
        KIOSK_LIMIT
    }

    private final OfflineSettings settings;
    private final Outbox outbox;

    public OfflineHoldPolicy(OfflineSettings settings, Outbox outbox) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    public Decision check(CardInput card) {
        Objects.requireNonNull(card, "card");
        if (card.entry() != CardEntry.SCANNED) {
            return new Refused(Reason.TYPED_CARD_NUMBER, 0);
        }
        int kiosk = 0;
        int forCard = 0;
        for (OutboxEntry entry : outbox.list(OutboxState.PENDING, OutboxState.SENDING)) {
            if (entry.operation() instanceof Operation.PlaceHold hold && hold.patron() instanceof PatronRef.Card c) {
                kiosk++;
                if (c.cardNumber().equals(card.cardNumber())) {
                    forCard++;
                }
            }
        }
        if (kiosk >= settings.holdsPerKiosk()) {
            return new Refused(Reason.KIOSK_LIMIT, settings.holdsPerKiosk());
        }
        if (forCard >= settings.holdsPerCard()) {
            return new Refused(Reason.CARD_LIMIT, settings.holdsPerCard());
        }
        return new Allowed(forCard);
    }
}

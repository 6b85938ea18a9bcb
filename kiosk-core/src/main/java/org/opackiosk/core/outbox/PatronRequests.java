package org.opackiosk.core.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.opackiosk.core.patron.PatronId;

/**
 * One patron's requests in this kiosk's outbox, as the patron sees them after logging in (ADR 0045):
 * refusals they have not been told of yet, and the requests that did not get an answer at once.
 * An operation is the patron's when it names their server id or, for a request queued offline, their
 * card number. Thread-safe; blocks on the outbox's disk: worker threads only.
 */
public final class PatronRequests {

    private final Outbox outbox;

    public PatronRequests(Outbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Refusals of this patron's requests they have not been told of, oldest first. */
    public List<OutboxEntry> untoldRefusals(PatronId patron, String cardNumber) {
        return outbox.untoldRefusals().stream().filter(e -> owns(e, patron, cardNumber)).toList();
    }

    /**
     * What My page lists under "requests taken at this kiosk", oldest first: every request queued
     * offline with this card, whatever became of it (waiting, placed, refused, with staff); and the
     * patron's online requests that are still waiting to be sent or whose refusal came later. Requests
     * answered at once are not repeated: their effect is in the lists the server gives.
     */
    public List<OutboxEntry> requests(PatronId patron, String cardNumber) {
        List<UUID> untold = outbox.untoldRefusals().stream().map(OutboxEntry::id).toList();
        return outbox.list().stream().filter(e -> owns(e, patron, cardNumber))
                .filter(e -> e.operation().patron() instanceof PatronRef.Card || e.state().open()
                        || e.state() == OutboxState.NEEDS_STAFF || untold.contains(e.id()))
                .toList();
    }

    /** The patron acknowledged these refusals; they are not shown at their next login. */
    public void told(Collection<UUID> ids) {
        ids.forEach(outbox::markTold);
    }

    private static boolean owns(OutboxEntry entry, PatronId patron, String cardNumber) {
        return switch (entry.operation().patron()) {
            case PatronRef.Id id -> id.patronId().equals(patron);
            case PatronRef.Card card -> card.cardNumber().equals(cardNumber);
        };
    }
}

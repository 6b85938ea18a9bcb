package org.opackiosk.core.catalogue;

import java.time.Instant;
import java.util.Optional;

import org.opackiosk.core.circulation.CallResult;

/**
 * The circulation server's catalogue as a feed of changes, for the kiosk's local index: every record
 * (or those changed after an instant) in ascending id order, the newest change, and the deletions.
 *
 * <p>Keyset paging (after an id, not page numbers) keeps a walk through the catalogue stable while the
 * library edits and deletes records. All instants are the server's own timestamps: the kiosk never
 * compares them with its own clock.
 *
 * <p>Every method blocks on the network (never on the FX thread) and returns results, never throws for
 * what the server or the network does. Implementations are thread-safe.
 */
public interface CatalogueFeed {

    /** The timestamp of the most recently changed record; empty when the catalogue is empty. */
    CallResult<Optional<Instant>> latestChange();

    /**
     * Up to {@code limit} records with an id after {@code afterId} (from the first when empty), changed at
     * or after {@code since} rounded down to the server's resolution (every record when empty). A record
     * may come again in a later call; nothing changed after {@code since} is left out.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    CallResult<FeedPage> changedSince(Optional<Instant> since, Optional<String> afterId, int limit);

    /** The records deleted at or after {@code since}; {@link Deletions#untracked()} when the server cannot tell. */
    CallResult<Deletions> deletedSince(Instant since);
}

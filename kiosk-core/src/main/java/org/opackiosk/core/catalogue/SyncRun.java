package org.opackiosk.core.catalogue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sync in progress, persisted with every page written so that an interrupted sync resumes where it
 * stopped. Immutable.
 *
 * @param full      a full rebuild (written beside the searchable index, switched to at the end) or an
 *                  incremental update of the searchable index
 * @param since     incremental: records changed at or after this server timestamp; empty for a full rebuild
 * @param upTo      the newest change on the server when the run started: the next run's {@code since}
 * @param afterId   the cursor: the last record id written
 * @param written   records written so far
 * @param startedAt when the run started (the kiosk's clock)
 */
public record SyncRun(boolean full, Optional<Instant> since, Optional<Instant> upTo, Optional<String> afterId,
                      long written, Instant startedAt) {

    public SyncRun {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The same run after one more page. */
    public SyncRun advancedTo(Optional<String> lastId, long pageSize) {
        return new SyncRun(full, since, upTo, lastId.isPresent() ? lastId : afterId, written + pageSize, startedAt);
    }
}

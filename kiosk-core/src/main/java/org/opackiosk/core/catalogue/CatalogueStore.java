package org.opackiosk.core.catalogue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link CatalogueSync} writes: the index's write side. A full rebuild is written beside the
 * searchable index and becomes searchable only when finished; an incremental run updates the searchable
 * index. Each call is durable when it returns and carries the run's progress with it, so a sync cut off
 * anywhere resumes from the last call that returned.
 *
 * <p>Not for concurrent writers: one sync at a time (readers may search meanwhile). Failures of the
 * local disk are {@link java.io.UncheckedIOException}s.
 */
public interface CatalogueStore {

    /** The run to resume, if one was interrupted. */
    Optional<SyncRun> pendingRun();

    /** The server timestamp the searchable index is complete up to; empty before the first full sync. */
    Optional<Instant> watermark();

    /** When the searchable index was last built from scratch (the kiosk's clock); empty when never. */
    Optional<Instant> lastRebuild();

    /** Starts {@code run}: a full rebuild starts from an empty index beside the searchable one. */
    void begin(SyncRun run);

    /** Adds or replaces {@code entries} (by id) in the run's index and records {@code progressed}. */
    void write(List<CatalogueEntry> entries, SyncRun progressed);

    /** Removes records by id from the searchable index (incremental runs). */
    void delete(Collection<String> ids);

    /**
     * Completes the pending run: a rebuild replaces the searchable index at once; an incremental run's
     * changes become searchable. The new watermark is the run's {@code upTo} (unchanged when empty).
     */
    void finish(Instant finishedAt);
}

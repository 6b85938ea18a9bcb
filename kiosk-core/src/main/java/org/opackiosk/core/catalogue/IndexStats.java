package org.opackiosk.core.catalogue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What staff see about the local index.
 *
 * @param records     records searchable now
 * @param sizeBytes   the searchable index's size on disk
 * @param lastSync    when the last sync of either kind finished (the kiosk's clock); empty before the first
 * @param lastIncremental when the last incremental sync finished; empty before the first (a rebuild does not clear it)
 * @param watermark   the server timestamp the next incremental sync starts from; empty before the first full sync
 * @param pendingRun  a sync that was interrupted and will resume, when there is one
 */
public record IndexStats(long records, long sizeBytes, Optional<Instant> lastSync, Optional<Instant> lastIncremental,
                         Optional<Instant> watermark,
                         Optional<SyncRun> pendingRun) {
    public IndexStats {
        Objects.requireNonNull(lastSync, "lastSync");
        Objects.requireNonNull(lastIncremental, "lastIncremental");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(pendingRun, "pendingRun");
    }
}

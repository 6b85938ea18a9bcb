package org.opackiosk.core.catalogue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link CatalogueStore} in memory, with the same two-index semantics as the Lucene store. */
public final class InMemoryCatalogueStore implements CatalogueStore {

    private Map<String, CatalogueEntry> live = new TreeMap<>();
    private Map<String, CatalogueEntry> beside = new TreeMap<>();
    private Optional<SyncRun> run = Optional.empty();
    private Optional<Instant> watermark = Optional.empty();
    private Optional<Instant> lastRebuild = Optional.empty();

    /** What a search would see now. */
    public synchronized Map<String, CatalogueEntry> searchable() {
        return Map.copyOf(live);
    }

    @Override
    public synchronized Optional<SyncRun> pendingRun() {
        return run;
    }

    @Override
    public synchronized Optional<Instant> watermark() {
        return watermark;
    }

    @Override
    public synchronized Optional<Instant> lastRebuild() {
        return lastRebuild;
    }

    @Override
    public synchronized void begin(SyncRun started) {
        run = Optional.of(started);
        if (started.full()) {
            beside = new TreeMap<>();
        }
    }

    @Override
    public synchronized void write(List<CatalogueEntry> entries, SyncRun progressed) {
        Map<String, CatalogueEntry> target = progressed.full() ? beside : live;
        entries.forEach(e -> target.put(e.id(), e));
        run = Optional.of(progressed);
    }

    @Override
    public synchronized void delete(Collection<String> ids) {
        ids.forEach(live::remove);
    }

    @Override
    public synchronized void finish(Instant finishedAt) {
        SyncRun done = run.orElseThrow();
        if (done.full()) {
            live = beside;
            beside = new TreeMap<>();
            lastRebuild = Optional.of(finishedAt);
        }
        if (done.upTo().isPresent()) {
            watermark = done.upTo();
        }
        run = Optional.empty();
    }
}

package org.opackiosk.app.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.catalogue.CatalogueStore;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.IndexStats;
import org.opackiosk.core.catalogue.SyncProgress;

/**
 * The local catalogue index as staff maintain it: how big and how fresh it is, and sync / rebuild now.
 * {@link #sync} and {@link #rebuild} block on the network and the disk (off the UI thread); listeners hear
 * progress on the syncing thread.
 */
public interface CatalogueMaintenance {

    IndexStats stats();

    /** When the index was last built from scratch; empty before the first rebuild. */
    Optional<Instant> lastRebuild();

    SyncProgress progress();

    void addListener(Consumer<SyncProgress> listener);

    CatalogueSync.Outcome sync();

    CatalogueSync.Outcome rebuild();

    /** The title of a record in the local index (for the staff queue); empty when the index does not have it. */
    Optional<String> title(String recordId);

    /** The kiosk's index, its store and the sync that keeps it. */
    static CatalogueMaintenance of(CatalogueIndex index, CatalogueStore store, CatalogueSync sync) {
        return new CatalogueMaintenance() {
            @Override
            public IndexStats stats() {
                return index.stats();
            }

            @Override
            public Optional<Instant> lastRebuild() {
                return store.lastRebuild();
            }

            @Override
            public SyncProgress progress() {
                return sync.progress();
            }

            @Override
            public void addListener(Consumer<SyncProgress> listener) {
                sync.addListener(listener);
            }

            @Override
            public CatalogueSync.Outcome sync() {
                return sync.sync();
            }

            @Override
            public CatalogueSync.Outcome rebuild() {
                return sync.rebuild();
            }

            @Override
            public Optional<String> title(String recordId) {
                return index.record(recordId).map(CatalogueEntry::title).filter(t -> !t.isBlank());
            }
        };
    }
}

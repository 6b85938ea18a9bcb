package org.opackiosk.store.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueFeed;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.core.catalogue.SyncProgress;

/** The real sync: the demo server over HTTPS, the Koha feed, the Lucene index on disk. */
class CatalogueSyncIT {

    @TempDir
    Path serverDir;
    @TempDir
    Path indexDir;

    private DemoCatalogueServer demo;
    private LuceneCatalogue catalogue;

    @BeforeEach
    void start() throws IOException {
        demo = DemoCatalogueServer.start(serverDir);
        catalogue = LuceneCatalogue.open(indexDir);
    }

    @AfterEach
    void stop() {
        catalogue.close();
        demo.close();
    }

    private CatalogueSync sync(CatalogueFeed source) {
        return new CatalogueSync(source, catalogue, Clock.systemUTC(), Duration.ofDays(1), 50);
    }

    private List<String> ids(String text) {
        return catalogue.search(SearchQuery.text(text, 50)).hits().stream().map(CatalogueEntry::id).toList();
    }

    @Test
    void theDemoCatalogueSyncsAndIsSearchableWithBranches() {
        // given staff watching the progress
        CatalogueSync sync = sync(demo.feed);
        List<SyncProgress> heard = new ArrayList<>();
        sync.addListener(heard::add);
        // when
        CatalogueSync.Outcome outcome = sync.sync();
        // then
        assertThat(outcome).isInstanceOfSatisfying(CatalogueSync.Outcome.Completed.class,
                done -> assertThat(done.written()).isGreaterThanOrEqualTo(300));
        long total = catalogue.stats().records();
        List<SyncProgress> rebuilding = heard.stream().filter(p -> p.state() == SyncProgress.State.REBUILDING).toList();
        // a page of 50 at a time, each time of the server's whole catalogue, then idle with all of it
        assertThat(rebuilding).hasSize(1 + (int) Math.ceil(total / 50.0));
        assertThat(rebuilding).extracting(SyncProgress::written).isSorted().doesNotHaveDuplicates().endsWith(total);
        assertThat(rebuilding.subList(1, rebuilding.size())).extracting(SyncProgress::expected).containsOnly(total);
        assertThat(heard.getLast().state()).isEqualTo(SyncProgress.State.IDLE);
        assertThat(heard.getLast().percent()).isEqualTo(100);
        assertThat(heard.getLast().lastSuccess()).isPresent();
        assertThat(catalogue.stats().records()).isGreaterThanOrEqualTo(300);
        SearchResult all = catalogue.search(SearchQuery.text("の", 10));
        assertThat(all.total()).isPositive();
        assertThat(all.branches()).isNotEmpty();
        assertThat(catalogue.watermark()).isPresent();
    }

    @Test
    void anIncrementalSyncTakesEditsAndDropsDeletedRecords() {
        // given
        sync(demo.feed).sync();
        String edited = "3";
        String deleted = "5";
        String deletedTitle = catalogue.record(deleted).orElseThrow().title();
        assertThat(ids(deletedTitle)).contains(deleted);
        // when
        demo.server.retitleRecord(Integer.parseInt(edited), "みどり市の郷土史 改訂版");
        demo.server.deleteRecord(Integer.parseInt(deleted));
        CatalogueSync.Outcome outcome = sync(demo.feed).sync();
        // then
        assertThat(outcome).isInstanceOfSatisfying(CatalogueSync.Outcome.Completed.class, done -> {
            assertThat(done.full()).isFalse();
            assertThat(done.deleted()).isEqualTo(1);
        });
        assertThat(ids("郷土史 改訂版")).contains(edited);
        assertThat(catalogue.record(deleted)).isEmpty();
        assertThat(ids(deletedTitle)).doesNotContain(deleted);
    }

    @Test
    void aSyncCutOffMidwayResumesAfterARestartWithoutStartingOver() {
        // given: the network goes after three pages
        CatalogueFeed flaky = CountingFeed.cutAfter(demo.feed, 3);
        assertThat(sync(flaky).sync()).isInstanceOf(CatalogueSync.Outcome.Failed.class);
        assertThat(catalogue.stats().records()).isZero();
        // when: the kiosk restarts and syncs again
        catalogue.close();
        catalogue = LuceneCatalogue.open(indexDir);
        assertThat(catalogue.pendingRun()).get().satisfies(run -> assertThat(run.written()).isEqualTo(150));
        CountingFeed counting = CountingFeed.of(demo.feed);
        CatalogueSync.Outcome outcome = sync(counting).sync();
        // then
        assertThat(outcome).isInstanceOf(CatalogueSync.Outcome.Completed.class);
        long total = catalogue.stats().records();
        assertThat(total).isGreaterThanOrEqualTo(300);
        assertThat(counting.pages()).isEqualTo((int) Math.ceil((total - 150) / 50.0) + ((total - 150) % 50 == 0 ? 1 : 0));
        assertThat(catalogue.search(SearchQuery.text("の", 1)).total()).isPositive();
    }
}

package org.opackiosk.store.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.FeedPage;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SyncRun;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.store.outbox.ChildKiosk;

/**
 * A sync killed with SIGKILL, as a power cut stops a kiosk: no {@code close()}, so only what the index
 * committed on its own survives. A child JVM ({@link CatalogueCrashChild}) syncs from the demo server over
 * HTTPS and is killed after its third page (150 records); it commits every 100 records, so the run must
 * resume from record 100 — not from 0, and not from 150, which was written but never committed.
 */
class CatalogueCrashIT {

    @TempDir
    Path serverDir;
    @TempDir
    Path indexDir;

    private DemoCatalogueServer demo;

    private Instant watermark;

    @BeforeEach
    void start() throws IOException {
        demo = DemoCatalogueServer.start(serverDir);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void aRebuildKilledMidwayLeavesTheOldIndexSearchableAndResumesFromItsLastCommit() throws Exception {
        // given a complete index, and a change on the server the next rebuild will bring
        long before = syncedOnce();
        assertThat(demo.server.retitleRecord(3, "みどり市の郷土史 第三版")).isTrue();

        // when a rebuild is killed after its third page
        killedAfter("rebuild", 150);

        // then the searchable index is the old one, complete, and the rebuild waits at its last commit
        try (LuceneCatalogue catalogue = LuceneCatalogue.open(indexDir)) {
            assertThat(catalogue.stats().records()).isEqualTo(before);
            assertThat(ids(catalogue, "郷土史 第三版")).isEmpty();
            SyncRun pending = catalogue.pendingRun().orElseThrow();
            assertThat(pending.full()).isTrue();
            assertThat(pending.written()).isEqualTo(CatalogueCrashChild.COMMIT_RECORDS);
            assertThat(pending.afterId()).isPresent();

            // when the kiosk syncs again
            CountingFeed counting = CountingFeed.of(demo.feed);
            CatalogueSync.Outcome outcome = new CatalogueSync(counting, catalogue, Clock.systemUTC(),
                    Duration.ofDays(1), CatalogueCrashChild.PAGE).sync();

            // then it asked only for the records after the 100th, and the new index has all of the server's
            long total = serverCount();
            assertThat(outcome).isInstanceOfSatisfying(CatalogueSync.Outcome.Completed.class, done -> {
                assertThat(done.full()).isTrue();
                assertThat(done.written()).isEqualTo(total);
            });
            assertThat(counting.pages()).isEqualTo(pagesFor(total - CatalogueCrashChild.COMMIT_RECORDS));
            assertThat(catalogue.stats().records()).isEqualTo(total);
            assertThat(catalogue.pendingRun()).isEmpty();
            assertThat(ids(catalogue, "郷土史 第三版")).containsExactly("3");
        }
    }

    @Test
    void anUpdateKilledMidwayResumesFromItsLastCommit() throws Exception {
        // given a complete index, then 180 records edited on the server
        long before = syncedOnce();
        for (int id = 1; id <= 180; id++) {
            assertThat(demo.server.retitleRecord(id, "改訂 第" + id + "号")).isTrue();
        }

        // (and the records the first sync saw last, changed at its watermark: the server's time has seconds only)
        long changed = changedSince(watermark);
        assertThat(changed).isBetween(180L, 400L);

        // when the kiosk's update is killed after its third page
        killedAfter("sync", 150);

        // then the index opens and searches, and the update waits at its last commit
        try (LuceneCatalogue catalogue = LuceneCatalogue.open(indexDir)) {
            assertThat(catalogue.stats().records()).isEqualTo(before);
            assertThat(catalogue.search(SearchQuery.text("の", 1)).total()).isPositive();
            SyncRun pending = catalogue.pendingRun().orElseThrow();
            assertThat(pending.full()).isFalse();
            assertThat(pending.written()).isEqualTo(CatalogueCrashChild.COMMIT_RECORDS);

            // when the kiosk syncs again
            CountingFeed counting = CountingFeed.of(demo.feed);
            CatalogueSync.Outcome outcome = new CatalogueSync(counting, catalogue, Clock.systemUTC(),
                    Duration.ofDays(1), CatalogueCrashChild.PAGE).sync();

            // then only the changes after the 100th were asked for, and every edit is searchable
            assertThat(outcome).isInstanceOfSatisfying(CatalogueSync.Outcome.Completed.class, done -> {
                assertThat(done.full()).isFalse();
                assertThat(done.written()).isEqualTo(changed);
            });
            assertThat(counting.pages()).isEqualTo(pagesFor(changed - CatalogueCrashChild.COMMIT_RECORDS));
            assertThat(catalogue.stats().records()).isEqualTo(serverCount());
            assertThat(catalogue.search(SearchQuery.text("改訂", 200)).total()).isEqualTo(180);
            assertThat(ids(catalogue, "改訂 第1号")).contains("1");
            assertThat(ids(catalogue, "改訂 第180号")).contains("180");
        }
    }

    @Test
    void killsAtRandomMomentsOfARebuildNeverCostTheSearchableIndexOrACommittedPage() throws Exception {
        // given a complete index and a change the rebuild brings
        long before = syncedOnce();
        assertThat(demo.server.retitleRecord(7, "みどり市の郷土史 第四版")).isTrue();
        long total = serverCount();
        Random random = new Random(7);
        Path log = logFile("random");
        boolean first = true;
        int kills = 0;
        boolean ended = false;
        while (!ended && kills < 6) {
            // when a kiosk syncs and is killed after 1 to 4 pages' lines, wherever it is then
            ChildKiosk child = ChildKiosk.start(CatalogueCrashChild.class, log, List.of(indexDir.toString(),
                    demo.server.baseUrl().toString(), demo.server.pin(), demo.server.clientId(), demo.server.clientSecret(),
                    first ? "rebuild" : "sync", Long.toString(Long.MAX_VALUE)));
            first = false;
            List<String> seen = new ArrayList<>();
            int lines = 1 + random.nextInt(4);
            for (int i = 0; i < lines && !ended; i++) {
                String line = child.until("", seen, 120);
                ended = line == null || line.startsWith("ENDED");
            }
            if (!ended) {
                child.kill();
                kills++;
            } else {
                assertThat(child.waitFor()).as("child output %s", seen).isZero();
                assertThat(seen).contains("ENDED Completed");
            }
            // then whatever it was doing, the index opens: the old one whole, or the new one whole
            try (LuceneCatalogue catalogue = LuceneCatalogue.open(indexDir)) {
                Optional<SyncRun> pending = catalogue.pendingRun();
                // (the server's count did not change: old and new have the same number of records)
                assertThat(catalogue.stats().records()).as("after kill %d", kills).isEqualTo(before).isEqualTo(total);
                assertThat(catalogue.search(SearchQuery.text("の", 1)).total()).isPositive();
                if (pending.isPresent()) {
                    if (pending.get().full()) {
                        assertThat(ids(catalogue, "郷土史 第四版")).as("a rebuild is invisible until done").isEmpty();
                    }
                    assertThat(pending.get().written() % CatalogueCrashChild.COMMIT_RECORDS).isZero();
                    assertThat(pending.get().written()).isLessThan(total);
                } else {
                    // done, unless killed between the rebuild's last commit and the switch: then the old index
                    // stays, with its own watermark, and the next update brings the change
                    ended = !ids(catalogue, "郷土史 第四版").isEmpty();
                }
            }
        }
        // when the kiosk syncs once more, in this JVM
        try (LuceneCatalogue catalogue = LuceneCatalogue.open(indexDir)) {
            assertThat(new CatalogueSync(demo.feed, catalogue, Clock.systemUTC(), Duration.ofDays(1), CatalogueCrashChild.PAGE)
                    .sync()).isInstanceOf(CatalogueSync.Outcome.Completed.class);
            // then the index holds the server's catalogue, with the change
            assertThat(catalogue.stats().records()).isEqualTo(serverCount());
            assertThat(ids(catalogue, "郷土史 第四版")).containsExactly("7");
        }
        assertThat(kills).isPositive();
    }

    private static Path logFile(String name) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "catalogue-crash")).resolve(name + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    /** A first, complete sync in this JVM; the records it indexed. */
    private long syncedOnce() {
        try (LuceneCatalogue catalogue = LuceneCatalogue.open(indexDir)) {
            CatalogueSync.Outcome first = new CatalogueSync(demo.feed, catalogue, Clock.systemUTC(), Duration.ofDays(1),
                    CatalogueCrashChild.PAGE).sync();
            assertThat(first).isInstanceOf(CatalogueSync.Outcome.Completed.class);
            long records = catalogue.stats().records();
            watermark = catalogue.watermark().orElseThrow();
            assertThat(records).isEqualTo(serverCount()).isGreaterThan(300);
            return records;
        }
    }

    private void killedAfter(String mode, long written) throws IOException, InterruptedException {
        Path log = logFile(mode);
        ChildKiosk child = ChildKiosk.start(CatalogueCrashChild.class, log, List.of(indexDir.toString(),
                demo.server.baseUrl().toString(), demo.server.pin(), demo.server.clientId(), demo.server.clientSecret(), mode,
                Long.toString(written)));
        List<String> seen = new ArrayList<>();
        assertThat(child.until("AT ", seen, 120)).as("child output %s, log %s", seen, log).isEqualTo("AT " + written);
        assertThat(seen).containsSubsequence("WRITTEN 50", "WRITTEN 100", "WRITTEN 150");
        child.kill();
    }

    /** The records on the server, as its first page's X-Total-Count says. */
    private long serverCount() {
        return count(Optional.empty());
    }

    private long changedSince(Instant since) {
        return count(Optional.of(since));
    }

    private long count(Optional<Instant> since) {
        CallResult<FeedPage> first = demo.feed.changedSince(since, Optional.empty(), 1);
        assertThat(first).isInstanceOf(CallResult.Ok.class);
        return ((CallResult.Ok<FeedPage>) first).value().remaining();
    }

    /** Pages a run asks for to read {@code records}: the server says how many remain, so no empty last page. */
    private static int pagesFor(long records) {
        return (int) Math.ceil(records / (double) CatalogueCrashChild.PAGE);
    }

    private static List<String> ids(LuceneCatalogue catalogue, String text) {
        return catalogue.search(SearchQuery.text(text, 50)).hits().stream().map(CatalogueEntry::id).toList();
    }
}

package org.opackiosk.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.platform.ManualScheduler;

class CatalogueSyncTest {

    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    private final FakeCatalogueFeed feed = new FakeCatalogueFeed();
    private final InMemoryCatalogueStore store = new InMemoryCatalogueStore();
    private final Clock clock = Clock.fixed(T0.plus(Duration.ofDays(10)), ZoneOffset.UTC);
    private final CatalogueSync sync = new CatalogueSync(feed, store, clock, Duration.ofDays(1), 2);

    private void catalogueOf(int records) {
        for (int i = 1; i <= records; i++) {
            feed.put(String.valueOf(i), "title " + i, T0.plusSeconds(i));
        }
    }

    @Test
    void firstSyncRebuildsEverythingAndMakesItSearchableAtTheEnd() {
        // given
        catalogueOf(5);
        // when
        CatalogueSync.Outcome outcome = sync.sync();
        // then
        assertThat(outcome).isEqualTo(new CatalogueSync.Outcome.Completed(true, 5, 0));
        assertThat(store.searchable()).hasSize(5);
        assertThat(store.watermark()).contains(T0.plusSeconds(5));
        assertThat(sync.progress().lastSuccess()).isPresent();
    }

    @Test
    void anInterruptedRebuildIsInvisibleAndResumesAtTheNextPage() {
        // given
        catalogueOf(5);
        feed.failAfterCalls(2);
        // when
        CatalogueSync.Outcome first = sync.sync();
        // then
        assertThat(first).isInstanceOf(CatalogueSync.Outcome.Failed.class);
        assertThat(store.searchable()).isEmpty();
        assertThat(store.pendingRun()).get().extracting(SyncRun::afterId).isEqualTo(java.util.Optional.of("4"));
        // when
        feed.failAfterCalls(Integer.MAX_VALUE);
        int callsBefore = feed.pageCalls();
        CatalogueSync.Outcome second = sync.sync();
        // then
        assertThat(second).isInstanceOf(CatalogueSync.Outcome.Completed.class);
        assertThat(feed.pageCalls() - callsBefore).isEqualTo(1);
        assertThat(store.searchable()).hasSize(5);
    }

    @Test
    void incrementalSyncTakesChangesAndDropsDeletedRecords() {
        // given
        catalogueOf(4);
        sync.sync();
        feed.put("2", "changed", T0.plusSeconds(100));
        feed.put("9", "new", T0.plusSeconds(101));
        feed.delete("3", T0.plusSeconds(102));
        // when
        CatalogueSync.Outcome outcome = sync.sync();
        // then
        assertThat(outcome).isEqualTo(new CatalogueSync.Outcome.Completed(false, 3, 1));
        assertThat(store.searchable()).containsOnlyKeys("1", "2", "4", "9");
        assertThat(store.searchable().get("2").title()).isEqualTo("changed");
        assertThat(store.watermark()).contains(T0.plusSeconds(101));
    }

    @Test
    void aRecordEditedBehindTheCursorComesInTheNextRun() {
        // given: the run starts, reads records 1-2, then record 1 is edited
        catalogueOf(4);
        feed.failAfterCalls(1);
        sync.sync();
        feed.put("1", "edited during the run", T0.plusSeconds(50));
        feed.failAfterCalls(Integer.MAX_VALUE);
        sync.sync();
        // when
        sync.sync();
        // then
        assertThat(store.searchable().get("1").title()).isEqualTo("edited during the run");
    }

    @Test
    void aServerThatCannotListDeletionsGetsADailyRebuild() {
        // given
        catalogueOf(3);
        feed.tracksDeletions(false);
        sync.sync();
        feed.delete("2", T0.plusSeconds(10));
        // when: the update learns deletions are untracked; the last rebuild is "now", so no rebuild yet
        sync.sync();
        // then
        assertThat(store.searchable()).containsKey("2");
        // when: a day later
        CatalogueSync later = new CatalogueSync(feed, store, Clock.offset(clock, Duration.ofDays(2)), Duration.ofDays(1), 2);
        later.sync();
        later.sync();
        // then
        assertThat(store.searchable()).containsOnlyKeys("1", "3");
    }

    @Test
    void theScheduleRebuildsAtOnceThenUpdatesEveryIntervalWithTheChanges() {
        // given
        catalogueOf(3);
        ManualScheduler scheduler = new ManualScheduler();
        List<SyncProgress> heard = new ArrayList<>();
        sync.addListener(heard::add);
        // when the kiosk starts the schedule
        sync.scheduleEvery(scheduler, Duration.ofMinutes(5));
        // then the first run (a rebuild) happened at once
        assertThat(store.searchable()).hasSize(3);
        int pageCallsAfterFirst = feed.pageCalls();
        // when a record changes on the server, and four minutes pass
        feed.put("2", "changed", T0.plusSeconds(100));
        scheduler.advance(Duration.ofMinutes(4));
        // then nothing was asked yet
        assertThat(feed.pageCalls()).isEqualTo(pageCallsAfterFirst);
        assertThat(store.searchable().get("2").title()).isEqualTo("title 2");
        // when the fifth minute passes
        heard.clear();
        scheduler.advance(Duration.ofMinutes(1));
        // then a second, incremental run took the change
        assertThat(feed.pageCalls()).isGreaterThan(pageCallsAfterFirst);
        assertThat(store.searchable().get("2").title()).isEqualTo("changed");
        assertThat(heard).first().extracting(SyncProgress::state).isEqualTo(SyncProgress.State.UPDATING);
        assertThat(heard).last().satisfies(p -> {
            assertThat(p.state()).isEqualTo(SyncProgress.State.IDLE);
            // the changed record, and record 3 again: it changed at the watermark, and "since" includes it
            assertThat(p.written()).isEqualTo(2);
        });
        // and again five minutes later
        feed.put("9", "new", T0.plusSeconds(200));
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(store.searchable()).containsKey("9");
        assertThat(scheduler.pending()).isEqualTo(1);
    }

    @Test
    void aRebuildsProgressGrowsPageByPageTowardsTheServersTotalThenIsIdle() {
        // given 5 records, 2 a page
        catalogueOf(5);
        List<SyncProgress> heard = new ArrayList<>();
        sync.addListener(heard::add);
        // when
        sync.sync();
        // then: REBUILDING with 0, 2, 4, 5 written of the 5 the server has, then IDLE with the time of success
        List<SyncProgress> rebuilding = heard.stream().filter(p -> p.state() == SyncProgress.State.REBUILDING).toList();
        assertThat(rebuilding).extracting(SyncProgress::written).containsExactly(0L, 2L, 4L, 5L);
        assertThat(rebuilding.subList(1, rebuilding.size())).extracting(SyncProgress::expected).containsOnly(5L);
        assertThat(rebuilding.subList(1, rebuilding.size())).extracting(SyncProgress::percent).containsExactly(40, 80, 100);
        assertThat(heard).last().isEqualTo(new SyncProgress(SyncProgress.State.IDLE, 5, 5,
                Optional.of(clock.instant()), Optional.empty()));
        assertThat(heard).filteredOn(p -> p.state() == SyncProgress.State.IDLE).hasSize(1);
        assertThat(sync.progress()).isEqualTo(heard.getLast());
    }

    @Test
    void aFailedRunsProgressSaysWhyAndKeepsTheCount() {
        // given
        catalogueOf(5);
        feed.failAfterCalls(1);
        List<SyncProgress> heard = new ArrayList<>();
        sync.addListener(heard::add);
        // when
        sync.sync();
        // then
        assertThat(heard.getLast().state()).isEqualTo(SyncProgress.State.IDLE);
        assertThat(heard.getLast().written()).isEqualTo(2);
        assertThat(heard.getLast().lastSuccess()).isEmpty();
        assertThat(heard.getLast().lastProblem()).get().asString().contains("unreachable");
    }

    @Test
    void anEmptyCatalogueSyncsToAnEmptyIndex() {
        assertThat(sync.sync()).isEqualTo(new CatalogueSync.Outcome.Completed(true, 0, 0));
        assertThat(store.searchable()).isEmpty();
    }
}

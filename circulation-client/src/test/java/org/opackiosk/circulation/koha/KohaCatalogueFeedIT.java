package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.Deletions;
import org.opackiosk.core.catalogue.FeedPage;
import org.opackiosk.core.circulation.CallResult;

/** The catalogue feed against the real demo server, in both MARC formats. */
class KohaCatalogueFeedIT extends DemoServerFixture {

    private static KohaCatalogueFeed feed(KohaCatalogueFeed.Format format) {
        return new KohaCatalogueFeed(TestSettings.demo(server, server.pin()), Clock.systemDefaultZone(), format);
    }

    private static <T> T ok(CallResult<T> result) {
        assertThat(result).isInstanceOf(CallResult.Ok.class);
        return ((CallResult.Ok<T>) result).value();
    }

    @ParameterizedTest
    @EnumSource(KohaCatalogueFeed.Format.class)
    void walksTheWholeCatalogueInIdOrderWithReadingsAndBranches(KohaCatalogueFeed.Format format) {
        try (KohaCatalogueFeed feed = feed(format)) {
            // when
            List<CatalogueEntry> all = new ArrayList<>();
            Optional<String> after = Optional.empty();
            FeedPage page;
            do {
                page = ok(feed.changedSince(Optional.empty(), after, 100));
                all.addAll(page.entries());
                after = page.lastId();
            } while (!page.last());
            // then
            assertThat(all).hasSizeGreaterThanOrEqualTo(300);
            assertThat(all).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();
            assertThat(all).filteredOn(e -> !e.titleReading().isEmpty()).hasSizeGreaterThan(200);
            assertThat(all).filteredOn(e -> !e.branches().isEmpty()).hasSizeGreaterThan(250);
            assertThat(all).filteredOn(e -> !e.ndc().isEmpty()).isNotEmpty();
            assertThat(all).filteredOn(e -> !e.authorReadings().isEmpty()).isNotEmpty();
            assertThat(all).allSatisfy(e -> assertThat(e.title()).isNotBlank());
        }
    }

    @ParameterizedTest
    @EnumSource(KohaCatalogueFeed.Format.class)
    void seesEditsAfterTheNewestChangeAndDeletions(KohaCatalogueFeed.Format format) throws InterruptedException {
        try (KohaCatalogueFeed feed = feed(format)) {
            // given
            Instant latest = ok(feed.latestChange()).orElseThrow();
            String lastId = ok(feed.changedSince(Optional.empty(), Optional.empty(), 1000)).lastId().orElseThrow();
            int edited = format == KohaCatalogueFeed.Format.MARCXML ? 3 : 4;
            int deleted = Integer.parseInt(lastId) - (format == KohaCatalogueFeed.Format.MARCXML ? 1 : 2);
            // when
            assertThat(server.retitleRecord(edited, "改題された本 " + format)).isTrue();
            assertThat(server.deleteRecord(deleted)).isTrue();
            // then
            FeedPage changed = ok(feed.changedSince(Optional.of(latest), Optional.empty(), 100));
            assertThat(changed.entries()).extracting(CatalogueEntry::id).contains(String.valueOf(edited))
                    .doesNotContain(String.valueOf(deleted));
            assertThat(changed.entries()).filteredOn(e -> e.id().equals(String.valueOf(edited)))
                    .extracting(CatalogueEntry::title).containsExactly("改題された本 " + format);
            Deletions deletions = ok(feed.deletedSince(latest));
            assertThat(deletions.tracked()).isTrue();
            assertThat(deletions.ids()).contains(String.valueOf(deleted));
            assertThat(ok(feed.latestChange())).get().matches(t -> !t.isBefore(latest));
        }
    }
}

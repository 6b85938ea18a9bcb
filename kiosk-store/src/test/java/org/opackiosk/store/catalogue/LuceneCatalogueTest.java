package org.opackiosk.store.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.FakeCatalogueFeed;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.core.catalogue.Suggestion;
import org.opackiosk.core.catalogue.SyncRun;

class LuceneCatalogueTest {

    @TempDir
    Path dir;

    private LuceneCatalogue catalogue;
    private final FakeCatalogueFeed feed = new FakeCatalogueFeed();
    private final Clock clock = Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void build() {
        CatalogueSamples.shelf().forEach(feed::put);
        catalogue = LuceneCatalogue.open(dir);
        assertThat(new CatalogueSync(feed, catalogue, clock, Duration.ofDays(1), 5).sync())
                .isInstanceOf(CatalogueSync.Outcome.Completed.class);
    }

    @AfterEach
    void close() {
        catalogue.close();
    }

    private List<String> ids(String text) {
        return catalogue.search(SearchQuery.text(text, 20)).hits().stream().map(CatalogueEntry::id).toList();
    }

    @Test
    void exactTitleFirstThenTitlePrefixNewestFirst() {
        // こころ, こゝろ and 心 (ココロ) are exact matches, newest first; then titles starting with こころ
        assertThat(ids("こころ")).startsWith("11", "1", "12", "2", "3");
    }

    @Test
    void kanaQueriesFindRecordsByTheirReading() {
        assertThat(ids("ココロ")).contains("1", "12");
        assertThat(ids("わがはいはねこ")).contains("4");
        assertThat(ids("わがはいわねこ")).contains("4");
        assertThat(ids("うえすとみんすたあ")).containsExactly("6");
        assertThat(ids("がっこう")).contains("7");
        assertThat(ids("なつめそうせき")).contains("1", "2", "4");
        assertThat(ids("みやざき はやお")).containsExactly("10");
    }

    @Test
    void oldAndNewKanjiFormsAreOneLetter() {
        assertThat(ids("旧友")).containsExactly("5");
        assertThat(ids("舊友")).containsExactly("5");
        assertThat(ids("国学")).containsExactly("8");
        assertThat(ids("沢田")).containsExactly("8");
        assertThat(ids("芥川竜之介")).containsExactly("5");
    }

    @Test
    void isbnWithOrWithoutHyphensInEitherForm() {
        assertThat(ids("9784101010137")).containsExactly("1");
        assertThat(ids("4-10-101013-7")).containsExactly("1");
        assertThat(ids("978-4-10-125225-4")).containsExactly("3");
        assertThat(ids("０７４７５３２６９９")).containsExactly("9");
    }

    @Test
    void fullWidthAndMixedCaseInputFindsEnglishTitles() {
        assertThat(ids("ＨＡＲＲＹ　ｐｏｔｔｅｒ")).containsExactly("9");
        assertThat(ids("rowling")).containsExactly("9");
    }

    @Test
    void syntaxIsText() {
        for (String hostile : List.of("AND", "\"こころ", "こころ*", "title:こころ", "\\", "((", "*", ":", "-", "NOT こころ",
                "こころ AND 夏目", "a".repeat(5000), "\u0000\uFFFF", "\uD800")) {
            assertThat(catalogue.search(SearchQuery.text(hostile, 10))).isNotNull();
        }
        assertThat(ids("こころ *")).contains("1");
        assertThat(ids("*")).isEmpty();
    }

    @Test
    void blankQueriesFindNothing() {
        assertThat(catalogue.search(SearchQuery.text("", 10)).total()).isZero();
        assertThat(catalogue.search(SearchQuery.text(" \u3000\t", 10)).total()).isZero();
    }

    @Test
    void facetsCountAndFiltersKeep() {
        SearchResult all = catalogue.search(SearchQuery.text("夏目", 10));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.branches()).containsEntry("CEN", 2L).containsEntry("KTA", 1L).containsEntry("MIN", 1L);
        SearchResult central = catalogue.search(SearchQuery.text("夏目", 10)
                .withFilters(new SearchQuery.Filters(Set.of(), Set.of("CEN"))));
        assertThat(central.total()).isEqualTo(2);
        assertThat(central.hits()).extracting(CatalogueEntry::id).containsExactlyInAnyOrder("1", "4");
        assertThat(catalogue.search(SearchQuery.text("の", 10).withFilters(new SearchQuery.Filters(Set.of("DVD"), Set.of())))
                .hits()).extracting(CatalogueEntry::id).containsExactly("10");
    }

    @Test
    void pagesAndSorts() {
        SearchQuery q = SearchQuery.text("夏目", 2);
        assertThat(catalogue.search(q).hits()).hasSize(2);
        assertThat(catalogue.search(q.withPage(2, 2)).hits()).hasSize(2);
        assertThat(catalogue.search(q.withPage(4, 2)).hits()).isEmpty();
        assertThat(catalogue.search(SearchQuery.text("夏目", 10).withSort(SearchQuery.Sort.OLDEST)).hits())
                .extracting(CatalogueEntry::id).containsExactly("4", "1", "11", "2");
        assertThat(catalogue.search(SearchQuery.text("夏目", 10).withSort(SearchQuery.Sort.NEWEST)).hits())
                .extracting(CatalogueEntry::id).startsWith("2");
    }

    @Test
    void advancedFieldsEachMustMatch() {
        SearchQuery q = new SearchQuery("", new SearchQuery.Advanced("こころ", "夏目", "", "", "", "", OptionalInt.empty(),
                OptionalInt.of(1950)), SearchQuery.Filters.NONE, SearchQuery.Sort.RELEVANCE, 0, 10);
        assertThat(catalogue.search(q).hits()).extracting(CatalogueEntry::id).containsExactly("11", "1");
        SearchQuery ndc = new SearchQuery("", new SearchQuery.Advanced("", "", "", "", "", "913", OptionalInt.empty(),
                OptionalInt.empty()), SearchQuery.Filters.NONE, SearchQuery.Sort.RELEVANCE, 0, 20);
        assertThat(catalogue.search(ndc).total()).isEqualTo(12);
    }

    @Test
    void suggestsTitlesAndAuthorsAsThePatronTypes() {
        assertThat(catalogue.suggest("こころ", 5)).extracting(Suggestion::text).contains("こころ", "こころの処方箋");
        assertThat(catalogue.suggest("なつめ", 5)).containsExactly(new Suggestion("夏目, 漱石", Suggestion.Kind.AUTHOR));
        assertThat(catalogue.suggest("Harr", 5)).extracting(Suggestion::text)
                .containsExactly("Harry Potter and the Philosopher's Stone");
        assertThat(catalogue.suggest("", 5)).isEmpty();
    }

    @Test
    void aRecordByItsId() {
        assertThat(catalogue.record("4")).get().extracting(CatalogueEntry::title).isEqualTo("吾輩は猫である");
        assertThat(catalogue.record("404")).isEmpty();
    }

    @Test
    void aRebuildIsInvisibleUntilItIsFinishedAndSurvivesARestart() {
        // given: a rebuild started and one page written, then the kiosk stops
        catalogue.begin(new SyncRun(true, Optional.empty(), Optional.of(Instant.parse("2026-05-01T00:00:00Z")),
                Optional.empty(), 0, clock.instant()));
        SyncRun progressed = new SyncRun(true, Optional.empty(), Optional.of(Instant.parse("2026-05-01T00:00:00Z")),
                Optional.of("100"), 1, clock.instant());
        catalogue.write(List.of(CatalogueEntry.of("100", "新しい本", List.of())), progressed);
        assertThat(ids("新しい本")).isEmpty();
        assertThat(ids("こころ")).isNotEmpty();
        catalogue.close();
        // when
        catalogue = LuceneCatalogue.open(dir);
        // then
        assertThat(catalogue.pendingRun()).contains(progressed);
        assertThat(ids("こころ")).isNotEmpty();
        catalogue.finish(clock.instant());
        assertThat(ids("新しい本")).containsExactly("100");
        assertThat(ids("こころ")).isEmpty();
        assertThat(catalogue.watermark()).contains(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(catalogue.stats().records()).isEqualTo(1);
    }

    @Test
    void statsTellStaffWhatIsSearchable() {
        assertThat(catalogue.stats().records()).isEqualTo(12);
        assertThat(catalogue.stats().sizeBytes()).isPositive();
        assertThat(catalogue.stats().lastSync()).contains(clock.instant());
        assertThat(catalogue.stats().pendingRun()).isEmpty();
    }
}

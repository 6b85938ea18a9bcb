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

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
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
import org.opackiosk.store.catalogue.analysis.CatalogueAnalyzers;
import org.opackiosk.store.catalogue.analysis.Kana;
import org.opackiosk.store.catalogue.analysis.TextNormalizer;

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
    void aOneKanaQueryFindsATitleReadWithThatKana() {
        // given 屁 (ヘ) added by an update: a one-kana reading makes no reading bigram
        feed.put(CatalogueSamples.entry("16", "屁", "ヘ", "風来山人", "", 1774, "BK", "CEN", ""));
        assertThat(new CatalogueSync(feed, catalogue, clock, Duration.ofDays(1), 5).sync())
                .isInstanceOf(CatalogueSync.Outcome.Completed.class);
        // then
        assertThat(ids("へ")).first().isEqualTo("16");
        assertThat(ids("ヘ")).first().isEqualTo("16");
        assertThat(ids("ぺ")).first().isEqualTo("16"); // voicing marks fold as in a sort reading
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
    void operatorWordsAreWordsLikeAnyOther() {
        // AND in any case is the word "and", which the Harry Potter title has
        assertThat(ids("harry AND")).containsExactly("9");
        assertThat(ids("harry and")).containsExactly("9");
        // as an operator AND would find the three こころ by 夏目 (1, 2, 11); as a word no record has all three
        assertThat(ids("こころ AND 夏目")).isEmpty();
        assertThat(ids("こころ 夏目")).containsExactlyInAnyOrder("1", "2", "11");
        // NOT does not exclude こころ: it is a word that must match too, so the one title with both is found
        // (a negation would have excluded exactly that record) and the plain こころ records are not
        assertThat(ids("NOT こころ")).containsExactly("14");
        assertThat(ids("not こころ")).containsExactly("14");
        assertThat(ids("-こころ")).contains("1", "14");
    }

    @Test
    void aTitleWithColonAndQuotesIsFoundByItsWords() {
        assertThat(ids("哲学 言葉")).containsExactly("14");
        assertThat(ids("の哲学: こころと言葉")).containsExactly("14");
        assertThat(ids("\"NOT\" の哲学: こころと言葉")).first().isEqualTo("14");
        // "title:" is not a field name but a word, and no record has it
        assertThat(ids("title:哲学")).isEmpty();
        assertThat(ids("哲学:")).containsExactly("14");
    }

    @Test
    void subtitleSeriesWithVolumePublisherAndSubjectsAreSearchedAsText() {
        assertThat(ids("ほか十四篇")).containsExactly("13");
        assertThat(ids("岩波少年文庫")).containsExactly("13");
        assertThat(ids("岩波少年文庫 7")).containsExactly("13");
        assertThat(ids("岩波少年文庫 8")).isEmpty();
        assertThat(ids("偕成社")).containsExactly("13");
        assertThat(ids("児童文学")).containsExactly("13");
        assertThat(ids("童話 銀河")).containsExactly("13");
    }

    @Test
    void kuromojiFindsAnInflectedWordTheBigramsCannot() throws Exception {
        // 美しい日本の私: 美しき and 美しく are inflections of 美しい; as characters they share only 美し with it
        assertThat(ids("美しき")).containsExactly("15");
        assertThat(ids("美しく 日本")).containsExactly("15");
        try (CatalogueAnalyzers analyzers = new CatalogueAnalyzers();
             DirectoryReader reader = DirectoryReader.open(FSDirectory.open(catalogue.searchablePath()))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            String query = TextNormalizer.normalize("美しき");
            // the bigram field alone, as CatalogueQueries asks it: the phrase 美シ シキ is in no title
            List<CatalogueAnalyzers.Term> grams = CatalogueAnalyzers.terms(analyzers.bigramQuery(),
                    CatalogueDocuments.TITLE_GRAMS, Kana.toKatakana(query));
            assertThat(grams).extracting(CatalogueAnalyzers.Term::text).containsExactly("美シ", "シキ");
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            grams.forEach(t -> phrase.add(new Term(CatalogueDocuments.TITLE_GRAMS, t.text()), t.position()));
            assertThat(searcher.count(phrase.build())).isZero();
            // the Kuromoji field: query and title both become the dictionary form 美しい
            List<CatalogueAnalyzers.Term> words = CatalogueAnalyzers.terms(analyzers.morphological(),
                    CatalogueDocuments.TITLE_WORDS, query);
            assertThat(words).extracting(CatalogueAnalyzers.Term::text).containsExactly("美しい");
            assertThat(searcher.count(new TermQuery(new Term(CatalogueDocuments.TITLE_WORDS, "美しい")))).isEqualTo(1);
        }
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
        assertThat(catalogue.search(ndc).total()).isEqualTo(13);
    }

    private List<String> advanced(SearchQuery.Advanced fields) {
        return catalogue.search(new SearchQuery("", fields, SearchQuery.Filters.NONE, SearchQuery.Sort.RELEVANCE, 0, 20))
                .hits().stream().map(CatalogueEntry::id).toList();
    }

    @Test
    void advancedPublisherSubjectIsbnAndYearFromEachMatch() {
        OptionalInt none = OptionalInt.empty();
        assertThat(advanced(new SearchQuery.Advanced("", "", "偕成社", "", "", "", none, none))).containsExactly("13");
        assertThat(advanced(new SearchQuery.Advanced("", "", "", "", "児童文学", "", none, none))).containsExactly("13");
        assertThat(advanced(new SearchQuery.Advanced("", "", "", "", "哲学", "", none, none))).containsExactly("14");
        // the subject field is only the subjects: 哲学 in a title does not count, 日本文学 is not 児童文学
        assertThat(advanced(new SearchQuery.Advanced("", "", "", "", "ほか十四篇", "", none, none))).isEmpty();
        assertThat(advanced(new SearchQuery.Advanced("", "", "偕成社", "", "日本文学", "", none, none))).isEmpty();
        assertThat(advanced(new SearchQuery.Advanced("", "", "", "978-4-10-101013-7", "", "", none, none)))
                .containsExactly("1");
        assertThat(advanced(new SearchQuery.Advanced("", "", "", "4-10-125225-6", "", "", none, none)))
                .containsExactly("3");
        assertThat(advanced(new SearchQuery.Advanced("", "", "", "978-4-00-000000-2", "", "", none, none))).isEmpty();
        // from a year on, with no upper bound: 2016, 2001, 2000
        assertThat(advanced(new SearchQuery.Advanced("", "", "", "", "", "", OptionalInt.of(2000), none)))
                .containsExactlyInAnyOrder("2", "6", "13");
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
        assertThat(catalogue.stats().records()).isEqualTo(CatalogueSamples.shelf().size());
        assertThat(catalogue.stats().sizeBytes()).isPositive();
        assertThat(catalogue.stats().lastSync()).contains(clock.instant());
        assertThat(catalogue.stats().pendingRun()).isEmpty();
    }

    @Test
    void staffSeeTheLastIncrementalSyncApartFromTheLastRebuildAndARebuildKeepsIt() {
        // given: build() finished a full sync at the clock's instant; no incremental yet
        Instant incremental = Instant.parse("2026-04-01T09:05:00Z");
        Instant rebuilt = Instant.parse("2026-04-02T03:00:00Z");
        assertThat(catalogue.stats().lastIncremental()).isEmpty();

        // when: an incremental sync finishes
        catalogue.begin(new SyncRun(false, catalogue.watermark(), Optional.of(Instant.parse("2026-04-01T09:04:00Z")),
                Optional.empty(), 0, incremental));
        catalogue.finish(incremental);

        // then
        assertThat(catalogue.stats().lastIncremental()).contains(incremental);
        assertThat(catalogue.stats().lastSync()).contains(incremental);
        assertThat(catalogue.lastRebuild()).contains(clock.instant());

        // when: a rebuild finishes later, and the kiosk restarts
        catalogue.begin(new SyncRun(true, Optional.empty(), Optional.of(Instant.parse("2026-04-02T02:59:00Z")),
                Optional.empty(), 0, rebuilt));
        catalogue.finish(rebuilt);
        catalogue.close();
        catalogue = LuceneCatalogue.open(dir);

        // then
        assertThat(catalogue.lastRebuild()).contains(rebuilt);
        assertThat(catalogue.stats().lastSync()).contains(rebuilt);
        assertThat(catalogue.stats().lastIncremental()).contains(incremental);
    }
}

package org.opackiosk.store.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.FakeCatalogueFeed;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;

/** Property: whatever string reaches the index — random, hostile, broken Unicode, huge — nothing throws. */
class HostileQueryTest {

    @TempDir
    static Path dir;

    static LuceneCatalogue catalogue;

    private static final String ALPHABET = "+-&&||!(){}[]^\"~*?:\\/ AND OR NOT and or to TO こころかなカナｶﾅ漢字國学々ゝゞー゛゜"
            + "ａＢ１２３abcXYZ0123456789-–—‐,.;'`@#$%=<>_\t\n\r\u3000\u0000\u200b\ufeff\ufffd\u0301\u3099";

    @BeforeAll
    static void build() {
        FakeCatalogueFeed feed = new FakeCatalogueFeed();
        CatalogueSamples.shelf().forEach(feed::put);
        catalogue = LuceneCatalogue.open(dir);
        new CatalogueSync(feed, catalogue, Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC),
                Duration.ofDays(1), 50).sync();
    }

    @AfterAll
    static void close() {
        catalogue.close();
    }

    @Test
    void randomAndHostileStringsNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            String text = randomText(random);
            SearchQuery.Sort sort = SearchQuery.Sort.values()[random.nextInt(SearchQuery.Sort.values().length)];
            SearchQuery query = new SearchQuery(text, new SearchQuery.Advanced(randomText(random), randomText(random), "",
                    random.nextBoolean() ? randomText(random) : "", "", random.nextBoolean() ? randomText(random) : "",
                    OptionalInt.empty(), OptionalInt.empty()), SearchQuery.Filters.NONE, sort, random.nextInt(3), 1 + random.nextInt(20));
            assertThatCode(() -> {
                SearchResult result = catalogue.search(SearchQuery.text(text, 10).withSort(sort));
                assertThat(result).isNotNull();
                assertThat(catalogue.search(query)).isNotNull();
                assertThat(catalogue.suggest(text, 8)).isNotNull();
                assertThat(catalogue.record(text)).isNotNull();
            }).as("input %s", escape(text)).doesNotThrowAnyException();
        }
    }

    @Test
    void aHugeInputIsCutNotRefused() {
        String huge = "こころ".repeat(100_000);
        assertThat(catalogue.search(SearchQuery.text(huge, 10))).isNotNull();
        assertThat(catalogue.suggest(huge, 10)).isNotNull();
    }

    private static long total(String text) {
        return catalogue.search(SearchQuery.text(text, 10)).total();
    }

    @Test
    void wordsBeyondTheTwelfthAreIgnored() {
        // given a word no record has, after eleven or after twelve words that record 1 has
        String eleven = "こころ ".repeat(CatalogueQueries.MAX_WORDS - 1);
        String twelve = "こころ ".repeat(CatalogueQueries.MAX_WORDS);
        // then it counts as the twelfth word, and is ignored as the thirteenth
        assertThat(total(eleven + "zzzz")).isZero();
        assertThat(total(twelve + "zzzz")).isPositive().isEqualTo(total("こころ"));
    }

    @Test
    void inputBeyondTheLengthCapIsIgnored() {
        // the query that fits the cap is searched; the same query pushed past the cap by leading spaces is not
        String fits = " ".repeat(SearchQuery.MAX_INPUT_LENGTH - 3) + "こころ";
        String over = " ".repeat(SearchQuery.MAX_INPUT_LENGTH) + "こころ";
        assertThat(total(fits)).isPositive().isEqualTo(total("こころ"));
        SearchResult capped = catalogue.search(SearchQuery.text(over, 10));
        assertThat(capped.total()).isZero();
        assertThat(capped.hits()).isEmpty();
        assertThat(catalogue.suggest(" ".repeat(SearchQuery.MAX_INPUT_LENGTH) + "こころ", 5)).isEmpty();
    }

    private static String randomText(Random random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(400) : random.nextInt(12);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) random.nextInt(0x10000)); // anything, unpaired surrogates too
                case 1 -> s.appendCodePoint(0x20000 + random.nextInt(0x2000)); // CJK extension B
                default -> s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return s.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(cp -> out.append(cp < 0x20 || cp > 0x7e ? String.format("\\u%04x", cp) : String.valueOf((char) cp)));
        return out.toString();
    }
}

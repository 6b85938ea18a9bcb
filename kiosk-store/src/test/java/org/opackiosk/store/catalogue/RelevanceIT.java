package org.opackiosk.store.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.circulation.koha.KohaCatalogueFeed;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.Isbn;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.opackiosk.demo.importer.CatalogueImport;
import org.opackiosk.store.catalogue.analysis.CatalogueAnalyzers;
import org.opackiosk.store.catalogue.analysis.JoyoOldForms;
import org.opackiosk.store.catalogue.analysis.Kana;
import org.opackiosk.store.catalogue.analysis.TextNormalizer;
import org.opackiosk.store.catalogue.bench.SharedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relevance on real data: the Aozora Bunko works list and Koha's MARC sample imported into the demo server,
 * with the readings (ヨミ) of the extended index's works added as a cataloguer adds them, synced over HTTPS
 * into the index, then searched the way patrons search. Each expected record must be in the top five.
 * Skips when {@code ../shared/data} is absent. {@code -Drelevance.readings=false} leaves the readings out,
 * so that every reading is derived by Kuromoji (the figure of docs/benchmarks.md without record readings).
 */
class RelevanceIT {

    private static final Logger LOG = LoggerFactory.getLogger(RelevanceIT.class);

    @TempDir
    static Path serverDir;
    @TempDir
    static Path indexDir;

    static DemoServer server;
    static LuceneCatalogue catalogue;
    static List<Map<String, String>> works;
    static List<Map<String, String>> extended;
    static final CatalogueAnalyzers ANALYZERS = new CatalogueAnalyzers();
    static final boolean RECORD_READINGS = Boolean.parseBoolean(System.getProperty("relevance.readings", "true"));

    @BeforeAll
    static void importSyncAndOpen() throws IOException {
        Optional<Path> aozora = SharedData.file("aozora-works.csv");
        Optional<Path> sample = SharedData.file("aozora-extended-sample.csv");
        Optional<Path> marc = SharedData.file("koha-sample-biblios.marcxml");
        assumeTrue(aozora.isPresent() && sample.isPresent() && marc.isPresent(), "../shared/data is not here");
        CatalogueImport.aozoraCsv(serverDir, aozora.get(), Clock.systemDefaultZone());
        CatalogueImport.marcXml(serverDir, marc.get(), Clock.systemDefaultZone());
        if (RECORD_READINGS) {
            assertThat(CatalogueImport.aozoraReadings(serverDir, sample.get(), Clock.systemDefaultZone()).imported())
                    .isGreaterThan(500);
        }
        server = DemoServer.start(DemoServerOptions.defaults(serverDir));
        catalogue = LuceneCatalogue.open(indexDir);
        try (KohaCatalogueFeed feed = DemoCatalogueServer.feed(server, KohaCatalogueFeed.Format.MARCXML)) {
            CatalogueSync.Outcome outcome = new CatalogueSync(feed, catalogue, Clock.systemUTC(), Duration.ofDays(1), 500).sync();
            assertThat(outcome).isInstanceOf(CatalogueSync.Outcome.Completed.class);
        }
        works = SharedData.csv(aozora.get());
        extended = SharedData.csv(sample.get());
    }

    @AfterAll
    static void stop() {
        if (catalogue != null) {
            catalogue.close();
        }
        if (server != null) {
            server.close();
        }
        ANALYZERS.close();
    }

    private static List<CatalogueEntry> top5(String text) {
        return catalogue.search(SearchQuery.text(text, 5)).hits();
    }

    private static boolean titled(List<CatalogueEntry> hits, String title) {
        String key = CatalogueDocuments.key(title);
        return hits.stream().anyMatch(e -> CatalogueDocuments.key(e.title()).equals(key));
    }

    /** Distinct titles of the works list, a fixed sample. */
    private static List<Map<String, String>> sampleOfWorks(int n, long seed) {
        Map<String, Map<String, String>> byTitle = new LinkedHashMap<>();
        works.forEach(w -> byTitle.putIfAbsent(w.get("作品名"), w));
        List<Map<String, String>> all = new ArrayList<>(byTitle.values());
        java.util.Collections.shuffle(all, new Random(seed));
        return all.subList(0, Math.min(n, all.size()));
    }

    @Test
    void everyTitleFindsItsWork() {
        for (Map<String, String> w : sampleOfWorks(150, 1)) {
            assertThat(titled(top5(w.get("作品名")), w.get("作品名"))).as("title %s", w.get("作品名")).isTrue();
        }
    }

    @Test
    void anAuthorsNameFindsTheirWorks() {
        Map<String, Long> worksPerAuthor = new LinkedHashMap<>();
        works.forEach(w -> worksPerAuthor.merge(w.get("著者名"), 1L, Long::sum));
        int exact = 0;
        for (Map<String, String> w : sampleOfWorks(300, 2)) {
            String author = w.get("著者名");
            String family = CatalogueDocuments.key(author.split(" ")[0]);
            List<CatalogueEntry> hits = top5(author);
            assertThat(hits).as("author %s", author).anySatisfy(e -> assertThat(e.authors().stream()
                    .map(CatalogueDocuments::key)).anyMatch(k -> k.contains(family)));
            if (worksPerAuthor.get(author) <= 3) {
                // an author with few works: the work itself is among the first five
                assertThat(titled(hits, w.get("作品名"))).as("%s by %s", w.get("作品名"), author).isTrue();
                exact++;
            }
        }
        assertThat(exact).isGreaterThanOrEqualTo(10);
        assertThat(titled(top5("夏目漱石 こころ"), "こころ")).isTrue();
        assertThat(titled(top5("芥川 羅生門"), "羅生門")).isTrue();
    }

    /** The record imported from Aozora work {@code workId} (its notes say 青空文庫 作品ID …), found by its title. */
    private static Optional<CatalogueEntry> work(String workId, String title) {
        String note = "青空文庫 作品ID " + workId;
        return catalogue.search(SearchQuery.text(title, 200)).hits().stream()
                .filter(e -> e.description().contains(note)).findFirst();
    }

    /**
     * Whether the top five are all titles read exactly as {@code reading} (a tie: 三国志 01 to 12 are all
     * サンゴクシ, newest first) and {@code record} is among the titles read so.
     */
    private static boolean amongMoreThanFiveReadAlike(String reading, CatalogueEntry record) {
        String key = Kana.fold(CatalogueDocuments.key(reading));
        List<CatalogueEntry> hits = catalogue.search(SearchQuery.text(reading, 500)).hits();
        return hits.size() > 5 && hits.subList(0, 5).stream().allMatch(e -> readingKey(e).equals(key))
                && hits.stream().filter(e -> readingKey(e).equals(key)).anyMatch(e -> e.id().equals(record.id()));
    }

    /** The whole-title reading the index compares a query with: the record's, or Kuromoji's where it has none. */
    private static String readingKey(CatalogueEntry e) {
        String recordReading = Kana.fold(TextNormalizer.normalize(e.titleReading()));
        return recordReading.isEmpty()
                ? Kana.fold(ANALYZERS.reading(TextNormalizer.normalize(e.title()).replace(" ", "")))
                : recordReading;
    }

    @Test
    void aKanaReadingFindsTheWork() throws IOException {
        Map<String, String> titlesById = new LinkedHashMap<>();
        works.forEach(w -> titlesById.putIfAbsent(w.get("作品ID"), w.get("作品名")));
        int fromRecord = 0;
        int derived = 0;
        int derivedFound = 0;
        int tied = 0;
        List<String> recordMissed = new ArrayList<>();
        List<String> derivedMissed = new ArrayList<>();
        for (Map<String, String> row : extended) {
            String workId = row.get("作品ID");
            String reading = row.getOrDefault("作品名読み", "");
            if (!titlesById.containsKey(workId) || reading.isBlank()) {
                continue;
            }
            CatalogueEntry record = work(workId, titlesById.get(workId)).orElseThrow(
                    () -> new AssertionError("work " + workId + " " + titlesById.get(workId) + " is not in the index"));
            // the patron types the reading in hiragana, as the 50音 keyboard does
            boolean inTop5 = top5(reading).stream().anyMatch(e -> e.id().equals(record.id()));
            boolean found = inTop5 || amongMoreThanFiveReadAlike(reading, record);
            if (found && !inTop5) {
                tied++;
            }
            if (!record.titleReading().isEmpty()) {
                fromRecord++;
                if (!found) {
                    recordMissed.add(reading + " → " + record.title() + " (" + record.titleReading() + ")");
                }
            } else {
                derived++;
                if (found) {
                    derivedFound++;
                } else {
                    derivedMissed.add(reading + " → " + record.title());
                }
            }
        }
        LOG.info("Readings: {} works whose record carries its reading, {} not in the top 5; {} of {} with derived "
                + "readings found", fromRecord, recordMissed.size(), derivedFound, derived);
        // the figures of docs/benchmarks.md: written where a run leaves them, with what was missed
        Path out = Path.of("target", "relevance");
        Files.createDirectories(out);
        Files.writeString(out.resolve("readings.txt"), String.format(java.util.Locale.ROOT,
                "kana readings (作品名読み of aozora-extended-sample.csv) finding their work in the top 5:%n"
                        + "  reading in the record: %d of %d%n  reading derived by Kuromoji: %d of %d (%.1f %%)%n"
                        + "  of all found, behind five or more titles read exactly alike: %d%n"
                        + "missed (record):%n%s%nmissed (derived):%n%s%n",
                fromRecord - recordMissed.size(), fromRecord, derivedFound, derived,
                derived == 0 ? 100.0 : derivedFound * 100.0 / derived, tied,
                String.join(System.lineSeparator(), recordMissed), String.join(System.lineSeparator(), derivedMissed)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fromRecord + derived).isGreaterThan(500);
        // a record that carries its reading is found by it, every one
        assertThat(recordMissed).as("works whose record has the reading").isEmpty();
        if (RECORD_READINGS) {
            assertThat(fromRecord).isGreaterThan(500);
        }
        if (derived >= 100) {
            // Kuromoji misreads rare words and names; the floor of what derived readings find (docs/benchmarks.md)
            assertThat(derivedFound * 100 / derived).as("share found by derived readings, missed: %s", derivedMissed)
                    .isGreaterThanOrEqualTo(70);
        }
        for (String[] known : new String[][] {{"らしょうもん", "羅生門"}, {"こころ", "こころ"}, {"はしれめろす", "走れメロス"},
                {"ぎんがてつどうのよる", "銀河鉄道の夜"}, {"ワガハイハネコデアル", "吾輩は猫である"}}) {
            assertThat(titled(top5(known[0]), known[1])).as("%s → %s", known[0], known[1]).isTrue();
        }
    }

    @Test
    void oldAndNewKanjiFormsFindEachOther() {
        // new → old from the 常用漢字表's own list, not from the index's table, so a missing pair fails here
        Map<Character, Character> oldForms = new java.util.HashMap<>();
        JoyoOldForms.pairs().forEach(p -> oldForms.putIfAbsent(p[1].charAt(0), p[0].charAt(0)));
        int oldTitles = 0;
        int newTitles = 0;
        for (Map<String, String> w : sampleOfWorks(Integer.MAX_VALUE, 3)) {
            String title = w.get("作品名");
            String normalized = TextNormalizer.normalize(title);
            if (!normalized.equals(title.toLowerCase()) && oldTitles < 40 && hasOldForm(title)) {
                // an old-form title, asked for in new forms
                assertThat(titled(top5(normalized), title)).as("%s asked as %s", title, normalized).isTrue();
                oldTitles++;
            } else if (newTitles < 40) {
                StringBuilder old = new StringBuilder();
                boolean changed = false;
                for (char c : title.toCharArray()) {
                    Character o = oldForms.get(c);
                    old.append(o == null ? c : o);
                    changed |= o != null;
                }
                if (changed) {
                    assertThat(titled(top5(old.toString()), title)).as("%s asked as %s", title, old).isTrue();
                    newTitles++;
                }
            }
        }
        assertThat(oldTitles).isGreaterThanOrEqualTo(20); // the works list has about forty
        assertThat(newTitles).isGreaterThanOrEqualTo(20);
    }

    private static boolean hasOldForm(String title) {
        return title.codePoints().anyMatch(cp -> TextNormalizer.newForm(cp) != cp);
    }

    @Test
    void fullWidthInputFindsTheWork() {
        int asked = 0;
        for (Map<String, String> w : sampleOfWorks(Integer.MAX_VALUE, 4)) {
            String title = w.get("作品名");
            String wide = toFullWidth(title);
            if (!wide.equals(title) && asked < 30) {
                assertThat(titled(top5(wide), title)).as("%s asked as %s", title, wide).isTrue();
                asked++;
            }
        }
        assertThat(asked).isGreaterThanOrEqualTo(10);
        assertThat(titled(top5("ﾊｼﾚﾒﾛｽ"), "走れメロス")).isTrue();
    }

    @Test
    void anIsbnWithOrWithoutHyphensFindsTheMarcRecord() throws IOException {
        String marc = Files.readString(SharedData.file("koha-sample-biblios.marcxml").orElseThrow());
        Matcher m = Pattern.compile("tag=\"020\"[^>]*>\\s*<subfield code=\"a\">([0-9Xx\\- ]{10,17})").matcher(marc);
        int asked = 0;
        while (m.find() && asked < 40) {
            List<String> forms = Isbn.forms(m.group(1).strip());
            if (forms.isEmpty() || !Isbn.valid(forms.getFirst())) {
                continue;
            }
            String isbn = forms.getFirst();
            for (String query : List.of(isbn, hyphenate(isbn), forms.getLast())) {
                List<CatalogueEntry> hits = top5(query);
                assertThat(hits).as("ISBN %s", query).anySatisfy(e -> assertThat(
                        e.isbns().stream().flatMap(i -> Isbn.forms(i).stream())).contains(isbn));
            }
            asked++;
        }
        assertThat(asked).isGreaterThanOrEqualTo(20);
    }

    private static String hyphenate(String isbn) {
        return isbn.length() == 13
                ? isbn.substring(0, 3) + "-" + isbn.substring(3, 4) + "-" + isbn.substring(4, 9) + "-" + isbn.substring(9, 12) + "-" + isbn.substring(12)
                : isbn.substring(0, 1) + "-" + isbn.substring(1, 5) + "-" + isbn.substring(5, 9) + "-" + isbn.substring(9);
    }

    private static String toFullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c == ' ' ? '　' : c);
        }
        return out.toString();
    }
}

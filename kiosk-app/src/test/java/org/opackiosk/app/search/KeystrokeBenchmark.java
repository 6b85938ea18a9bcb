package org.opackiosk.app.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.frame.Navigator;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.fx.Theme;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.keyboard.KanaInput;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.catalogue.IndexStats;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.core.catalogue.Suggestion;
import org.opackiosk.core.catalogue.SyncRun;
import org.opackiosk.core.config.SearchSettings;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.platform.ExecutorScheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.store.catalogue.LuceneCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Keystroke to suggestions on screen (issue 5: ≤ 50 ms at p95), measured in the UI harness — not a timed test:
 * nothing is asserted about time. The real {@link SearchScreen} and {@link SearchViewModel} over the real Lucene
 * index ({@link LuceneCatalogue}) of a synthesized catalogue, a real worker thread and the FX thread: each key of
 * the 50音 keyboard is fired on the FX thread and the clock stops at the first layout pulse after the
 * suggestions it asked for were put on the screen. Keys are typed one after the other, as a patron does.
 *
 * <p>The catalogue recombines the titles, readings and authors of the Aozora Bunko works list in
 * {@code ../shared/data} (skipped without it) into {@code benchmark.records} records (default 200,000); what is
 * typed is the readings of titles (hiragana, with 濁点・半濁点・小 as their own keys), {@code benchmark.keys}
 * keys in all (default 600). Run (see docs/benchmarks.md):
 *
 * <pre>./mvnw -pl kiosk-app -am test -Dtest=KeystrokeBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Figures go to the log and to {@code kiosk-app/target/benchmarks/keystroke.txt}.
 *
 * <p>Then it searches each reading ({@code benchmark.searches}, default 300) into the result list and reports the
 * heap from the first key on ({@code keystroke-heap.txt}): run it with the kiosk's heap options to see what the
 * search screens need. {@code benchmark.index} opens an index built elsewhere (e.g. {@code SearchBenchmark}'s
 * 1,000,000 records) instead of building one.
 */
@ExtendWith(ApplicationExtension.class)
class KeystrokeBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(KeystrokeBenchmark.class);
    private static final long SEED = 20261123L;

    static LuceneCatalogue index;
    static List<String[]> works = List.of();

    private final ExecutorScheduler worker = new ExecutorScheduler(2);
    private SearchViewModel search;
    private Scene scene;
    /** Set on the FX thread when a suggestion answer was applied; the next layout pulse stops the clock. */
    private volatile boolean applied;
    private volatile CountDownLatch shown;
    private volatile long stoppedAt;
    /** The index's own share of each keystroke: the worker's call to {@code suggest}. */
    private volatile long suggestNanos;

    @BeforeAll
    static void buildIndex() throws IOException {
        Optional<Path> list = sharedFile("aozora-works.csv");
        Optional<Path> sample = sharedFile("aozora-extended-sample.csv");
        assumeTrue(list.isPresent() && sample.isPresent(), "../shared/data is not here");
        // the works list (no readings: the index derives them, as for a record without 880 fields) and the
        // extended sample, whose readings are also what the benchmark types
        works = new ArrayList<>(aozora(list.get(), "作品名", null, "著者名", null));
        works.addAll(aozora(sample.get(), "作品名", "作品名読み", "姓", "名"));
        String given = System.getProperty("benchmark.index", "");
        if (!given.isBlank()) {
            // an index built elsewhere, e.g. SearchBenchmark's 1,000,000 records (kiosk-store/target/benchmarks)
            index = LuceneCatalogue.open(Path.of(given));
            return;
        }
        int records = Integer.getInteger("benchmark.records", 200_000);
        Path dir = Path.of("target", "benchmarks", "keystroke-index-" + records);
        Files.createDirectories(dir);
        index = LuceneCatalogue.open(dir);
        if (index.stats().records() == records) {
            return; // built by an earlier run
        }
        long start = System.nanoTime();
        SyncRun run = new SyncRun(true, Optional.empty(), Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                Optional.empty(), 0, Instant.now());
        index.begin(run);
        for (int from = 0; from < records; from += 1000) {
            int n = Math.min(1000, records - from);
            List<CatalogueEntry> batch = new ArrayList<>(n);
            for (int i = from; i < from + n; i++) {
                batch.add(entry(i));
            }
            run = run.advancedTo(Optional.of(String.valueOf(from + n)), n);
            index.write(batch, run);
        }
        index.finish(Instant.now());
        LOG.info("Built an index of {} records in {} s", records, (System.nanoTime() - start) / 1_000_000_000);
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
    }

    /** Record {@code i}: a work's title and reading (a volume number after the first round), another work's author. */
    private static CatalogueEntry entry(int i) {
        String[] w = works.get(i % works.size());
        String[] a = works.get((int) ((i * 31L) % works.size()));
        int round = i / works.size();
        return new CatalogueEntry(String.valueOf(i + 1), w[0], "", w[1], round == 0 ? "" : "第" + (round + 1) + "巻", "", "",
                List.of(a[2]), a[3].isEmpty() ? List.of() : List.of(a[3]), "青空文庫", "東京", OptionalInt.of(1900 + i % 125), "", List.of(), "913.6",
                List.of(), "BK", "jpn", "", List.of(new CatalogueEntry.Holding("i" + i, "CEN", "913.6", "開架")),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Start
    void start(Stage stage) {
        assumeTrue(index != null, "no index");
        SimpleObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.ONLINE);
        FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
        // the kiosk's dispatcher, noting when an answer was applied so the next pulse can stop the clock
        UiDispatcher dispatcher = task -> Platform.runLater(() -> {
            task.run();
            applied = true;
            Platform.requestNextPulse();
        });
        Navigator navigator = new Navigator() {
            @Override
            public void open(ScreenId screen) {
            }

            @Override
            public void goHome() {
            }
        };
        RecordViewModel record = new RecordViewModel(index, server.service(), connection,
                new SearchSettings(Optional.empty(), Duration.ofMinutes(5)), worker, dispatcher);
        CatalogueIndex timed = new CatalogueIndex() {
            @Override
            public SearchResult search(SearchQuery query) {
                return index.search(query);
            }

            @Override
            public List<Suggestion> suggest(String prefix, int limit) {
                long start = System.nanoTime();
                List<Suggestion> found = index.suggest(prefix, limit);
                suggestNanos = System.nanoTime() - start;
                return found;
            }

            @Override
            public Optional<CatalogueEntry> record(String id) {
                return index.record(id);
            }

            @Override
            public IndexStats stats() {
                return index.stats();
            }
        };
        search = new SearchViewModel(timed, server.service(), connection, worker, dispatcher, navigator, record);
        Localization l10n = new Localization(Locale.JAPANESE);
        // the result list is built as in the kiosk (rows, badges, facets) but not shown: the heap phase searches
        javafx.scene.Node results = new ResultsScreen(search, l10n).node();
        results.setVisible(false);
        StackPane root = new StackPane(results, new SearchScreen(search, l10n).node());
        root.getStyleClass().add("root");
        root.setStyle(Theme.of("#1F6F8B", new org.opackiosk.app.fx.FontCheck().check()).rootStyle());
        scene = new Scene(root, 1920, 1080);
        scene.getStylesheets().add(getClass().getResource("/org/opackiosk/app/kiosk.css").toExternalForm());
        scene.addPostLayoutPulseListener(() -> {
            CountDownLatch waiting = shown;
            if (applied && waiting != null) {
                applied = false;
                stoppedAt = System.nanoTime();
                waiting.countDown();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void typeReadingsOnThe50onKeyboardAndMeasureUntilTheSuggestionsAreLaidOut() throws Exception {
        Heap heap = Heap.startMeasuring();
        int keys = Integer.getInteger("benchmark.keys", 600);
        int warmup = Integer.getInteger("benchmark.warmup", 100); // keys typed first and not counted (JIT)
        List<String> readings = new ArrayList<>(works.stream().map(w -> w[1]).filter(r -> !r.isBlank()).distinct().toList());
        Collections.shuffle(readings, new Random(SEED));
        List<Double> millis = new ArrayList<>();
        List<Double> indexMillis = new ArrayList<>();
        int typed = 0;
        int timeouts = 0;
        int shownWithSuggestions = 0;
        for (String reading : readings) {
            Optional<List<String>> presses = presses(reading.length() > 8 ? reading.substring(0, 8) : reading);
            if (presses.isEmpty()) {
                continue;
            }
            Fx.run(() -> search.clearField()); // not measured: an empty field asks for nothing
            for (String key : presses.get()) {
                Button button = (Button) scene.lookup("#search-key-" + idOf(key));
                CountDownLatch done = new CountDownLatch(1);
                long[] started = new long[1];
                Fx.run(() -> {
                    applied = false;
                    shown = done;
                    started[0] = System.nanoTime();
                    button.fire();
                });
                boolean answered = done.await(5, TimeUnit.SECONDS);
                shown = null;
                if (typed++ < warmup) {
                    continue;
                }
                if (answered) {
                    millis.add((stoppedAt - started[0]) / 1e6);
                    indexMillis.add(suggestNanos / 1e6);
                    if (!search.suggestions().isEmpty()) {
                        shownWithSuggestions++;
                    }
                } else {
                    timeouts++;
                }
            }
            if (millis.size() + timeouts >= keys) {
                break;
            }
        }
        int searched = searchEach(readings, Integer.getInteger("benchmark.searches", 300));
        worker.close();
        report(millis, indexMillis, timeouts, shownWithSuggestions, warmup);
        heap.report(searched);
    }

    /**
     * The heap phase's searches: each reading typed into the box and searched (検索), waiting for the result list
     * with its facets and each shown record's availability from the fake server. Returns how many were searched.
     */
    private int searchEach(List<String> readings, int count) throws InterruptedException {
        int searched = 0;
        for (String reading : readings.subList(0, Math.min(count, readings.size()))) {
            CountDownLatch done = new CountDownLatch(1);
            javafx.beans.value.ChangeListener<SearchViewModel.Status> settled = (obs, old, now) -> {
                if (now == SearchViewModel.Status.SHOWING || now == SearchViewModel.Status.EMPTY) {
                    done.countDown();
                }
            };
            Fx.run(() -> {
                search.statusProperty().addListener(settled);
                search.setText(reading);
                search.search();
            });
            if (done.await(10, TimeUnit.SECONDS)) {
                searched++;
            }
            Fx.run(() -> search.statusProperty().removeListener(settled));
        }
        return searched;
    }

    /**
     * The Java heap while the patron types and searches: the heap pools' peaks since the measurement started (after
     * the index was opened and the screen built, and a full GC), and what is live after a full GC at the end.
     * A pool's peak is its own: their sum is an upper bound of the heap's peak (a GC log gives the exact one).
     */
    private record Heap(List<java.lang.management.MemoryPoolMXBean> pools) {

        static Heap startMeasuring() {
            List<java.lang.management.MemoryPoolMXBean> pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
                    .stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
            java.lang.management.ManagementFactory.getMemoryMXBean().gc();
            pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            return new Heap(pools);
        }

        void report(int searched) throws IOException {
            long peaks = 0;
            StringBuilder each = new StringBuilder();
            for (java.lang.management.MemoryPoolMXBean p : pools) {
                long peak = p.getPeakUsage().getUsed();
                peaks += peak;
                each.append(String.format(Locale.ROOT, "%s%s %.1f MB", each.isEmpty() ? "" : ", ", p.getName(), mb(peak)));
            }
            java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            memory.gc();
            long live = memory.getHeapMemoryUsage().getUsed();
            String line = String.format(Locale.ROOT,
                    "heap while typing and searching (%d searches) over %d records: max heap %.0f MB, pools' peaks %.1f MB"
                            + " (%s), live after a full GC at the end %.1f MB; collector %s",
                    searched, index.stats().records(), mb(Runtime.getRuntime().maxMemory()), mb(peaks), each, mb(live),
                    java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
            LOG.info(line);
            Path out = Path.of("target", "benchmarks");
            Files.createDirectories(out);
            Files.writeString(out.resolve("keystroke-heap.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
        }

        private static double mb(long bytes) {
            return bytes / (1024.0 * 1024.0);
        }
    }

    private static void report(List<Double> millis, List<Double> indexMillis, int timeouts, int withSuggestions, int warmup)
            throws IOException {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] inIndex = indexMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String line = String.format(Locale.ROOT,
                "keystroke to suggestions laid out: %d keys after %d not counted (%d with suggestions, %d without an answer"
                        + " in 5 s) over %d records: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; of which the index's"
                        + " suggest: p50 %.1f ms, p95 %.1f ms; %d cores, %s %s",
                sorted.length, warmup, withSuggestions, timeouts, index.stats().records(), percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                percentile(inIndex, 50), percentile(inIndex, 95),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        LOG.info(line);
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keystroke.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The 50音 keys that type {@code reading}: voiced kana as the kana and ゛, small kana as the kana and 小. */
    static Optional<List<String>> presses(String reading) {
        String table = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんー";
        String small = "ぁぃぅぇぉっゃゅょゎ";
        String large = "あいうえおつやゆよわ";
        List<String> keys = new ArrayList<>();
        for (char c : reading.toCharArray()) {
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = nfd.charAt(0);
            if (small.indexOf(base) >= 0) {
                keys.add(String.valueOf(large.charAt(small.indexOf(base))));
                keys.add(KanaInput.SMALL);
            } else if (table.indexOf(base) >= 0) {
                keys.add(String.valueOf(base));
            } else {
                return Optional.empty(); // not on the kana table (kanji, katakana, punctuation)
            }
            if (nfd.length() > 1) {
                keys.add(nfd.charAt(1) == '\u3099' ? KanaInput.DAKUTEN : KanaInput.HANDAKUTEN);
            }
        }
        return Optional.of(keys);
    }

    /** The keyboard's node id suffix of a key that is not ASCII: its code point in hex. */
    private static String idOf(String key) {
        return "u" + Integer.toHexString(key.codePointAt(0));
    }

    private static Optional<Path> sharedFile(String name) {
        return Stream.iterate(Path.of("").toAbsolutePath(), p -> p != null, Path::getParent)
                .map(p -> p.resolve("shared").resolve("data").resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Title, title reading, author and author reading of each row of an Aozora CSV: {@code readingColumn} may be
     * null (no readings), {@code givenColumn} too (the author in one column, "姓 名").
     */
    private static List<String[]> aozora(Path csv, String titleColumn, String readingColumn, String authorColumn,
                                         String givenColumn) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = fields(lines.getFirst());
        int title = header.indexOf(titleColumn);
        int reading = readingColumn == null ? -1 : header.indexOf(readingColumn);
        int author = header.indexOf(authorColumn);
        int given = givenColumn == null ? -1 : header.indexOf(givenColumn);
        int authorReading = givenColumn == null ? -1 : header.indexOf(authorColumn + "読み");
        int givenReading = givenColumn == null ? -1 : header.indexOf(givenColumn + "読み");
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            if (f.size() != header.size()) {
                continue; // a field with a line break: not worth a real CSV reader here
            }
            rows.add(new String[] {f.get(title), reading < 0 ? "" : f.get(reading),
                    given < 0 ? f.get(author).replace(' ', ',') : f.get(author) + ", " + f.get(given),
                    given < 0 ? "" : f.get(authorReading) + ", " + f.get(givenReading)});
        }
        return rows;
    }

    private static List<String> fields(String line) {
        return Arrays.stream(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
                .map(f -> f.startsWith("\"") && f.endsWith("\"") && f.length() >= 2 ? f.substring(1, f.length() - 1).replace("\"\"", "\"") : f)
                .toList();
    }
}

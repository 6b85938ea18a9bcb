package org.opackiosk.store.catalogue.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.core.catalogue.SyncRun;
import org.opackiosk.store.catalogue.LuceneCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search latency, index size and heap on a synthesized catalogue (1,000,000 records by default): see
 * docs/benchmarks.md for the command and the figures. Not a test — it asserts nothing and runs only in the
 * {@code benchmarks} profile, in a JVM limited to the kiosk's 256 MB heap.
 */
class SearchBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SearchBenchmark.class);
    private static final long SEED = 20260401L;

    @Test
    void searchTheSynthesizedCatalogue() throws IOException {
        Optional<Path> works = SharedData.file("aozora-works.csv");
        Optional<Path> extended = SharedData.file("aozora-extended-sample.csv");
        assumeTrue(works.isPresent() && extended.isPresent(), "../shared/data is not here");
        int records = Integer.getInteger("benchmark.records", 1_000_000);
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Path indexDir = out.resolve("index-" + records);
        SyntheticCatalogue catalogue = SyntheticCatalogue.load(works.get(), extended.get());
        List<String> report = new ArrayList<>();
        report.add("records: " + records);
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));

        try (LuceneCatalogue index = LuceneCatalogue.open(indexDir)) {
            if (index.stats().records() != records) {
                long start = System.nanoTime();
                SyncRun run = new SyncRun(true, Optional.empty(), Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                        Optional.empty(), 0, Instant.now());
                index.begin(run);
                int batch = 1000;
                for (int from = 1; from <= records; from += batch) {
                    int n = Math.min(batch, records - from + 1);
                    run = run.advancedTo(Optional.of(String.valueOf(from + n - 1)), n);
                    index.write(catalogue.entries(from, n, SEED), run);
                    if (from % 100_000 == 1) {
                        LOG.info("indexed {} records", from - 1);
                    }
                }
                index.finish(Instant.now());
                report.add(String.format(Locale.ROOT, "build: %.1f s", (System.nanoTime() - start) / 1e9));
            }
            long size = index.stats().sizeBytes();
            report.add(String.format(Locale.ROOT, "index: %.1f MB on disk, %.0f bytes per record", size / 1e6, (double) size / records));

            List<String> queries = QuerySet.of(catalogue, records, SEED);
            Files.write(out.resolve("queries.txt"), queries, StandardCharsets.UTF_8);
            report.add("queries: " + queries.size() + " (target/benchmarks/queries.txt)");
            for (String q : queries) {
                index.search(SearchQuery.text(q, 20));
            }
            List<Double> millis = new ArrayList<>();
            long hits = 0;
            for (int round = 0; round < 3; round++) {
                for (String q : queries) {
                    long t = System.nanoTime();
                    SearchResult r = index.search(SearchQuery.text(q, 20));
                    millis.add((System.nanoTime() - t) / 1e6);
                    hits += r.hits().isEmpty() ? 0 : 1;
                }
            }
            report.add(String.format(Locale.ROOT, "search (first page of 20 with facets), %d runs: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; %d%% of queries found something",
                    millis.size(), pct(millis, 50), pct(millis, 95), pct(millis, 99), Collections.max(millis), hits * 100 / millis.size()));

            List<Double> suggest = new ArrayList<>();
            for (String q : queries.subList(0, 300)) {
                for (int n = 1; n <= Math.min(q.length(), 8); n++) {
                    long t = System.nanoTime();
                    index.suggest(q.substring(0, n), 8);
                    suggest.add((System.nanoTime() - t) / 1e6);
                }
            }
            report.add(String.format(Locale.ROOT, "suggestions per keystroke, %d prefixes: p50 %.2f ms, p95 %.2f ms",
                    suggest.size(), pct(suggest, 50), pct(suggest, 95)));

            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            report.add(String.format(Locale.ROOT, "heap: limit %d MB, %d MB live after GC while open, peak of pools %d MB",
                    Runtime.getRuntime().maxMemory() >> 20, used >> 20, peak >> 20));
        }
        Files.write(out.resolve("search-" + records + ".txt"), report, StandardCharsets.UTF_8);
        report.forEach(line -> LOG.info("{}", line));
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}

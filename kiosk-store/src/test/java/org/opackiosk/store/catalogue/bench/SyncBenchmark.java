package org.opackiosk.store.catalogue.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.opackiosk.circulation.koha.KohaCatalogueFeed;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.opackiosk.demo.importer.CatalogueImport;
import org.opackiosk.store.catalogue.LuceneCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync timings against the demo server over HTTPS on this machine: a full sync of 100,000 records (the
 * Aozora works list recombined into that many works and imported), then an incremental sync after 1,000
 * records changed. See docs/benchmarks.md. Runs only in the {@code benchmarks} profile.
 */
class SyncBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBenchmark.class);

    @Test
    void fullAndIncrementalSyncFromTheDemoServer() throws IOException {
        Optional<Path> works = SharedData.file("aozora-works.csv");
        assumeTrue(works.isPresent(), "../shared/data is not here");
        int records = Integer.getInteger("benchmark.sync.records", 100_000);
        int changed = Integer.getInteger("benchmark.sync.changed", 1_000);
        Path out = Path.of("target", "benchmarks");
        Path serverDir = out.resolve("sync-server-" + records);
        List<String> report = new ArrayList<>();
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        if (!Files.exists(serverDir.resolve("imported"))) {
            Files.createDirectories(serverDir);
            Path csv = out.resolve("synthetic-works-" + records + ".csv");
            writeWorks(SharedData.csv(works.get()), records, csv);
            long t = System.nanoTime();
            CatalogueImport.aozoraCsv(serverDir, csv, Clock.systemDefaultZone());
            Files.writeString(serverDir.resolve("imported"), "yes");
            LOG.info("imported {} works in {} s", records, (System.nanoTime() - t) / 1_000_000_000);
        }
        try (DemoServer server = DemoServer.start(DemoServerOptions.defaults(serverDir))) {
            ServerSettings settings = new ServerSettings(server.baseUrl(), List.of(server.pin()), Optional.empty(),
                    ServerSettings.AuthMethod.OAUTH2, server.clientId(), new Secret(server.clientSecret()),
                    Duration.ofSeconds(10), Duration.ofSeconds(60));
            for (KohaCatalogueFeed.Format format : KohaCatalogueFeed.Format.values()) {
                Path indexDir = out.resolve("sync-index-" + format);
                deleteRecursively(indexDir);
                try (KohaCatalogueFeed feed = new KohaCatalogueFeed(settings, Clock.systemDefaultZone(), format);
                     LuceneCatalogue catalogue = LuceneCatalogue.open(indexDir)) {
                    CatalogueSync sync = new CatalogueSync(feed, catalogue, Clock.systemUTC(), Duration.ofDays(1), 1000);
                    long t = System.nanoTime();
                    CatalogueSync.Outcome full = sync.sync();
                    double fullSeconds = (System.nanoTime() - t) / 1e9;
                    report.add(String.format(Locale.ROOT, "%s full sync: %s in %.1f s (%d records searchable)", format, full,
                            fullSeconds, catalogue.stats().records()));

                    Random random = new Random(7);
                    for (int i = 0; i < changed; i++) {
                        int id = 400 + random.nextInt(records);
                        server.retitleRecord(id, "改題 " + format + " " + i);
                    }
                    t = System.nanoTime();
                    CatalogueSync.Outcome incremental = sync.sync();
                    double incrementalSeconds = (System.nanoTime() - t) / 1e9;
                    report.add(String.format(Locale.ROOT, "%s incremental sync of %d changed records: %s in %.2f s", format, changed,
                            incremental, incrementalSeconds));
                }
            }
        }
        Files.write(out.resolve("sync-" + records + ".txt"), report, StandardCharsets.UTF_8);
        report.forEach(line -> LOG.info("{}", line));
    }

    /** {@code count} works in the Aozora list's format, recombined from the real list (unique 作品ID each). */
    private static void writeWorks(List<Map<String, String>> real, int count, Path csv) throws IOException {
        Random random = new Random(11);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("人物ID,著者名,作品ID,作品名,仮名遣い種別,翻訳者名等,入力者名,校正者名,状態,状態の開始日,底本名,出版社名,入力に使用した版,校正に使用した版\n");
            for (int i = 0; i < count; i++) {
                Map<String, String> a = real.get(random.nextInt(real.size()));
                Map<String, String> b = real.get(random.nextInt(real.size()));
                String title = random.nextInt(3) == 0 ? a.get("作品名") + " " + b.get("作品名") : a.get("作品名");
                w.write(String.join(",", q(a.get("人物ID")), q(a.get("著者名")), q(String.format("9%07d", i)), q(title),
                        q(a.get("仮名遣い種別")), q(""), q(""), q(""), q("公開"), q(a.get("状態の開始日")), q(b.get("底本名")),
                        q(a.get("出版社名")), q(a.get("入力に使用した版")), q(a.get("校正に使用した版"))));
                w.write('\n');
            }
        }
    }

    private static String q(String s) {
        return "\"" + (s == null ? "" : s.replace("\"", "\"\"")) + "\"";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

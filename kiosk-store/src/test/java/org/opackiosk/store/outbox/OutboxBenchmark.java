package org.opackiosk.store.outbox;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.ObservedCirculationService;
import org.opackiosk.core.outbox.Backoff;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.platform.ManualScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's figures for docs/benchmarks.md, measured, not asserted (not a test: the name matches
 * neither {@code *Test} nor {@code *IT}, so only {@code -Dtest=OutboxBenchmark} runs it):
 *
 * <ul>
 *   <li>durable enqueue latency — commit plus {@code CHECKPOINT SYNC}, what a patron waits for before
 *       "saved" — on an H2 file under {@code kiosk-store/target/benchmarks} (a real disk, not tmpfs);</li>
 *   <li>replay throughput — queued card holds sent by {@link ReplayService} with the real Koha client over
 *       pinned HTTPS to the demo server, each marked SENDING and DONE durably around its request.</li>
 * </ul>
 *
 * <p>Sizes: {@code -Doutbox.bench.enqueues=2000} (after 200 not counted), {@code -Doutbox.bench.replays=1000}.
 * Results go to the log and to {@code target/benchmarks/outbox.txt}.
 */
class OutboxBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxBenchmark.class);
    private static final int WARM_UP = 200;
    private static final int SERVER_ONLY = 200;

    @Test
    void durableEnqueueLatencyAndReplayThroughput() throws IOException {
        int enqueues = Integer.getInteger("outbox.bench.enqueues", 2000);
        int replays = Integer.getInteger("outbox.bench.replays", 1000);
        Path out = Files.createDirectories(Path.of("target", "benchmarks"));
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "machine: %d cores, load average %.1f at the start, %s %s, %s", 
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.arch")));

        Path enqueueDir = fresh(out.resolve("outbox-enqueue"));
        try (H2Outbox outbox = H2Outbox.open(enqueueDir, Clock.systemUTC())) {
            long[] nanos = new long[enqueues];
            for (int i = -WARM_UP; i < enqueues; i++) {
                Operation op = Operation.PlaceHold.single(PatronRef.card("0100" + String.format(Locale.ROOT, "%04d", i & 1023)),
                        String.valueOf(1000 + i), "CEN");
                long t = System.nanoTime();
                outbox.enqueue(op);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                }
            }
            report.add(percentiles("durable enqueue (commit + CHECKPOINT SYNC), " + enqueues + " after " + WARM_UP + " warm-up",
                    nanos));
            // what replay adds per operation around its request: SENDING before, DONE after, both forced to disk
            List<OutboxEntry> saved = outbox.list();
            long[] marks = new long[enqueues];
            for (int i = 0; i < enqueues; i++) {
                UUID id = saved.get(WARM_UP + i).id();
                long t = System.nanoTime();
                outbox.markSending(id);
                outbox.markDone(id);
                marks[i] = System.nanoTime() - t;
            }
            report.add(percentiles("markSending + markDone (two forced writes), " + enqueues, marks));
        }

        Path serverDir = fresh(out.resolve("outbox-demo-server"));
        try (DemoLibrary library = DemoLibrary.start(serverDir)) {
            List<String[]> all = library.holdablePairs(replays + SERVER_ONLY);
            List<String[]> pairs = all.subList(0, replays);
            // the server alone: the same requests straight through the Koha client, no outbox
            List<PatronId> patrons = new ArrayList<>();
            all.subList(replays, replays + SERVER_ONLY).forEach(p -> patrons.add(library.patron(p[0])));
            long s0 = System.nanoTime();
            for (int i = 0; i < SERVER_ONLY; i++) {
                String[] p = all.get(replays + i);
                DemoLibrary.ok(library.port.placeHold(new HoldRequest(patrons.get(i), List.of(p[1]), "CEN", ContactMethod.EMAIL)));
            }
            double serverSeconds = (System.nanoTime() - s0) / 1e9;
            report.add(String.format(Locale.ROOT, "the demo server alone: %d holds placed straight through the Koha client in"
                    + " %.2f s = %.0f requests/s", SERVER_ONLY, serverSeconds, SERVER_ONLY / serverSeconds));
            ManualScheduler scheduler = new ManualScheduler();
            ConnectivityMonitor connectivity = new ConnectivityMonitor(library.port::reachable, scheduler, Duration.ofSeconds(10));
            connectivity.start();
            try (H2Outbox outbox = H2Outbox.open(fresh(out.resolve("outbox-replay")), Clock.systemUTC());
                 ReplayService replay = new ReplayService(outbox, new ObservedCirculationService(library.port, connectivity),
                         connectivity, Clock.systemUTC(), scheduler, Backoff.standard(), ReplayService.DEFAULT_RETENTION)) {
                for (String[] pair : pairs) {
                    outbox.enqueue(Operation.PlaceHold.single(PatronRef.card(pair[0]), pair[1], "CEN"));
                }
                long t = System.nanoTime();
                ReplayService.Pass pass = replay.replayNow();
                double seconds = (System.nanoTime() - t) / 1e9;
                int done = outbox.list(OutboxState.DONE).size();
                report.add(String.format(Locale.ROOT, "replay of %d queued card holds (%d patrons) against the demo server over"
                        + " pinned HTTPS: %d done in %.2f s = %.0f operations/s (pass ended %s)", replays,
                        DemoLibrary.CARDS.size(), done, seconds, done / seconds, pass));
            }
            connectivity.close();
        }
        report.forEach(line -> LOG.info("Outbox benchmark: {}", line));
        Files.write(out.resolve("outbox.txt"), report);
    }

    private static String percentiles(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", what, ms(sorted, 0.50),
                ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6;
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}

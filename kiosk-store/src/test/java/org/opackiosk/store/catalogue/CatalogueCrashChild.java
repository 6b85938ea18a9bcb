package org.opackiosk.store.catalogue;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.opackiosk.circulation.koha.KohaCatalogueFeed;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.SyncProgress;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;

/**
 * The kiosk side of {@link CatalogueCrashIT}, in its own JVM so the test can SIGKILL it mid-sync: it opens
 * the Lucene catalogue (committing every {@value #COMMIT_RECORDS} records), syncs 50 records a page from the
 * demo server, prints {@code WRITTEN n} after each page, and once {@code n} reaches STOP prints
 * {@code AT n} and stops dead, as a kiosk does when the power goes: nothing closed, nothing flushed (with a
 * STOP it never reaches, the test kills it wherever it is). At the end it prints {@code ENDED Completed} (or
 * {@code Failed}). Lines on standard output are the only protocol.
 *
 * <pre>
 * CatalogueCrashChild INDEX_DIR URL PIN CLIENT_ID SECRET MODE STOP
 *   MODE rebuild   a full rebuild beside the searchable index
 *   MODE sync      what the kiosk's timer does: resume a pending run, else update (or rebuild)
 * </pre>
 */
public final class CatalogueCrashChild {

    static final int COMMIT_RECORDS = 100;
    static final int PAGE = 50;
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private CatalogueCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        ServerSettings server = new ServerSettings(URI.create(args[1]), List.of(args[2]), Optional.empty(),
                ServerSettings.AuthMethod.OAUTH2, args[3], new Secret(args[4]),
                ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
        String mode = args[5];
        long stop = Long.parseLong(args[6]);
        CountDownLatch never = new CountDownLatch(1);
        // no try-with-resources: the test kills this JVM, nothing may be closed on the way
        LuceneCatalogue catalogue = LuceneCatalogue.open(index, COMMIT_RECORDS, Duration.ofHours(1));
        KohaCatalogueFeed feed = new KohaCatalogueFeed(server, Clock.systemDefaultZone(), KohaCatalogueFeed.Format.MARC_IN_JSON);
        CatalogueSync sync = new CatalogueSync(feed, catalogue, Clock.systemUTC(), Duration.ofDays(1), PAGE);
        sync.addListener(progress -> {
            if (progress.state() == SyncProgress.State.IDLE || progress.written() == 0) {
                return;
            }
            OUT.println("WRITTEN " + progress.written());
            if (progress.written() >= stop) {
                OUT.println("AT " + progress.written());
                try {
                    never.await(); // the sync thread stops between two pages, as if the power went
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        CatalogueSync.Outcome outcome = "rebuild".equals(mode) ? sync.rebuild() : sync.sync();
        OUT.println("ENDED " + outcome.getClass().getSimpleName());
        System.exit(0); // not closed on purpose: a kiosk that finished a sync and then lost power
    }
}

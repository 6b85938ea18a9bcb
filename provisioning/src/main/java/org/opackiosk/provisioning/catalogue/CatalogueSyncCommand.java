package org.opackiosk.provisioning.catalogue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.opackiosk.circulation.koha.KohaCatalogueFeed;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.SyncProgress;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.cli.ServerConnectionOptions;
import org.opackiosk.store.catalogue.LuceneCatalogue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sync",
        description = {"Fill or update a catalogue index from the circulation server, as the kiosk does in the background:",
                "a full rebuild the first time (searchable only when complete), then the changes since the last sync.",
                "An interrupted sync resumes where it stopped. Prints progress. Exit 0 when complete, 1 otherwise."})
public final class CatalogueSyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerConnectionOptions server;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index directory (the kiosk's is STATE_DIRECTORY/catalogue)")
    Path index;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "marcxml",
            description = "how records travel: marcxml or marc-in-json (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--rebuild", description = "rebuild from scratch even when the index is up to date")
    boolean rebuild;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "500", description = "records per request (default ${DEFAULT-VALUE})")
    int pageSize;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KohaCatalogueFeed.Format wire = switch (format.toLowerCase(Locale.ROOT)) {
            case "marcxml" -> KohaCatalogueFeed.Format.MARCXML;
            case "marc-in-json", "mij" -> KohaCatalogueFeed.Format.MARC_IN_JSON;
            default -> null;
        };
        if (wire == null || pageSize < 1) {
            err.println("--format must be marcxml or marc-in-json, --page-size a positive number");
            return KioskCtl.EXIT_INVALID;
        }
        Optional<ServerSettings> connection = server.settings(err);
        if (connection.isEmpty()) {
            return KioskCtl.EXIT_INVALID;
        }
        ServerSettings settings = connection.get();
        long start = System.nanoTime();
        try (KohaCatalogueFeed feed = new KohaCatalogueFeed(settings, Clock.systemDefaultZone(), wire);
             LuceneCatalogue catalogue = LuceneCatalogue.open(index)) {
            CatalogueSync sync = new CatalogueSync(feed, catalogue, Clock.systemUTC(), CatalogueSync.DEFAULT_REBUILD_EVERY, pageSize);
            long[] lastPrinted = {0};
            sync.addListener(progress -> {
                long now = System.nanoTime();
                if (progress.state() != SyncProgress.State.IDLE && now - lastPrinted[0] > Duration.ofSeconds(1).toNanos()) {
                    lastPrinted[0] = now;
                    out.println(describe(progress));
                    out.flush();
                }
            });
            CatalogueSync.Outcome outcome = rebuild ? sync.rebuild() : sync.sync();
            double seconds = (System.nanoTime() - start) / 1e9;
            return switch (outcome) {
                case CatalogueSync.Outcome.Completed done -> {
                    out.printf(Locale.ROOT, "%s complete: %d records written, %d deleted, %d searchable, in %.1f s%n",
                            done.full() ? "Rebuild" : "Update", done.written(), done.deleted(), catalogue.stats().records(), seconds);
                    yield 0;
                }
                case CatalogueSync.Outcome.Failed failed -> {
                    err.println("The sync stopped (it resumes at the next run): " + failed.detail());
                    yield 1;
                }
            };
        }
    }

    private static String describe(SyncProgress p) {
        String what = p.state() == SyncProgress.State.REBUILDING ? "rebuilding" : "updating";
        return p.percent() < 0 ? String.format(Locale.ROOT, "%s: %d records", what, p.written())
                : String.format(Locale.ROOT, "%s: %d of %d records (%d%%)", what, p.written(), p.expected(), p.percent());
    }
}

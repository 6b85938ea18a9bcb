package org.opackiosk.app.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.opackiosk.circulation.koha.KohaCatalogueFeed;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.store.catalogue.LuceneCatalogue;

/** The demo server as the kiosk's real pieces reach it, for the end-to-end journeys. */
public final class DemoServers {

    private DemoServers() {
    }

    /** What a kiosk's configuration says of {@code demo}: its address, its pinned certificate and its OAuth2 client. */
    public static ServerSettings settings(DemoServer demo) {
        return new ServerSettings(demo.baseUrl(), List.of(demo.pin()), Optional.empty(),
                ServerSettings.AuthMethod.OAUTH2, demo.clientId(), new Secret(demo.clientSecret()),
                ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
    }

    /** A Lucene catalogue in {@code folder}, synced once from the server (MARCXML) as the kiosk syncs it; the caller closes it. */
    public static LuceneCatalogue syncedCatalogue(ServerSettings server, Path folder, Clock clock) {
        LuceneCatalogue catalogue = LuceneCatalogue.open(folder);
        try (KohaCatalogueFeed feed = new KohaCatalogueFeed(server, clock, KohaCatalogueFeed.Format.MARCXML)) {
            new CatalogueSync(feed, catalogue, clock).sync();
        }
        return catalogue;
    }
}

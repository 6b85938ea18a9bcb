package org.opackiosk.store.catalogue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.opackiosk.circulation.koha.KohaCatalogueFeed;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;

/** A demo server started by a test, and the kiosk's real catalogue feed for it. */
final class DemoCatalogueServer implements AutoCloseable {

    final DemoServer server;
    final KohaCatalogueFeed feed;

    private DemoCatalogueServer(DemoServer server, KohaCatalogueFeed feed) {
        this.server = server;
        this.feed = feed;
    }

    /** The demo server with its default catalogue in {@code dataDir}, read as MARC-in-JSON. */
    static DemoCatalogueServer start(Path dataDir) throws IOException {
        DemoServer server = DemoServer.start(DemoServerOptions.defaults(dataDir));
        return new DemoCatalogueServer(server, feed(server, KohaCatalogueFeed.Format.MARC_IN_JSON));
    }

    static ServerSettings settings(DemoServer server) {
        return new ServerSettings(server.baseUrl(), List.of(server.pin()), Optional.empty(), ServerSettings.AuthMethod.OAUTH2,
                server.clientId(), new Secret(server.clientSecret()), ServerSettings.DEFAULT_CONNECT_TIMEOUT,
                ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
    }

    static KohaCatalogueFeed feed(DemoServer server, KohaCatalogueFeed.Format format) {
        return new KohaCatalogueFeed(settings(server), Clock.systemDefaultZone(), format);
    }

    @Override
    public void close() {
        feed.close();
        server.close();
    }
}

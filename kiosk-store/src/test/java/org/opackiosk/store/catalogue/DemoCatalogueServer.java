package org.opackiosk.store.catalogue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.opackiosk.circulation.koha.KohaCatalogueFeed;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.demo.DemoServer;

/** The kiosk's real catalogue feed for a demo server started by a test. */
final class DemoCatalogueServer {

    private DemoCatalogueServer() {
    }

    static ServerSettings settings(DemoServer server) {
        return new ServerSettings(server.baseUrl(), List.of(server.pin()), Optional.empty(), ServerSettings.AuthMethod.OAUTH2,
                server.clientId(), new Secret(server.clientSecret()), ServerSettings.DEFAULT_CONNECT_TIMEOUT,
                ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
    }

    static KohaCatalogueFeed feed(DemoServer server, KohaCatalogueFeed.Format format) {
        return new KohaCatalogueFeed(settings(server), Clock.systemDefaultZone(), format);
    }
}

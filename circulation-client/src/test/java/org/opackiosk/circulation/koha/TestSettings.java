package org.opackiosk.circulation.koha;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.config.ServerSettings.AuthMethod;
import org.opackiosk.demo.DemoServer;

/**
 * Server settings for tests against {@code FakeKoha}: short timeouts, a recognisable secret; and for tests against
 * the real demo server, its own client and secret.
 */
final class TestSettings {

    static final String CLIENT_ID = "kiosk-cen-01";
    static final String CLIENT_SECRET = "s3cret-never-logged";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TestSettings() {
    }

    static ServerSettings pinned(URI url, String... pins) {
        return new ServerSettings(url, List.of(pins), Optional.empty(), AuthMethod.OAUTH2, CLIENT_ID, new Secret(CLIENT_SECRET), TIMEOUT, TIMEOUT);
    }

    static ServerSettings basic(URI url, String... pins) {
        return new ServerSettings(url, List.of(pins), Optional.empty(), AuthMethod.BASIC, CLIENT_ID, new Secret(CLIENT_SECRET), TIMEOUT, TIMEOUT);
    }

    static ServerSettings caFile(URI url, Path caFile) {
        return new ServerSettings(url, List.of(), Optional.of(caFile), AuthMethod.OAUTH2, CLIENT_ID, new Secret(CLIENT_SECRET), TIMEOUT, TIMEOUT);
    }

    /** How the kiosk reaches the demo server {@code server} trusting {@code pins}: its client and secret, the default timeouts. */
    static ServerSettings demo(DemoServer server, String... pins) {
        return new ServerSettings(server.baseUrl(), List.of(pins), Optional.empty(), AuthMethod.OAUTH2, server.clientId(),
                new Secret(server.clientSecret()), ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
    }

    static ServerSettings withResponseTimeout(ServerSettings s, Duration responseTimeout) {
        return new ServerSettings(s.url(), s.pins(), s.caFile(), s.auth(), s.clientId(), s.clientSecret(), s.connectTimeout(), responseTimeout);
    }
}

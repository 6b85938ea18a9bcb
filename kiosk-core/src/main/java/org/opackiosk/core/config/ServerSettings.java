package org.opackiosk.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the circulation server. Exactly one of {@code pins} (non-empty) and {@code caFile} is
 * set: the kiosk trusts either SHA-256 public-key pins or a CA file, never the system trust store.
 *
 * @param pins         {@code sha256/BASE64} public-key pins; the second and later are backups
 * @param clientSecret the OAuth2 client secret or Basic password; never logged (see {@link Secret})
 */
public record ServerSettings(URI url, List<String> pins, Optional<Path> caFile, AuthMethod auth,
                             String clientId, Secret clientSecret, Duration connectTimeout,
                             Duration responseTimeout) {

    public enum AuthMethod { OAUTH2, BASIC }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    public ServerSettings {
        Objects.requireNonNull(url, "url");
        pins = List.copyOf(pins);
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (pins.isEmpty() == caFile.isEmpty()) {
            throw new IllegalArgumentException("exactly one of pins and caFile must be given");
        }
    }
}

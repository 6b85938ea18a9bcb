package org.opackiosk.provisioning.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.opackiosk.core.config.ServerSettings;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How a kioskctl command reaches a circulation server: the same URL, trust (pins or CA file),
 * client id and secret options everywhere, turned into the kiosk's own {@link ServerSettings}.
 * Used as a picocli mixin.
 */
public final class ServerConnectionOptions {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "the server, e.g. https://koha.example.jp")
    String url;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Trust trust;

    static final class Trust {
        @Option(names = "--pin", paramLabel = "PIN", description = "sha256/BASE64 public-key pin (repeat for backups)")
        List<String> pins;

        @Option(names = "--ca", paramLabel = "FILE", description = "PEM file of the CA that signs the server's certificate")
        Path caFile;
    }

    @Option(names = "--client-id", required = true, paramLabel = "ID")
    String clientId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ClientSecretOptions secret;

    @Option(names = "--basic", description = "use HTTP Basic instead of OAuth2 client credentials")
    boolean basic;

    /** The settings, or empty after telling {@code err} what is wrong with the options. */
    public Optional<ServerSettings> settings(PrintWriter err) throws IOException {
        Optional<URI> uri = httpsUrl("--url", url, err);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerSettings(uri.get(), trust.pins == null ? List.of() : trust.pins, Optional.ofNullable(trust.caFile),
                basic ? ServerSettings.AuthMethod.BASIC : ServerSettings.AuthMethod.OAUTH2, clientId, secret.secret(),
                ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT));
    }

    /** {@code value} as an https URL with a host name, or empty after telling {@code err} that {@code option} is wrong. */
    public static Optional<URI> httpsUrl(String option, String value, PrintWriter err) {
        try {
            URI uri = new URI(value);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        err.println(option + ": expected an https:// URL with a host name, found \"" + value + "\"");
        return Optional.empty();
    }
}

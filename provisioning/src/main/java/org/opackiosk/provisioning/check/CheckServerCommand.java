package org.opackiosk.provisioning.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.provisioning.KioskCtl;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check-server",
        description = {"Check a circulation server (Koha) before enrolling a kiosk: TLS and pin, token, libraries,",
                "a catalogue page and, with a test card, login and the account. Changes nothing on the server.",
                "Exit 0 when every check passed, 1 otherwise."})
public final class CheckServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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
    SecretSource secret;

    static final class SecretSource {
        @Option(names = "--client-secret", paramLabel = "SECRET", description = "the API client secret (visible to other users in ps; prefer --client-secret-file)")
        String value;

        @Option(names = "--client-secret-file", paramLabel = "FILE")
        Path file;
    }

    @Option(names = "--basic", description = "use HTTP Basic instead of OAuth2 client credentials")
    boolean basic;

    @Option(names = "--card", paramLabel = "N", description = "a test patron's card number (with --password)")
    String card;

    @Option(names = "--password", paramLabel = "P", description = "the test patron's password", interactive = true, arity = "0..1")
    String password;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    private final Clock clock;

    public CheckServerCommand() {
        this(Clock.systemDefaultZone());
    }

    CheckServerCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ServerSettings> settings = settings(err);
        if (settings.isEmpty()) {
            return KioskCtl.EXIT_INVALID;
        }
        if ((card == null) != (password == null)) {
            err.println("--card and --password go together");
            return KioskCtl.EXIT_INVALID;
        }
        Optional<ServerCheck.TestCard> testCard = card == null ? Optional.empty() : Optional.of(new ServerCheck.TestCard(card, password));
        List<Check> checks = new ServerCheck(clock).run(settings.get(), testCard);
        print(checks, spec.commandLine().getOut());
        return CheckReport.allPassed(checks) ? 0 : 1;
    }

    private Optional<ServerSettings> settings(PrintWriter err) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            err.println("--url: expected an https:// URL with a host name, found \"" + url + "\"");
            return Optional.empty();
        }
        String secretValue = secret.value != null ? secret.value : Files.readString(secret.file, StandardCharsets.UTF_8).strip();
        return Optional.of(new ServerSettings(uri, trust.pins == null ? List.of() : trust.pins, Optional.ofNullable(trust.caFile),
                basic ? ServerSettings.AuthMethod.BASIC : ServerSettings.AuthMethod.OAUTH2, clientId, new Secret(secretValue),
                ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT));
    }

    private void print(List<Check> checks, PrintWriter out) throws IOException {
        if (json) {
            CheckReport.printJson(checks, out);
        } else {
            CheckReport.printText(checks, out);
        }
    }
}

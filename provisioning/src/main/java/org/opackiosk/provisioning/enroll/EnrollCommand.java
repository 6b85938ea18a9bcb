package org.opackiosk.provisioning.enroll;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.circulation.tls.PublicKeyPin;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.check.Check;
import org.opackiosk.provisioning.check.CheckReport;
import org.opackiosk.provisioning.check.ServerCheck;
import org.opackiosk.provisioning.cli.ClientSecretOptions;
import org.opackiosk.provisioning.cli.ServerConnectionOptions;
import org.opackiosk.provisioning.cli.Terminal;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "enroll",
        description = {"Enroll this kiosk with the library's circulation server.",
                "Checks the server exactly as check-server does, then writes the configuration (group-readable by the kiosk",
                "only) and the client secret (readable by the kiosk's user only). Enrolling again updates the same file in",
                "place and says what changed.",
                "Exit 0 when enrolled, 1 when a check failed or the key was not confirmed (nothing written), 2 for bad input."})
public final class EnrollCommand implements Callable<Integer> {

    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_-]{1,10}");

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "the server, e.g. https://koha.example.jp")
    String server;

    @Option(names = "--client-id", required = true, paramLabel = "ID", description = "this kiosk's API client id")
    String clientId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ClientSecretOptions secret;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Trust trust;

    static final class Trust {
        @Option(names = "--pin", paramLabel = "PIN", description = "sha256/BASE64 public-key pin of the server (repeat for backups)")
        List<String> pins;

        @Option(names = "--ca", paramLabel = "FILE", description = "PEM file of the CA that signs the server's certificate (copied beside the configuration)")
        Path caFile;

        @Option(names = "--trust-on-first-use", description = "show the server's key pin and trust it once you confirm it")
        boolean firstUse;
    }

    @Option(names = "--branch", required = true, paramLabel = "CODE", description = "the branch this kiosk stands in (Koha library_id)")
    String branch;

    @Option(names = "--library-name", paramLabel = "NAME",
            description = "the library's name as patrons see it (default: kept; for a new file the branch's name on the server)")
    String libraryName;

    @Option(names = "--card-profile", paramLabel = "NAME", description = "the library's card-number profile (see docs/configuration.md)")
    String cardProfile;

    @Option(names = "--config", paramLabel = "FILE", description = "the configuration file (default: ${DEFAULT-VALUE})",
            defaultValue = "/etc/opac-kiosk/kiosk.toml")
    Path config;

    /** Seams for tests; chosen from the process when left null. */
    Terminal terminal;
    FileOwnership ownership;

    private final Clock clock;

    public EnrollCommand() {
        this(Clock.systemDefaultZone());
    }

    EnrollCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<URI> url = ServerConnectionOptions.httpsUrl("--server", server, err);
        if (url.isEmpty()) {
            return KioskCtl.EXIT_INVALID;
        }
        if (!BRANCH.matcher(branch).matches()) {
            err.println("--branch: expected 1–10 letters, digits, '-' or '_' (Koha library_id), found \"" + branch + "\"");
            return KioskCtl.EXIT_INVALID;
        }
        Secret clientSecret = secret.secret();

        List<String> pins = trust.pins == null ? List.of() : trust.pins;
        if (trust.firstUse) {
            Optional<String> confirmed = confirmFirstUse(url.get(), out);
            if (confirmed.isEmpty()) {
                out.println("Not enrolled: the server's key was not confirmed. Nothing was written.");
                return 1;
            }
            pins = List.of(confirmed.get());
        }
        ServerSettings settings = new ServerSettings(url.get(), pins, Optional.ofNullable(trust.caFile), ServerSettings.AuthMethod.OAUTH2,
                clientId, clientSecret, ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT);

        List<Check> checks = new ArrayList<>(new ServerCheck(clock).run(settings, Optional.empty()));
        Optional<Library> library = Optional.empty();
        if (CheckReport.allPassed(checks)) {
            library = branch(settings, checks);
        }
        CheckReport.printText(checks, out);
        if (!CheckReport.allPassed(checks)) {
            out.println("Not enrolled: nothing was written.");
            return 1;
        }

        Enrollment.Trust trusted = trust.caFile != null ? new Enrollment.Trust.CaFile(trust.caFile) : new Enrollment.Trust.Pins(pins);
        Enrollment enrollment = new Enrollment(config, ownership != null ? ownership : FileOwnership.forCurrentUser());
        Enrollment.Outcome outcome;
        try {
            outcome = enrollment.apply(new Enrollment.Request(url.get(), trusted, clientId, clientSecret, branch,
                    Optional.ofNullable(libraryName), library.map(Library::name), Optional.ofNullable(cardProfile)));
        } catch (Enrollment.InvalidResult e) {
            err.println("Not enrolled: the configuration would be invalid. Nothing was written.");
            e.problems().forEach(err::println);
            return KioskCtl.EXIT_INVALID;
        } catch (AccessDeniedException e) {
            err.println("Not enrolled: no permission to write " + e.getFile() + ". Run it as root: sudo kioskctl enroll …");
            return 1;
        } catch (IOException e) {
            err.println("Not enrolled: " + e.getMessage());
            return 1;
        }
        report(outcome, out);
        return 0;
    }

    /** Shows the key the server presents and returns its pin when the technician types yes. */
    private Optional<String> confirmFirstUse(URI url, PrintWriter out) {
        Optional<X509Certificate> cert = ServerCheck.presentedCertificate(url);
        if (cert.isEmpty()) {
            out.println("FAIL TLS: " + url + " did not present a certificate. Check the address and that the server is up.");
            return Optional.empty();
        }
        X509Certificate c = cert.get();
        String pin = PublicKeyPin.pinOf(c);
        out.println("Trust on first use: the server " + url + " presents this key.");
        out.println("  key pin      " + pin);
        out.println("  certificate  " + c.getSubjectX500Principal().getName() + ", issued by " + c.getIssuerX500Principal().getName()
                + ", valid until " + c.getNotAfter().toInstant());
        out.println("Compare the pin with the one the server's administrator gives you, e.g. from the server's certificate:");
        out.println("  openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64");
        Terminal t = terminal != null ? terminal : Terminal.system();
        Optional<String> answer = t.readLine(out, "Is this the library's server? Type yes to trust this key: ");
        return answer.map(a -> a.strip().toLowerCase(Locale.ROOT)).filter("yes"::equals).map(a -> pin);
    }

    /** The "branch" check: the branch code is one of the server's libraries; its name goes into the configuration. */
    private Optional<Library> branch(ServerSettings settings, List<Check> checks) {
        try (KohaCirculationService koha = new KohaCirculationService(settings, clock)) {
            if (!(koha.libraries() instanceof CallResult.Ok<List<Library>> ok)) {
                checks.add(Check.fail("branch", "the server's libraries could not be read again", "Try again."));
                return Optional.empty();
            }
            Optional<Library> match = ok.value().stream().filter(l -> l.id().equals(branch)).findFirst();
            if (match.isEmpty()) {
                checks.add(Check.fail("branch", branch + " is not one of the server's libraries ("
                                + ok.value().stream().map(Library::id).collect(Collectors.joining(", ")) + ")",
                        "Give --branch the library_id of the branch this kiosk stands in, exactly as the server spells it."));
            } else {
                checks.add(Check.pass("branch", branch + " is 「" + match.get().name() + "」"));
            }
            return match;
        }
    }

    private void report(Enrollment.Outcome outcome, PrintWriter out) {
        if (outcome.changes().isEmpty()) {
            out.println("Already enrolled this way: " + outcome.configFile() + " is unchanged.");
            return;
        }
        out.println((outcome.created() ? "Enrolled: wrote " : "Enrolled: updated ") + outcome.configFile()
                + " (mode 0640, group " + Enrollment.KIOSK_GROUP + ") and " + outcome.secretFile()
                + " (mode 0400, user " + Enrollment.KIOSK_USER + ").");
        if (!outcome.created()) {
            out.println("What changed:");
        }
        outcome.changes().forEach(c -> out.println("  " + c));
        out.println("Next: sudo systemctl restart opac-kiosk   (then: sudo kioskctl doctor)");
    }
}

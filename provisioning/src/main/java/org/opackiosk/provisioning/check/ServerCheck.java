package org.opackiosk.provisioning.check;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.circulation.tls.PublicKeyPin;
import org.opackiosk.circulation.tls.TlsProbe;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.RefusalMessages;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.privacy.CardNumbers;

/**
 * What a technician checks against a circulation server before enrolling a kiosk: TLS and pin,
 * token, libraries, a catalogue page and, with a test card, login and the patron's account.
 * Read-only: nothing on the server changes (password validation is a check, not a change).
 */
public final class ServerCheck {

    /** A test patron to log in as; the password is used once and never stored or printed. */
    public record TestCard(String cardNumber, String password) {
        @Override
        public String toString() {
            return "TestCard[" + CardNumbers.mask(cardNumber) + "]";
        }
    }

    private final Clock clock;

    public ServerCheck(Clock clock) {
        this.clock = clock;
    }

    /** Runs every check in order; later checks that cannot mean anything after a failure are skipped. */
    public List<Check> run(ServerSettings settings, Optional<TestCard> card) {
        List<Check> checks = new ArrayList<>();
        Check tls = tls(settings);
        checks.add(tls);
        if (!tls.passed()) {
            return checks;
        }
        try (KohaCirculationService koha = new KohaCirculationService(settings, clock)) {
            Check token = token(koha);
            checks.add(token);
            checks.add(libraries(koha));
            if (!token.passed()) {
                return checks;
            }
            checks.add(catalogue(koha));
            card.ifPresent(c -> checks.addAll(patron(koha, c)));
        }
        return checks;
    }

    /**
     * The certificate the server at {@code url} presents, without trusting it (trust on first use: a
     * person compares its pin before the checks run with that pin). Empty when nothing answers TLS.
     */
    public static Optional<X509Certificate> presentedCertificate(URI url) {
        return TlsProbe.presentedCertificate(url, ServerSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    private Check tls(ServerSettings settings) {
        TlsProbe.Outcome outcome = TlsProbe.probe(settings);
        String trust = settings.pins().isEmpty() ? "CA file " + settings.caFile().orElseThrow() : settings.pins().size() + " pin(s)";
        if (outcome.failure().isPresent()) {
            String seen = outcome.leaf().map(c -> " The server presented the key pin " + PublicKeyPin.pinOf(c)
                    + " (certificate for " + c.getSubjectX500Principal().getName() + ", valid until " + c.getNotAfter().toInstant() + ").").orElse("");
            return Check.fail("TLS", "handshake with " + settings.url() + " failed: " + outcome.failure().get() + "." + seen,
                    outcome.leaf().isPresent()
                            ? "If this is the right server, put its pin in server.pins (keep the old one as a backup while keys rotate); if not, find out who answers at this address."
                            : "Check the address and port, that the server is up, and that a firewall lets this box reach it.");
        }
        X509Certificate leaf = outcome.leaf().orElseThrow();
        long days = TlsProbe.daysLeft(leaf, clock);
        String detail = "handshake OK with " + trust + "; key pin " + PublicKeyPin.pinOf(leaf) + "; certificate valid for " + days + " more days";
        if (days < 30) {
            return Check.fail("TLS", detail, "Renew the server's certificate soon (keeping the same key keeps the pin).");
        }
        return Check.pass("TLS", detail);
    }

    private Check token(KohaCirculationService koha) {
        return switch (koha.cataloguePage(Optional.empty(), 1, 1)) {
            case CallResult.Ok<CataloguePage> ok -> Check.pass("token", "the API client's credentials were accepted");
            case CallResult.Refused<CataloguePage> r -> Check.fail("token", "the server refused the API client (" + r.reason().code() + ")",
                    "Check server.client_id and the client secret; in Koha enable RESTOAuth2ClientCredentials (or RESTBasicAuth with auth = \"basic\") and give the API key's patron the permissions listed in the README.");
            case CallResult.Unreachable<CataloguePage> u -> Check.fail("token", "no usable answer: " + u.detail(),
                    "Check that the server's REST API is enabled (Koha: RESTOAuth2ClientCredentials) and answering.");
            case CallResult.Ambiguous<CataloguePage> a -> Check.fail("token", "no answer: " + a.detail(), "Try again; check the server's load.");
        };
    }

    private Check libraries(KohaCirculationService koha) {
        return switch (koha.libraries()) {
            case CallResult.Ok<List<Library>> ok -> {
                long pickup = ok.value().stream().filter(Library::pickupLocation).count();
                yield ok.value().isEmpty()
                        ? Check.fail("libraries", "the server lists no libraries", "Create the library's branches in the ILS.")
                        : Check.pass("libraries", ok.value().size() + " libraries, " + pickup + " of them pickup locations");
            }
            case CallResult.Refused<List<Library>> r -> Check.fail("libraries", "refused (" + r.reason().code() + ")", "Check the ILS's public API settings (Koha: RESTPublicAPI).");
            case CallResult.Unreachable<List<Library>> u -> Check.fail("libraries", "no usable answer: " + u.detail(), "Check that GET /api/v1/public/libraries answers.");
            case CallResult.Ambiguous<List<Library>> a -> Check.fail("libraries", "no answer: " + a.detail(), "Try again.");
        };
    }

    private Check catalogue(KohaCirculationService koha) {
        return switch (koha.cataloguePage(Optional.empty(), 1, 20)) {
            case CallResult.Ok<CataloguePage> ok -> ok.value().records().isEmpty()
                    ? Check.fail("catalogue", "the catalogue is empty", "Load the catalogue into the ILS before enrolling kiosks.")
                    : Check.pass("catalogue", ok.value().totalCount() + " records; the first is 「" + ok.value().records().get(0).title() + "」");
            case CallResult.Refused<CataloguePage> r -> Check.fail("catalogue", "refused (" + r.reason().code() + ")", "Give the API key's patron the 'catalogue' permission.");
            case CallResult.Unreachable<CataloguePage> u -> Check.fail("catalogue", "no usable answer: " + u.detail(), "Check GET /api/v1/biblios on the server.");
            case CallResult.Ambiguous<CataloguePage> a -> Check.fail("catalogue", "no answer: " + a.detail(), "Try again.");
        };
    }

    private List<Check> patron(KohaCirculationService koha, TestCard card) {
        String masked = CardNumbers.mask(card.cardNumber());
        List<Check> checks = new ArrayList<>();
        CallResult<PatronId> login = koha.authenticate(card.cardNumber(), card.password());
        if (!(login instanceof CallResult.Ok<PatronId> ok)) {
            checks.add(Check.fail("login", "card " + masked + ": " + describe(login),
                    "Check the card number and password; the API key's patron needs borrowers: api_validate_password."));
            return checks;
        }
        checks.add(Check.pass("login", "card " + masked + " logged in"));
        PatronId id = ok.value();
        CallResult<PatronSummary> summary = koha.patronSummary(id);
        checks.add(summary instanceof CallResult.Ok<PatronSummary> s
                ? Check.pass("patron", "card " + masked + ": expires " + s.value().expiryDate()
                        + (s.value().restriction().isPresent() ? ", suspended" : "") + ", " + s.value().notices().size() + " notice(s)")
                : Check.fail("patron", describe(summary), "The API key's patron needs borrowers: list_borrowers."));
        CallResult<List<Loan>> loans = koha.loans(id);
        CallResult<List<Hold>> holds = koha.holds(id);
        if (loans instanceof CallResult.Ok<List<Loan>> l && holds instanceof CallResult.Ok<List<Hold>> h) {
            checks.add(Check.pass("loans and holds", l.value().size() + " loan(s), " + h.value().size() + " hold(s)"));
        } else {
            checks.add(Check.fail("loans and holds", "loans: " + describe(loans) + "; holds: " + describe(holds),
                    "The API key's patron needs circulate_remaining_permissions and reserveforothers."));
        }
        return checks;
    }

    private static String describe(CallResult<?> result) {
        return switch (result) {
            case CallResult.Ok<?> ok -> "OK";
            case CallResult.Refused<?> r -> RefusalMessages.text(r.reason(), Locale.ENGLISH) + " (" + r.reason().code() + ")";
            case CallResult.Unreachable<?> u -> "no usable answer: " + u.detail();
            case CallResult.Ambiguous<?> a -> "no answer: " + a.detail();
        };
    }
}

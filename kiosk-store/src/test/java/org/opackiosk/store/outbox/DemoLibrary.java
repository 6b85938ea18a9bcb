package org.opackiosk.store.outbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoRecord;
import org.opackiosk.demo.circulation.CirculationRules;
import org.opackiosk.demo.tls.ServerIdentity;
import org.opackiosk.demo.tls.ServerIdentityStore;

/**
 * The real demo server for the outbox's integration tests, with rules that let a few patrons hold
 * hundreds of records (the default hold limit of 10 would make most operations refusals), and the
 * (card, record) pairs that can be held: ordinary patrons, holdable records they neither hold nor
 * have on loan. Counting goes through the kiosk's own port.
 */
final class DemoLibrary implements AutoCloseable {

    /** Demo patrons without restrictions (README: ordinary, e-mail or phone, child, visitor, heavy reader). */
    static final List<String> CARDS = List.of("01000001", "01000002", "01000003", "01000004", "01000008",
            "01000012", "01000013", "01000015", "01000016", "01000019");

    final DemoServer server;
    final KohaCirculationService port;
    private final List<String[]> freshPairs = new ArrayList<>();
    private final AtomicInteger nextFreshPair = new AtomicInteger();

    private DemoLibrary(DemoServer server) {
        this.server = server;
        this.port = new KohaCirculationService(settings(), Clock.systemUTC());
    }

    static DemoLibrary start(Path dataDir) throws IOException {
        return start(dataDir, 0);
    }

    /** The library with {@code freshPairs} holdable pairs set aside for {@link #freshPair()}. */
    static DemoLibrary start(Path dataDir, int freshPairs) throws IOException {
        CirculationRules d = CirculationRules.defaults();
        CirculationRules generous = new CirculationRules(100_000, 100_000, false, d.maxRenewals(), d.renewalDays(),
                d.pickupDays(), d.oldHoldsDays(), d.passwordMinLength(), d.passwordMaxLength(),
                d.passwordLettersAndDigitsOnly(), d.passwordRequireStrong(), d.identityCheckMaxFailures());
        DemoLibrary library = new DemoLibrary(DemoServer.start(DemoServerOptions.defaults(dataDir).withRules(generous)));
        try {
            if (freshPairs > 0) {
                library.freshPairs.addAll(library.holdablePairs(freshPairs));
            }
            return library;
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    /** The next pair set aside at the start, each handed out once: no two operations of a test share one. */
    String[] freshPair() {
        return freshPairs.get(nextFreshPair.getAndIncrement());
    }

    ServerSettings settings() {
        return settingsVia(server.baseUrl(), ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
    }

    /** This server's pin and credentials at another address (a proxy in front of it), with other timeouts. */
    ServerSettings settingsVia(URI url, Duration connectTimeout, Duration responseTimeout) {
        return new ServerSettings(url, List.of(server.pin()), Optional.empty(), ServerSettings.AuthMethod.OAUTH2,
                server.clientId(), new Secret(server.clientSecret()), connectTimeout, responseTimeout);
    }

    /** The server's key and certificate, for a proxy that must look exactly like it. */
    ServerIdentity identity() throws IOException {
        return new ServerIdentityStore(Clock.systemUTC()).loadOrCreate(server.dataDir());
    }

    /** The child JVM's arguments for this server. */
    List<String> childArgs() {
        return List.of(server.baseUrl().toString(), server.pin(), server.clientId(), server.clientSecret());
    }

    PatronId patron(String card) {
        return ok(port.findPatron(card));
    }

    List<Hold> holds(String card) {
        return ok(port.holds(patron(card)));
    }

    /** Up to {@code n} (card, record) pairs that can be held now, patrons taking turns. */
    List<String[]> holdablePairs(int n) {
        List<String> records = DemoCatalogue.load().records().stream().filter(DemoRecord::holdable)
                .map(r -> String.valueOf(r.number())).toList();
        List<Set<String>> taken = new ArrayList<>();
        for (String card : CARDS) {
            Set<String> busy = new HashSet<>();
            holds(card).forEach(h -> busy.add(h.recordId()));
            ok(port.loans(patron(card))).stream().map(Loan::recordId).forEach(busy::add);
            taken.add(busy);
        }
        List<String[]> pairs = new ArrayList<>();
        for (int r = 0; r < records.size() && pairs.size() < n; r++) {
            for (int c = 0; c < CARDS.size() && pairs.size() < n; c++) {
                if (!taken.get(c).contains(records.get(r))) {
                    pairs.add(new String[] {CARDS.get(c), records.get(r)});
                }
            }
        }
        if (pairs.size() < n) {
            throw new IllegalStateException("the demo library has only " + pairs.size() + " holdable pairs");
        }
        return pairs;
    }

    static <T> T ok(CallResult<T> result) {
        if (result instanceof CallResult.Ok<T> ok) {
            return ok.value();
        }
        throw new AssertionError("the demo server did not answer: " + result);
    }

    @Override
    public void close() {
        port.close();
        server.close();
    }
}

package org.opackiosk.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.opackiosk.demo.auth.ApiKey;
import org.opackiosk.demo.auth.ApiKeyRepository;
import org.opackiosk.demo.auth.ClientAuthentication;
import org.opackiosk.demo.auth.OAuthRoutes;
import org.opackiosk.demo.admin.AdminRoutes;
import org.opackiosk.demo.auth.TokenService;
import org.opackiosk.demo.biblios.BiblioRepository;
import org.opackiosk.demo.biblios.BiblioRoutes;
import org.opackiosk.demo.biblios.MarcMapping;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoPatron;
import org.opackiosk.demo.checkouts.CheckoutRepository;
import org.opackiosk.demo.checkouts.CheckoutRoutes;
import org.opackiosk.demo.circulation.Circulation;
import org.opackiosk.demo.circulation.CirculationRules;
import org.opackiosk.demo.contrib.ContribRoutes;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.holds.HoldRepository;
import org.opackiosk.demo.holds.HoldRoutes;
import org.opackiosk.demo.http.RequestRecorder;
import org.opackiosk.demo.http.ApiServer;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.items.ItemRepository;
import org.opackiosk.demo.items.ItemRoutes;
import org.opackiosk.demo.libraries.LibraryRepository;
import org.opackiosk.demo.libraries.LibraryRoutes;
import org.opackiosk.demo.mail.Mailer;
import org.opackiosk.demo.patrons.PasswordPolicy;
import org.opackiosk.demo.patrons.Patron;
import org.opackiosk.demo.patrons.PatronRepository;
import org.opackiosk.demo.patrons.PatronRoutes;
import org.opackiosk.demo.seed.DemoPatronsFile;
import org.opackiosk.demo.seed.DemoSeeder;
import org.opackiosk.demo.support.MovableClock;
import org.opackiosk.demo.tls.ServerIdentity;
import org.opackiosk.demo.tls.ServerIdentityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Koha-compatible circulation server over HTTPS on 127.0.0.1, backed by H2, seeded with the demo
 * catalogue: what the kiosk embeds in demo mode and what integration tests run against.
 *
 * <p>{@link #start} on a fresh data directory generates the certificate, the API client and the
 * database; on an existing one it reuses them, so the pin and the secret stay the same. It writes
 * {@code connection.json} and {@code demo-patrons.json} into the data directory every time.
 *
 * <p>Thread-safe. {@link #close()} stops the server and releases the database; it is idempotent.
 * Only one server may use a data directory at a time (the database file is locked).
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
    private static final int DATABASE_CONNECTIONS = 12;

    private final ApiServer http;
    private final Database database;
    private final TokenService tokens;
    private final ServerIdentity identity;
    private final ApiKey apiKey;
    private final Path dataDir;
    private final MovableClock clock;
    private final Circulation circulation;
    private final RequestRecorder recorder;
    private boolean closed;

    private DemoServer(ApiServer http, Database database, TokenService tokens, ServerIdentity identity, ApiKey apiKey,
                       Path dataDir, MovableClock clock, Circulation circulation, RequestRecorder recorder) {
        this.http = http;
        this.database = database;
        this.tokens = tokens;
        this.identity = identity;
        this.apiKey = apiKey;
        this.dataDir = dataDir;
        this.clock = clock;
        this.circulation = circulation;
        this.recorder = recorder;
    }

    /**
     * Starts a server on {@code options}; blocks until it answers.
     *
     * @throws IOException when the data directory cannot be used (not writable, held by another server)
     *                     or the port is taken
     */
    public static DemoServer start(DemoServerOptions options) throws IOException {
        Path dataDir = options.dataDir();
        Files.createDirectories(dataDir);
        // seeding uses the real clock, everything else the moved one: --clock-offset P8D is "8 days after seeding"
        MovableClock clock = new MovableClock(options.clock(), options.clockOffset());
        ZoneId zone = clock.getZone();
        CirculationRules rules = options.rules() != null ? options.rules() : CirculationRules.load(dataDir);
        ServerIdentity identity = new ServerIdentityStore(Clock.systemUTC()).loadOrCreate(dataDir);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Database database = Database.open(dataDir, DATABASE_CONNECTIONS);
            opened.add(database);
            DemoCatalogue catalogue = DemoCatalogue.load();
            new DemoSeeder().seedIfEmpty(database, catalogue, options.clock());
            ApiKeyRepository keys = new ApiKeyRepository();
            ApiKey apiKey = database.transaction(connection -> keys.firstOrCreate(connection, clock.instant()));

            TokenService tokens = new TokenService(clock, options.tokenLifetime());
            ClientAuthentication authentication = new ClientAuthentication(tokens, database, keys);
            Circulation circulation = new Circulation(database, rules, clock, new Mailer(dataDir, clock));
            circulation.maintainIfNewDay();
            RequestRecorder recorder = null;
            if (options.recordFile() != null) {
                recorder = RequestRecorder.open(options.recordFile(), clock);
                opened.add(recorder);
            }
            Router router = routes(database, tokens, authentication, clock);
            PasswordPolicy policy = new PasswordPolicy(rules);
            HoldRoutes holdRoutes = new HoldRoutes(database, circulation);
            holdRoutes.register(router);
            new PatronRoutes(database, circulation, policy, new Mailer(dataDir, clock), authentication,
                    options.kohaVersion()).register(router);
            new CheckoutRoutes(database, circulation).register(router);
            new ContribRoutes(database, circulation, policy, holdRoutes).register(router);
            new AdminRoutes(database, circulation, clock, holdRoutes).register(router);
            ApiServer http = ApiServer.start(options.port(), identity.serverContext(), router, authentication,
                    recorder, circulation::maintainIfNewDay);
            opened.add(http);

            DemoServer server = new DemoServer(http, database, tokens, identity, apiKey, dataDir, clock, circulation,
                    recorder);
            ConnectionFile.write(dataDir, server.baseUrl(), server.pin(), apiKey.clientId(), apiKey.secret());
            DemoPatronsFile.write(dataDir, presentPatrons(database, catalogue));
            LOG.info("Demo server listening on {} (pin {})", server.baseUrl(), server.pin());
            return server;
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable resource : opened.reversed()) {
                try {
                    resource.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static Router routes(Database database, TokenService tokens, ClientAuthentication authentication,
                                 Clock clock) {
        ZoneId zone = clock.getZone();
        LibraryRepository libraries = new LibraryRepository();
        BiblioRepository biblios = new BiblioRepository();
        ItemRepository items = new ItemRepository();
        CheckoutRepository checkouts = new CheckoutRepository();
        HoldRepository holds = new HoldRepository();
        Router router = new Router();
        new OAuthRoutes(tokens, authentication).register(router);
        new LibraryRoutes(database, libraries, zone).register(router);
        new BiblioRoutes(database, biblios, new MarcMapping(), clock).register(router);
        new ItemRoutes(database, biblios, items, checkouts, holds, libraries, zone).register(router);
        return router;
    }

    /** The demo patrons still in the database (an imported catalogue keeps them), in catalogue order. */
    private static List<DemoPatron> presentPatrons(Database database, DemoCatalogue catalogue) {
        PatronRepository patrons = new PatronRepository();
        List<String> cards = database.read(connection -> patrons.all(connection).stream()
                .map(Patron::cardnumber).toList());
        return catalogue.patrons().stream().filter(p -> cards.contains(p.cardNumber())).toList();
    }

    /** {@code https://127.0.0.1:PORT}; the API is under {@code /api/v1/}. */
    public URI baseUrl() {
        return http.baseUri();
    }

    public int port() {
        return http.port();
    }

    /** {@code sha256/BASE64} of the certificate's SubjectPublicKeyInfo. */
    public String pin() {
        return identity.pin();
    }

    public String clientId() {
        return apiKey.clientId();
    }

    public String clientSecret() {
        return apiKey.secret();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's clock; {@link MovableClock#setOffset} moves it as {@code POST /admin/clock} does. */
    public MovableClock clock() {
        return clock;
    }

    /** Where patron mail is written ({@code DIR/mail}). */
    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    /** Deletes a record and its copies as a cataloguer would ({@code POST /admin/biblio_deletion}); false when there is none. */
    public boolean deleteRecord(int biblioId) {
        return database.transaction(connection -> new BiblioRepository().delete(connection, biblioId, clock.instant()));
    }

    /** Changes a record's title as a cataloguer would ({@code POST /admin/biblio_edit}); false when there is none. */
    public boolean retitleRecord(int biblioId, String title) {
        return database.transaction(connection -> new BiblioRepository().retitle(connection, biblioId, title, clock.instant()));
    }

    /** Every access token issued so far answers 401 from now on; new ones can be asked for. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.close();
        if (recorder != null) {
            recorder.close();
        }
        database.close();
        LOG.info("Demo server on port {} stopped", http.port());
    }
}

package org.opackiosk.circulation.koha;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.opackiosk.circulation.tls.ServerTls;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.ServerSettings;

/**
 * The kiosk's client of a Koha server's REST API ({@code /api/v1}), over HTTPS with pinned TLS (or one
 * CA file; see {@link ServerTls}).
 *
 * <p><b>Authentication:</b> OAuth2 client credentials — a token is fetched from {@code /api/v1/oauth/token}
 * and kept until shortly before it expires (by the injected {@link Clock}); when the server answers 401 the
 * token is dropped, fetched once more and the request sent once more; a second 401 is
 * {@code Refused(authentication_failed)}. Or HTTP Basic with the client id and secret. Public routes
 * ({@code /public/...}) are sent without credentials.
 *
 * <p><b>Results:</b> nothing throws for what the server or the network does. No connection, a TLS
 * failure (pin, expiry, host name), a timeout, a 5xx, or an answer that is not the JSON expected (wrong
 * Content-Type, malformed, truncated, nested deeper than 1,000 levels, larger than 20 MB) is
 * {@code Unreachable}; reads are repeated up to twice with jittered backoff first. A 4xx with Koha's
 * {@code error_code} is {@code Refused(code, "refusal." + code)} ({@code refusal.generic} for codes the
 * kiosk has no sentence for); 404 is {@code Refused(not_found)}. Each failure is logged once, without
 * secrets, tokens or card numbers.
 *
 * <p><b>Threads:</b> thread-safe; one pooled connection manager serves all callers. Every method blocks on
 * the network (never call it on the FX thread) for at most about three times connect + response timeout.
 * {@link #close()} releases the connections; calls after it return {@code Unreachable}.
 */
public final class KohaCirculationService implements CirculationService, AutoCloseable {

    private static final DateTimeFormatter KOHA_LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final KohaTransport transport;
    private final ZoneId zone;
    private final Duration probeTimeout;

    /**
     * @param settings the server, its trust (pins or CA file), credentials and timeouts
     * @param clock    the kiosk's clock: token expiry, and the time zone Koha's local timestamps are read in
     *                 (the kiosk and its server are assumed to share one, as Japanese libraries do)
     * @throws IllegalArgumentException when a pin is malformed, the CA file is unusable or the URL is not https
     */
    public KohaCirculationService(ServerSettings settings, Clock clock) {
        this(settings, clock, KohaOptions.defaults());
    }

    /** Visible for tests: the seams of {@link KohaOptions} (body limit, retries, backoff, sleeper, probe timeout). */
    KohaCirculationService(ServerSettings settings, Clock clock, KohaOptions options) {
        Objects.requireNonNull(clock, "clock");
        this.transport = new KohaTransport(settings, clock, options, ServerTls.sslContext(settings));
        this.zone = clock.getZone();
        this.probeTimeout = options.probeTimeout().compareTo(settings.responseTimeout()) < 0
                ? options.probeTimeout() : settings.responseTimeout();
    }

    /** {@code GET /api/v1/public/libraries}, without credentials. */
    @Override
    public CallResult<List<Library>> libraries() {
        return transport.call(librariesRequest(), answer -> KohaJson.libraries(answer.body()));
    }

    /**
     * {@code GET /api/v1/biblios?_page=&_per_page=&_order_by=+biblio_id}, plus
     * {@code q={"timestamp":{">":"<local date-time>"}}} when {@code changedSince} is given (rounded down to
     * the second, so nothing is missed). The total comes from {@code X-Total-Count}.
     *
     * @throws IllegalArgumentException when {@code page} or {@code perPage} is below 1
     */
    @Override
    public CallResult<CataloguePage> cataloguePage(Optional<Instant> changedSince, int page, int perPage) {
        if (page < 1 || perPage < 1) {
            throw new IllegalArgumentException("page and perPage start at 1 (got " + page + ", " + perPage + ")");
        }
        KohaRequest request = KohaRequest.read("api", "v1", "biblios")
                .withQuery("_page", Integer.toString(page))
                .withQuery("_per_page", Integer.toString(perPage))
                .withQuery("_order_by", "+biblio_id");
        if (changedSince.isPresent()) {
            LocalDateTime since = LocalDateTime.ofInstant(changedSince.get(), zone).truncatedTo(ChronoUnit.SECONDS);
            request = request.withQuery("q", "{\"timestamp\":{\">\":\"" + KOHA_LOCAL_DATE_TIME.format(since) + "\"}}");
        }
        return transport.call(request, answer -> {
            List<CatalogueRecord> records = KohaJson.biblios(answer.body(), zone);
            return new CataloguePage(records, page, perPage, totalCount(answer, page, perPage, records.size()));
        });
    }

    /** {@code GET /api/v1/biblios/{id}}; 404 is {@code Refused(not_found)}. */
    @Override
    public CallResult<CatalogueRecord> record(String recordId) {
        requireId(recordId);
        return transport.call(KohaRequest.read("api", "v1", "biblios", recordId),
                answer -> KohaJson.biblio(answer.body(), zone));
    }

    /** {@code GET /api/v1/biblios/{id}/items} with {@code x-koha-embed: checkout}, so each loaned item has its due date. */
    @Override
    public CallResult<List<Item>> items(String recordId) {
        requireId(recordId);
        return transport.call(KohaRequest.read("api", "v1", "biblios", recordId, "items").withHeader("x-koha-embed", "checkout"),
                answer -> KohaJson.items(answer.body()));
    }

    /**
     * The connectivity probe for {@code ConnectivityMonitor}: one {@code GET /api/v1/public/libraries}
     * without credentials, without retries, with a short response timeout (3 s, or the configured one if
     * shorter). True when the server answered 2xx with a JSON list of libraries through a trusted TLS
     * connection. Never throws; blocks for at most connect timeout + probe timeout; failures are logged at
     * debug level only, since the monitor logs every change of state. Thread-safe.
     */
    public boolean reachable() {
        return transport.call(librariesRequest().asProbe(probeTimeout), answer -> KohaJson.libraries(answer.body())).isOk();
    }

    /** Closes the pooled connections. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    private static KohaRequest librariesRequest() {
        return KohaRequest.read("api", "v1", "public", "libraries").withoutAuthentication();
    }

    private static void requireId(String recordId) {
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("a record id is needed");
        }
    }

    /**
     * Koha sends {@code X-Total-Count}. Without it (a proxy dropped it), a short page is the last one and a
     * full page means "at least one more", so a sync still walks every page.
     */
    private static long totalCount(KohaTransport.Answer answer, int page, int perPage, int received) throws MalformedResponseException {
        Optional<String> header = answer.header("X-Total-Count");
        if (header.isEmpty()) {
            long before = (long) (page - 1) * perPage;
            return received < perPage ? before + received : before + received + 1;
        }
        try {
            long total = Long.parseLong(header.get().strip());
            if (total < 0) {
                throw new MalformedResponseException("negative X-Total-Count");
            }
            return total;
        } catch (NumberFormatException e) {
            throw new MalformedResponseException("X-Total-Count is not a number: " + header.get(), e);
        }
    }
}

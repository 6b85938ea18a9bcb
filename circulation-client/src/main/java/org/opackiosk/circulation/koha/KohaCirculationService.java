package org.opackiosk.circulation.koha;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opackiosk.circulation.tls.ServerTls;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.holds.HoldStatus;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.IdentityCheck;
import org.opackiosk.core.patron.Notice;
import org.opackiosk.core.patron.Notices;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.patron.SuspensionCategory;
import org.opackiosk.core.privacy.CardNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p><b>Circulation:</b> each port method's javadoc names the Koha routes it sends. Reads may be retried;
 * every mutation ({@code POST /holds}, renewals, cancellations, password and e-mail changes, the kiosk's
 * contrib writes) is sent at most once and is {@code Ambiguous} without an answer. The two password checks
 * ({@code /auth/password/validation}, the contrib identity check) change nothing the patron relies on: no
 * answer is {@code Unreachable}, and neither is retried. Ids are Koha's integers: a non-numeric id is
 * {@code Refused(not_found)} without a request. Extensions under {@code /api/v1/contrib/opackiosk/} are used only
 * when {@link #capabilities()} lists them. Card numbers are logged masked; passwords and request bodies never.
 *
 * <p><b>Threads:</b> thread-safe; one pooled connection manager serves all callers. Every method blocks on
 * the network (never call it on the FX thread) for at most about three times connect + response timeout.
 * {@link #close()} releases the connections; calls after it return {@code Unreachable}.
 */
public final class KohaCirculationService implements CirculationService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KohaCirculationService.class);
    private static final DateTimeFormatter KOHA_LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");
    /** The contrib capability that is the adapter's own business: the due date a renewal would give. */
    private static final String RENEWAL_DUE_DATE = "renewal_due_date";
    /** The contrib capability that lists a patron's restrictions with Koha's restriction type (ADR 0110). */
    private static final String PATRON_RESTRICTIONS = "patron_restrictions";
    /** 予約取消一覧 shows cancellations of the last 30 days. */
    private static final int CANCELLED_HOLDS_DAYS = 30;

    /**
     * What {@code PUT /patrons/{id}} must not get back: the fields Koha's patron definition marks
     * {@code readOnly} ({@code patron_id}, {@code restricted}, {@code anonymized}; {@code expired} in some
     * versions), what it computes or embeds ({@code checkouts_count}, {@code overdues_count},
     * {@code account_balance}, {@code library}, {@code extended_attributes}, {@code _strings},
     * {@code self_renewal_available}), bookkeeping the kiosk must not overwrite with a stale copy
     * ({@code updated_on}, {@code last_seen}, {@code login_attempts}) and {@code protected}, which only a
     * superlibrarian may send. Koha sets only the fields a PUT carries, so leaving one out keeps it.
     */
    static final List<String> PATRON_READ_ONLY = List.of("patron_id", "restricted", "expired", "anonymized",
            "checkouts_count", "overdues_count", "account_balance", "library", "extended_attributes", "_strings",
            "self_renewal_available", "updated_on", "last_seen", "login_attempts", "protected");

    private final KohaTransport transport;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration probeTimeout;
    private final Object capabilityLock = new Object();
    /** The server's contrib capabilities once known (an empty set for plain Koha); null until then. */
    private volatile Set<String> capabilityNames;
    /** False once a patron object of this server came without {@code secondary_email}. */
    private volatile boolean secondaryEmailKept = true;

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
        this.clock = clock;
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
     * {@code GET /api/v1/biblios/{id}/items} with {@code x-koha-embed: checkout,_status} (due dates, and Koha's
     * {@code waiting} / {@code in_transit} item statuses), then {@code GET /api/v1/holds?biblio_id={id}&_per_page=1}
     * for the number of holds on the record, read from {@code X-Total-Count}. A Koha that refuses the
     * {@code _status} embed is asked for the items as {@link #items} does; a hold count that cannot be had is
     * left unknown rather than failing the answer.
     */
    @Override
    public CallResult<RecordAvailability> availability(String recordId) {
        requireId(recordId);
        CallResult<List<Item>> items = transport.call(KohaRequest.read("api", "v1", "biblios", recordId, "items")
                .withHeader("x-koha-embed", "checkout,_status"), answer -> KohaJson.items(answer.body()));
        if (items instanceof CallResult.Refused<List<Item>> refused && !KohaRefusals.NOT_FOUND.equals(refused.reason().code())) {
            LOG.debug("Items of record {} with _status refused ({}); asking without it", recordId, refused.reason());
            items = items(recordId);
        }
        if (!(items instanceof CallResult.Ok<List<Item>> ok)) {
            return items.map(list -> new RecordAvailability(list, OptionalInt.empty()));
        }
        CallResult<OptionalInt> holds = transport.call(KohaRequest.read("api", "v1", "holds")
                .withQuery("biblio_id", recordId).withQuery("_per_page", "1"), KohaCirculationService::holdCount);
        if (!(holds instanceof CallResult.Ok<OptionalInt> count)) {
            LOG.debug("Hold count of record {} not available: {}", recordId, holds);
            return CallResult.ok(new RecordAvailability(ok.value(), OptionalInt.empty()));
        }
        return CallResult.ok(new RecordAvailability(ok.value(), count.value()));
    }

    /** The total of a one-per-page listing: {@code X-Total-Count}, or unknown when the server sends none. */
    private static OptionalInt holdCount(KohaTransport.Answer answer) throws MalformedResponseException {
        KohaJson.array(answer.body(), "holds");
        Optional<String> total = answer.header("X-Total-Count");
        if (total.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(total.get().strip());
            if (n < 0) {
                throw new MalformedResponseException("negative X-Total-Count");
            }
            return OptionalInt.of(n);
        } catch (NumberFormatException e) {
            throw new MalformedResponseException("X-Total-Count is not a number", e);
        }
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

    // --- capabilities ------------------------------------------------------------------------------

    /**
     * {@code GET /api/v1/contrib/opackiosk/capabilities}, asked once and kept for the life of this client. A
     * 404 (plain Koha without the kiosk's plugin) is "none", and kept; when the server cannot be asked
     * (unreachable, credentials refused) the answer is "none" for now and the next call asks again.
     * {@link Capability#SECONDARY_EMAIL} is Koha's own: its patron object has {@code secondary_email}, so it is
     * offered unless a patron object read from this server came without the field (ADR 0114).
     */
    @Override
    public Set<Capability> capabilities() {
        Set<String> names = capabilityNames();
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (secondaryEmailKept) {
            capabilities.add(Capability.SECONDARY_EMAIL);
        }
        for (Capability capability : Capability.values()) {
            if (names.contains(capability.name().toLowerCase(Locale.ROOT))) {
                capabilities.add(capability);
            }
        }
        return Collections.unmodifiableSet(capabilities);
    }

    private boolean capable(Capability capability) {
        return capabilityNames().contains(capability.name().toLowerCase(Locale.ROOT));
    }

    private Set<String> capabilityNames() {
        Set<String> known = capabilityNames;
        if (known != null) {
            return known;
        }
        synchronized (capabilityLock) {
            if (capabilityNames != null) {
                return capabilityNames;
            }
            CallResult<Set<String>> asked = transport.call(KohaRequest.read(contrib("capabilities")),
                    answer -> KohaCirculationJson.capabilities(answer.body()));
            if (asked instanceof CallResult.Ok<Set<String>> ok) {
                capabilityNames = ok.value();
                LOG.info("The circulation server offers the kiosk's extensions: {}", new TreeSet<>(ok.value()));
                return ok.value();
            }
            if (asked instanceof CallResult.Refused<Set<String>> refused && KohaRefusals.NOT_FOUND.equals(refused.reason().code())) {
                capabilityNames = Set.of();
                LOG.info("The circulation server has no kiosk extensions (plain Koha): series holds, contact methods, "
                        + "dismissing cancelled holds and the identity check are hidden");
                return Set.of();
            }
            return Set.of();
        }
    }

    // --- patrons -----------------------------------------------------------------------------------

    /**
     * {@code POST /api/v1/auth/password/validation} with {@code {"identifier": card, "password"}} (Koha ≥ 24.05:
     * 201 with the {@code patron_id}). Koha 23.05–23.11 reject {@code identifier} ("Properties not allowed:
     * identifier.", 400): then the same with {@code {"userid": card, "password"}}, and on its 204 the patron is
     * found by {@code GET /api/v1/patrons?cardnumber=&_match=exact}. A wrong password is 400 "Validation
     * failed": {@code Refused(invalid_credentials)}.
     *
     * <p>The validation changes nothing the patron relies on, so no answer is {@code Unreachable}, never
     * {@code Ambiguous}; it is not retried either (see {@link KohaRequest#readLikePost}). Neither the body nor
     * the card number is ever logged; the card only masked.
     */
    @Override
    public CallResult<PatronId> authenticate(String cardNumber, String password) {
        if (cardNumber == null || cardNumber.isBlank() || password == null || password.isEmpty()) {
            return CallResult.refused(KohaRefusals.of(KohaRefusals.INVALID_CREDENTIALS));
        }
        CallResult<Validation> first = validate("identifier", cardNumber, password);
        if (first instanceof CallResult.Ok<Validation> ok && ok.value() instanceof Validation.ShapeRejected) {
            LOG.debug("The server does not take 'identifier' (Koha 23.x): validating by userid");
            first = validate("userid", cardNumber, password);
        }
        return then(first, validation -> switch (validation) {
            case Validation.Valid valid when valid.patronId().isPresent() -> CallResult.ok(new PatronId(valid.patronId().get()));
            case Validation.Valid valid -> findPatron(cardNumber);
            case Validation.Wrong wrong -> {
                LOG.info("Patron authentication refused for card {}: {}", CardNumbers.mask(cardNumber), wrong.refusal().code());
                yield CallResult.refused(wrong.refusal());
            }
            case Validation.ShapeRejected rejected -> {
                LOG.warn("The server rejected both shapes of the password validation request");
                yield CallResult.refused(KohaRefusals.of(KohaRefusals.GENERIC));
            }
        });
    }

    /** What one password validation request said. */
    private sealed interface Validation {
        /** 201 with a patron id, or 204 (Koha 23.x) without one. */
        record Valid(Optional<String> patronId) implements Validation {
        }

        record Wrong(Refusal refusal) implements Validation {
        }

        /** Koha's request validation rejected the body's field itself (an older Koha). */
        record ShapeRejected() implements Validation {
        }
    }

    private CallResult<Validation> validate(String identifierField, String cardNumber, String password) {
        ObjectNode body = JSON.createObjectNode().put(identifierField, cardNumber).put("password", password);
        KohaRequest request = KohaRequest.readLikePost(api("auth", "password", "validation"))
                .withJson(body.toString())
                .answering(400);
        return transport.call(request, answer -> {
            if (answer.status() == 201) {
                return new Validation.Valid(Optional.of(KohaCirculationJson.id(answer.body(), "patron_id")));
            }
            if (answer.status() != 400) {
                return new Validation.Valid(Optional.empty());
            }
            JsonNode errors = answer.body().get("errors");
            if (errors != null && errors.isArray() && errors.toString().contains(identifierField)) {
                return new Validation.ShapeRejected();
            }
            JsonNode code = answer.body().get("error_code");
            if (code != null && code.isTextual() && !code.textValue().isBlank()
                    && !"invalid_credentials".equals(code.textValue()) && !"validation_failed".equals(code.textValue())) {
                // e.g. a locked account or an expired password: the patron needs the counter, not another try
                return new Validation.Wrong(KohaRefusals.of(code.textValue()));
            }
            return new Validation.Wrong(KohaRefusals.of(KohaRefusals.INVALID_CREDENTIALS));
        });
    }

    /** {@code GET /api/v1/patrons?cardnumber=<card>&_match=exact}; none is {@code Refused(patron_not_found)}. */
    @Override
    public CallResult<PatronId> findPatron(String cardNumber) {
        return patronByCard(cardNumber, patron -> new PatronId(KohaCirculationJson.id(patron, "patron_id")));
    }

    /**
     * The patron's {@code category_id} from the same lookup as {@link #findPatron}; none is
     * {@code Refused(patron_not_found)}. A patron without a category has the empty code (it matches no
     * configured staff category).
     */
    @Override
    public CallResult<String> patronCategory(String cardNumber) {
        return patronByCard(cardNumber, patron -> KohaCirculationJson.text(patron, "category_id").strip());
    }

    /** What is read from the patron record found by card. */
    @FunctionalInterface
    private interface PatronField<T> {
        T read(JsonNode patron) throws MalformedResponseException;
    }

    // GET /api/v1/patrons?cardnumber=<card>&_match=exact, then read from the patron holding exactly that card
    private <T> CallResult<T> patronByCard(String cardNumber, PatronField<T> field) {
        if (cardNumber == null || cardNumber.isBlank()) {
            return CallResult.refused(KohaRefusals.of(KohaRefusals.PATRON_NOT_FOUND));
        }
        KohaRequest request = KohaRequest.read(api("patrons"))
                .withQuery("cardnumber", cardNumber)
                .withQuery("_match", "exact");
        CallResult<Optional<T>> found = transport.call(request, answer -> {
            for (JsonNode patron : KohaCirculationJson.objects(answer.body(), "patrons")) {
                // _match=exact is case-insensitive in Koha; a patron list is never expected to hold two
                if (cardNumber.equalsIgnoreCase(KohaCirculationJson.text(patron, "cardnumber").strip())) {
                    return Optional.of(field.read(patron));
                }
            }
            return Optional.empty();
        });
        return then(found, value -> {
            if (value.isEmpty()) {
                LOG.info("No patron holds card {}", CardNumbers.mask(cardNumber));
                return CallResult.refused(KohaRefusals.of(KohaRefusals.PATRON_NOT_FOUND));
            }
            return CallResult.ok(value.get());
        });
    }

    /**
     * {@code GET /api/v1/patrons/{id}}, {@code GET …/patrons/{id}/checkouts} (loan and overdue counts) and
     * {@code GET …/patrons/{id}/holds} (holds, those ready, the first pickup deadline). Koha's single-patron
     * route offers no {@code checkouts+count}/{@code overdues+count} embed (only the patron list does), so the
     * counts come from the loans themselves; a loan is overdue once its due date-time has passed. Koha's patron
     * object says only {@code restricted} (true/false); the category of a restriction comes from the restriction
     * type in {@code GET …/contrib/opackiosk/patrons/{id}/restrictions} when the server offers it, asked only for a
     * restricted patron; without it, or when it does not answer, the category is {@link SuspensionCategory#OTHER}
     * (ADR 0110). A patron without an expiry date gets {@link LocalDate#MAX}.
     */
    @Override
    public CallResult<PatronSummary> patronSummary(PatronId patron) {
        Optional<String> id = numericId(patron.value());
        if (id.isEmpty()) {
            return notFound();
        }
        return then(patronRecord(id.get()), record -> then(checkoutNodes(id.get(), false), checkouts ->
                then(holdNodes(id.get(), false, false), holds -> {
                    try {
                        return CallResult.ok(summary(patron, record, checkouts, holds));
                    } catch (MalformedResponseException e) {
                        LOG.warn("GET /api/v1/patrons/{id}: unusable patron record: {}", e.getMessage());
                        return CallResult.unreachable("unusable patron record: " + e.getMessage());
                    }
                })));
    }

    private PatronSummary summary(PatronId patron, JsonNode record, List<JsonNode> checkouts, List<JsonNode> holds)
            throws MalformedResponseException {
        int overdue = 0;
        for (JsonNode checkout : checkouts) {
            if (overdue(checkout)) {
                overdue++;
            }
        }
        int ready = 0;
        List<Notice.ReadyHold> readyHolds = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        for (JsonNode hold : holds) {
            if (KohaCirculationJson.holdStatus(hold) == HoldStatus.READY) {
                ready++;
                Optional<LocalDate> by = KohaCirculationJson.date(hold, "expiration_date");
                if (by.isPresent()) {
                    // each ready hold with its own last day (issue 4): the title costs one read per ready hold
                    String title = hold.hasNonNull("biblio_id") ? title(KohaCirculationJson.id(hold, "biblio_id"), titles) : "";
                    readyHolds.add(new Notice.ReadyHold(title, by.get()));
                }
            }
        }
        LocalDate expiry = KohaCirculationJson.date(record, "expiry_date").orElse(LocalDate.MAX);
        Optional<SuspensionCategory> restriction = KohaJson.bool(record, "restricted")
                ? Optional.of(suspensionCategory(patron.value()))
                : Optional.empty();
        String displayName = (KohaCirculationJson.text(record, "surname").strip() + " "
                + KohaCirculationJson.text(record, "firstname").strip()).strip();
        List<Notice> notices = Notices.of(LocalDate.now(clock), expiry, restriction, overdue, readyHolds);
        return new PatronSummary(patron, KohaCirculationJson.text(record, "cardnumber"), displayName,
                KohaCirculationJson.optionalText(record, "email"), KohaCirculationJson.optionalText(record, "secondary_email"),
                expiry, restriction, checkouts.size(), overdue, holds.size(), ready, notices,
                KohaCirculationJson.date(record, "date_of_birth"));
    }

    /**
     * The category of the first current restriction of a restricted patron, from Koha's restriction type
     * ({@code type}: {@code OVERDUES}, {@code SUSPENSION}, {@code MANUAL}, {@code DISCHARGE} or a type the
     * library defined). {@link SuspensionCategory#OTHER} when the server does not list restrictions, does not
     * answer, or names a type the kiosk does not know: the notice then says only that the card is suspended.
     */
    private SuspensionCategory suspensionCategory(String patronId) {
        if (!capabilityNames().contains(PATRON_RESTRICTIONS)) {
            return SuspensionCategory.OTHER;
        }
        CallResult<SuspensionCategory> asked = transport.call(KohaRequest.read(contrib("patrons", patronId, "restrictions")),
                answer -> {
                    List<JsonNode> restrictions = KohaCirculationJson.objects(answer.body(), "restrictions");
                    return restrictions.isEmpty() ? SuspensionCategory.OTHER
                            : KohaCirculationJson.suspensionCategory(KohaCirculationJson.text(restrictions.get(0), "type"));
                });
        if (asked instanceof CallResult.Ok<SuspensionCategory> ok) {
            return ok.value();
        }
        LOG.info("GET …/patrons/{id}/restrictions gave no category: {}", asked);
        return SuspensionCategory.OTHER;
    }

    /**
     * {@code GET /api/v1/contrib/opackiosk/password_policy}. Without the kiosk's plugin (404) the kiosk's own
     * {@link PasswordPolicy#DEFAULT} (4–10 letters and digits) is returned: Koha's own rule lives in system
     * preferences the API does not publish ({@code minPasswordLength}, 3 by default; {@code RequireStrongPassword}),
     * and the default is stricter than Koha's defaults, so a password the kiosk accepts is one Koha accepts —
     * unless the library made Koha stricter, in which case Koha's refusal is explained when it comes.
     */
    @Override
    public CallResult<PasswordPolicy> passwordPolicy() {
        CallResult<PasswordPolicy> asked = transport.call(KohaRequest.read(contrib("password_policy")),
                answer -> KohaCirculationJson.passwordPolicy(answer.body()));
        if (asked instanceof CallResult.Refused<PasswordPolicy> refused && KohaRefusals.NOT_FOUND.equals(refused.reason().code())) {
            return CallResult.ok(PasswordPolicy.DEFAULT);
        }
        return asked;
    }

    /**
     * {@code POST /api/v1/contrib/opackiosk/identity_check} with {@code {"cardnumber", "date_of_birth", "phone"}};
     * 200 {@code {"patron_id"}}. 403 {@code identity_not_confirmed}, 409 {@code password_already_set} and 429
     * {@code too_many_attempts} are refusals. Like the password validation it only asks a question: no answer
     * is {@code Unreachable}, and it is not retried (the server counts failures). Without
     * {@link Capability#IDENTITY_CHECK}: {@code Refused(feature_unsupported)}, nothing sent.
     */
    @Override
    public CallResult<PatronId> verifyIdentity(IdentityCheck check) {
        if (!capable(Capability.IDENTITY_CHECK)) {
            return CallResult.refused(KohaRefusals.of(KohaRefusals.FEATURE_UNSUPPORTED));
        }
        ObjectNode body = JSON.createObjectNode()
                .put("cardnumber", check.cardNumber())
                .put("date_of_birth", check.dateOfBirth().toString())
                .put("phone", check.phone());
        CallResult<PatronId> result = transport.call(KohaRequest.readLikePost(contrib("identity_check")).withJson(body.toString()),
                answer -> new PatronId(KohaCirculationJson.id(answer.body(), "patron_id")));
        if (result instanceof CallResult.Refused<PatronId> refused) {
            LOG.info("Identity check for card {} refused: {}", CardNumbers.mask(check.cardNumber()), refused.reason().code());
        }
        return result;
    }

    /**
     * {@code POST /api/v1/patrons/{id}/password} with {@code {"password", "password_2"}} (the staff route: the
     * kiosk's API account sets it). A password Koha refuses (400) is {@code Refused(password_too_short …)};
     * see {@link KohaRefusals#passwordRefusal}. A mutation: sent once.
     */
    @Override
    public CallResult<Done> setPassword(PatronId patron, String newPassword) {
        Optional<String> id = numericId(patron.value());
        if (id.isEmpty()) {
            return notFound();
        }
        ObjectNode body = JSON.createObjectNode().put("password", newPassword).put("password_2", newPassword);
        KohaRequest request = KohaRequest.mutation("POST", api("patrons", id.get(), "password"))
                .withJson(body.toString())
                .answering(400);
        return flatten(transport.call(request, answer -> {
            if (answer.status() == 400) {
                Refusal refusal = KohaRefusals.passwordRefusal(400, answer.body());
                LOG.info("{}: refused: {}", "POST /api/v1/patrons/{id}/password", refusal.code());
                return CallResult.<Done>refused(refusal);
            }
            return CallResult.ok(Done.DONE);
        }));
    }

    /**
     * Checks the old password with {@code POST /api/v1/auth/password/validation} for the patron's own card
     * number (read by {@code GET /api/v1/patrons/{id}}) — wrong, or a card of another patron, is
     * {@code Refused(invalid_credentials)} — then sets the new one as {@link #setPassword} does.
     *
     * <p>Why not Koha's {@code POST /public/patrons/{id}/password} with {@code old_password}: that route acts
     * only for the patron logged in to the OPAC with their own session cookie; the kiosk holds the device's API
     * credential, not a patron session, and Koha refuses the public route for any other patron (403).
     */
    @Override
    public CallResult<Done> changePassword(PatronId patron, String oldPassword, String newPassword) {
        Optional<String> id = numericId(patron.value());
        if (id.isEmpty()) {
            return notFound();
        }
        return then(patronRecord(id.get()), record -> {
            String card;
            try {
                card = KohaCirculationJson.optionalText(record, "cardnumber")
                        .or(() -> optionalTextQuietly(record, "userid"))
                        .orElse("");
            } catch (MalformedResponseException e) {
                return CallResult.unreachable("unusable patron record: " + e.getMessage());
            }
            CallResult<PatronId> checked = authenticate(card, oldPassword);
            if (checked instanceof CallResult.Ok<PatronId> ok && !ok.value().value().equals(id.get())) {
                return CallResult.refused(KohaRefusals.of(KohaRefusals.INVALID_CREDENTIALS));
            }
            if (checked instanceof CallResult.Refused<PatronId> refused
                    && KohaRefusals.PATRON_NOT_FOUND.equals(refused.reason().code())) {
                return CallResult.refused(KohaRefusals.of(KohaRefusals.INVALID_CREDENTIALS));
            }
            return then(checked, ok -> setPassword(patron, newPassword));
        });
    }

    /**
     * {@code GET /api/v1/patrons/{id}}, then {@code PUT /api/v1/patrons/{id}} with the same object, {@code email}
     * and {@code secondary_email} changed (empty clears: {@code null}) and without the fields Koha computes or
     * will not take back ({@link #PATRON_READ_ONLY}). Koha has no PATCH for patrons. The PUT is a mutation.
     */
    @Override
    public CallResult<Done> updateEmails(PatronId patron, Optional<String> primary, Optional<String> secondary) {
        Optional<String> id = numericId(patron.value());
        if (id.isEmpty()) {
            return notFound();
        }
        return then(patronRecord(id.get()), record -> {
            ObjectNode update = ((ObjectNode) record).deepCopy();
            update.remove(PATRON_READ_ONLY);
            putOrNull(update, "email", primary);
            if (record.has("secondary_email")) {
                putOrNull(update, "secondary_email", secondary);
            } else if (secondary.isPresent()) {
                return CallResult.refused(KohaRefusals.of(KohaRefusals.FEATURE_UNSUPPORTED));
            }
            KohaRequest request = KohaRequest.mutation("PUT", api("patrons", id.get())).withJson(update.toString());
            return transport.call(request, answer -> Done.DONE);
        });
    }

    // --- loans -------------------------------------------------------------------------------------

    /**
     * {@code GET /api/v1/patrons/{id}/checkouts} with {@code x-koha-embed: item,item.biblio} (a Koha without
     * that route answers 404: then {@code GET /api/v1/checkouts?patron_id=}), a title missing from the embed by
     * {@code GET /api/v1/biblios/{id}} (once per record per call), then per loan
     * {@code GET /api/v1/checkouts/{id}/allows_renewal} and, with the {@code renewal_due_date} extension, the due
     * date a renewal would give. A loan is overdue once its due date-time has passed; someone is waiting when
     * Koha's renewal error is {@code on_reserve}. Any read failing fails the whole list.
     */
    @Override
    public CallResult<List<Loan>> loans(PatronId patron) {
        Optional<String> id = numericId(patron.value());
        if (id.isEmpty()) {
            return notFound();
        }
        boolean dueDates = capabilityNames().contains(RENEWAL_DUE_DATE);
        Map<String, String> titles = new HashMap<>();
        return then(checkoutNodes(id.get(), true), checkouts -> {
            List<Loan> loans = new ArrayList<>();
            for (JsonNode checkout : checkouts) {
                CallResult<Loan> loan = loan(checkout, titles, dueDates);
                if (!(loan instanceof CallResult.Ok<Loan> ok)) {
                    return loan.map(l -> List.<Loan>of());
                }
                loans.add(ok.value());
            }
            return CallResult.ok(List.copyOf(loans));
        });
    }

    /**
     * {@code POST /api/v1/checkouts/{id}/renewal} (a mutation: sent once; no answer is {@code Ambiguous}). 403
     * is {@code Refused} with the renewal error Koha names in its message ({@code refusal.renewal.<error>}). The
     * answer is the checkout with its new due date; title and renewability are read afterwards like
     * {@link #loans}, and when those reads fail the loan comes back with what the answer holds (no title, not
     * renewable again until the list is read anew) — the renewal itself has happened.
     */
    @Override
    public CallResult<Loan> renew(PatronId patron, String checkoutId) {
        Optional<String> id = numericId(patron.value());
        Optional<String> checkout = numericId(checkoutId);
        if (id.isEmpty() || checkout.isEmpty()) {
            return notFound();
        }
        KohaRequest request = KohaRequest.mutation("POST", api("checkouts", checkout.get(), "renewal")).answering(403);
        CallResult<CallResult<JsonNode>> renewed = transport.call(request, answer -> {
            if (answer.status() == 403) {
                Refusal refusal = KohaRefusals.renewalFromAnswer(answer.body());
                LOG.info("POST /api/v1/checkouts/{id}/renewal: refused: {}", refusal.code());
                return CallResult.<JsonNode>refused(refusal);
            }
            KohaJson.object(answer.body(), "checkout");
            return CallResult.ok(answer.body());
        });
        return then(flatten(renewed), answer -> {
            try {
                return CallResult.ok(renewedLoan(id.get(), checkout.get(), answer));
            } catch (MalformedResponseException e) {
                LOG.warn("POST /api/v1/checkouts/{id}/renewal: renewed, but the answer is unusable: {}", e.getMessage());
                return CallResult.ambiguous("renewed, but the answer is unusable: " + e.getMessage());
            }
        });
    }

    private Loan renewedLoan(String patronId, String checkoutId, JsonNode answer) throws MalformedResponseException {
        boolean dueDates = capabilityNames().contains(RENEWAL_DUE_DATE);
        CallResult<List<JsonNode>> checkouts = checkoutNodes(patronId, true);
        if (checkouts instanceof CallResult.Ok<List<JsonNode>> ok) {
            for (JsonNode checkout : ok.value()) {
                if (checkoutId.equals(KohaCirculationJson.text(checkout, "checkout_id"))
                        && loan(checkout, new HashMap<>(), dueDates) instanceof CallResult.Ok<Loan> loan) {
                    return loan.value();
                }
            }
        }
        LOG.info("POST /api/v1/checkouts/{id}/renewal: renewed; the loan's details could not be read again");
        return loanOf(answer, "", "", new Loan.Renewal.NotAllowed(KohaRefusals.renewal(KohaRefusals.GENERIC)));
    }

    private CallResult<Loan> loan(JsonNode checkout, Map<String, String> titles, boolean dueDates) {
        String checkoutId;
        String recordId;
        String title;
        try {
            checkoutId = KohaCirculationJson.id(checkout, "checkout_id");
            Optional<JsonNode> item = KohaCirculationJson.embedded(checkout, "item");
            recordId = item.isPresent() ? KohaCirculationJson.text(item.get(), "biblio_id") : "";
            Optional<JsonNode> biblio = item.isPresent() ? KohaCirculationJson.embedded(item.get(), "biblio") : Optional.empty();
            title = biblio.isPresent() ? KohaCirculationJson.text(biblio.get(), "title") : "";
        } catch (MalformedResponseException e) {
            return CallResult.unreachable("unusable checkout: " + e.getMessage());
        }
        if (title.isBlank() && !recordId.isBlank()) {
            title = title(recordId, titles);
        }
        String finalRecordId = recordId;
        String finalTitle = title;
        CallResult<Loan.Renewal> renewal = transport.call(KohaRequest.read(api("checkouts", checkoutId, "allows_renewal")),
                answer -> renewal(answer.body()));
        return then(renewal, r -> {
            if (r instanceof Loan.Renewal.Allowed && dueDates) {
                CallResult<LocalDate> due = transport.call(KohaRequest.read(contrib("checkouts", checkoutId, "renewal_due_date")),
                        answer -> KohaCirculationJson.date(answer.body(), "due_date")
                                .orElseThrow(() -> new MalformedResponseException("renewal_due_date without due_date")));
                if (due instanceof CallResult.Ok<LocalDate> ok) {
                    r = new Loan.Renewal.Allowed(Optional.of(ok.value()));
                } else if (due instanceof CallResult.Refused<LocalDate> refused
                        && !KohaRefusals.NOT_FOUND.equals(refused.reason().code())) {
                    // the server changed its mind between the two reads: believe the later answer
                    r = new Loan.Renewal.NotAllowed(KohaRefusals.renewal(refused.reason().code()));
                }
                // unreachable: renewable, new due date unknown
            }
            try {
                return CallResult.ok(loanOf(checkout, finalRecordId, finalTitle, r));
            } catch (MalformedResponseException e) {
                return CallResult.unreachable("unusable checkout: " + e.getMessage());
            }
        });
    }

    private static Loan.Renewal renewal(JsonNode body) throws MalformedResponseException {
        KohaJson.object(body, "allows_renewal");
        JsonNode allowed = body.get("allows_renewal");
        if (allowed == null || !allowed.isBoolean()) {
            throw new MalformedResponseException("allows_renewal is not a boolean");
        }
        if (allowed.booleanValue()) {
            return new Loan.Renewal.Allowed(Optional.empty());
        }
        return new Loan.Renewal.NotAllowed(KohaRefusals.renewal(KohaCirculationJson.text(body, "error").strip()));
    }

    private Loan loanOf(JsonNode checkout, String recordId, String title, Loan.Renewal renewal) throws MalformedResponseException {
        LocalDate due = KohaCirculationJson.date(checkout, "due_date")
                .orElseThrow(() -> new MalformedResponseException("checkout without due_date"));
        boolean someoneWaiting = renewal instanceof Loan.Renewal.NotAllowed notAllowed
                && "on_reserve".equals(notAllowed.reason().code());
        return new Loan(KohaCirculationJson.id(checkout, "checkout_id"), recordId, KohaCirculationJson.text(checkout, "item_id"),
                title, KohaCirculationJson.date(checkout, "checkout_date").orElse(null), due, overdue(checkout), someoneWaiting,
                KohaCirculationJson.integer(checkout, "renewals_count").orElse(0), renewal);
    }

    private boolean overdue(JsonNode checkout) throws MalformedResponseException {
        Instant due = KohaJson.instant(checkout, "due_date", zone);
        return due != null && due.isBefore(clock.instant());
    }

    /**
     * The patron's current checkouts; {@code withRecords} adds {@code x-koha-embed: item,item.biblio}. A 404 from
     * {@code /patrons/{id}/checkouts} (a Koha before that route) falls back to {@code /checkouts?patron_id=}.
     */
    private CallResult<List<JsonNode>> checkoutNodes(String patronId, boolean withRecords) {
        KohaRequest request = KohaRequest.read(api("patrons", patronId, "checkouts"));
        KohaRequest fallback = KohaRequest.read(api("checkouts")).withQuery("patron_id", patronId);
        if (withRecords) {
            request = request.withHeader("x-koha-embed", "item,item.biblio");
            fallback = fallback.withHeader("x-koha-embed", "item,item.biblio");
        }
        CallResult<List<JsonNode>> checkouts = allPages(request, "checkouts");
        if (checkouts instanceof CallResult.Refused<List<JsonNode>> refused && KohaRefusals.NOT_FOUND.equals(refused.reason().code())) {
            return allPages(fallback, "checkouts");
        }
        return checkouts;
    }

    // --- holds -------------------------------------------------------------------------------------

    /**
     * {@code GET /api/v1/patrons/{id}/holds} with {@code x-koha-embed: biblio}. Status null → waiting (with the
     * queue position, Koha's {@code priority}), T → in transit, P → in processing, W → ready until
     * {@code expiration_date}. Contact method and series group come from the kiosk's {@code hold_details}
     * extension when the server has {@link Capability#HOLD_CONTACT_METHOD} or
     * {@link Capability#ORDERED_SERIES_HOLDS}; otherwise (and for a hold it does not list) the contact method is
     * what Koha itself uses: e-mail when the patron has an address, else phone (read from the patron record).
     */
    @Override
    public CallResult<List<Hold>> holds(PatronId patron) {
        Optional<String> id = numericId(patron.value());
        if (id.isEmpty()) {
            return notFound();
        }
        return then(holdNodes(id.get(), false, true), nodes -> {
            CallResult<Map<String, HoldDetail>> details = CallResult.ok(Map.of());
            if (!nodes.isEmpty() && (capable(Capability.HOLD_CONTACT_METHOD) || capable(Capability.ORDERED_SERIES_HOLDS))) {
                details = transport.call(KohaRequest.read(contrib("patrons", id.get(), "hold_details")),
                        answer -> holdDetails(answer.body()));
            }
            return then(details, detail -> {
                DefaultContact contact = new DefaultContact(id.get());
                Map<String, String> titles = new HashMap<>();
                List<Hold> holds = new ArrayList<>();
                try {
                    for (JsonNode node : nodes) {
                        HoldDetail d = detail.get(KohaCirculationJson.id(node, "hold_id"));
                        ContactMethod method;
                        if (d != null) {
                            method = d.contactMethod();
                        } else {
                            CallResult<ContactMethod> fallback = contact.get();
                            if (!(fallback instanceof CallResult.Ok<ContactMethod> ok)) {
                                return fallback.map(m -> List.<Hold>of());
                            }
                            method = ok.value();
                        }
                        holds.add(hold(node, method, d == null ? Optional.empty() : d.seriesGroup(), titles));
                    }
                } catch (MalformedResponseException e) {
                    LOG.warn("GET /api/v1/patrons/{id}/holds: unusable hold: {}", e.getMessage());
                    return CallResult.unreachable("unusable hold: " + e.getMessage());
                }
                return CallResult.ok(List.copyOf(holds));
            });
        });
    }

    private record HoldDetail(ContactMethod contactMethod, Optional<String> seriesGroup) {
    }

    private static Map<String, HoldDetail> holdDetails(JsonNode body) throws MalformedResponseException {
        Map<String, HoldDetail> details = new HashMap<>();
        for (JsonNode detail : KohaCirculationJson.objects(body, "hold_details")) {
            details.put(KohaCirculationJson.id(detail, "hold_id"), new HoldDetail(
                    KohaCirculationJson.contactMethod(KohaCirculationJson.text(detail, "contact_method")),
                    KohaCirculationJson.optionalText(detail, "series_group_id")));
        }
        return details;
    }

    /** The contact method Koha uses for a hold placed without the extension, read once per call when needed. */
    private final class DefaultContact {
        private final String patronId;
        private CallResult<ContactMethod> known;

        DefaultContact(String patronId) {
            this.patronId = patronId;
        }

        CallResult<ContactMethod> get() {
            if (known == null) {
                known = then(patronRecord(patronId), record -> {
                    try {
                        return CallResult.ok(KohaCirculationJson.optionalText(record, "email").isPresent()
                                ? ContactMethod.EMAIL : ContactMethod.PHONE);
                    } catch (MalformedResponseException e) {
                        return CallResult.unreachable("unusable patron record: " + e.getMessage());
                    }
                });
            }
            return known;
        }
    }

    private Hold hold(JsonNode node, ContactMethod contact, Optional<String> seriesGroup, Map<String, String> titles)
            throws MalformedResponseException {
        HoldStatus status = KohaCirculationJson.holdStatus(node);
        String recordId = KohaCirculationJson.text(node, "biblio_id");
        Optional<JsonNode> biblio = KohaCirculationJson.embedded(node, "biblio");
        String title = biblio.isPresent() ? KohaCirculationJson.text(biblio.get(), "title") : "";
        if (title.isBlank() && !recordId.isBlank()) {
            title = title(recordId, titles);
        }
        Optional<Integer> queue = status == HoldStatus.WAITING ? KohaCirculationJson.integer(node, "priority") : Optional.empty();
        Optional<LocalDate> pickupBy = status == HoldStatus.READY ? KohaCirculationJson.date(node, "expiration_date") : Optional.empty();
        LocalDate placedOn = KohaCirculationJson.date(node, "hold_date").orElseGet(() -> LocalDate.now(clock));
        return new Hold(KohaCirculationJson.id(node, "hold_id"), recordId, title, status, queue,
                KohaCirculationJson.text(node, "pickup_library_id"), contact, placedOn, pickupBy, seriesGroup);
    }

    /**
     * {@code GET /api/v1/patrons/{id}/holds?old=true} with {@code x-koha-embed: biblio}: the holds with a
     * {@code cancellation_date} in the last 30 days (filled holds have none), newest first, minus those the patron
     * dismissed ({@code GET …/contrib/opackiosk/patrons/{id}/dismissed_holds}, with
     * {@link Capability#DISMISS_CANCELLED_HOLDS}). The reason: see {@link KohaCirculationJson#cancellationReason}.
     */
    @Override
    public CallResult<List<CancelledHold>> cancelledHolds(PatronId patron) {
        Optional<String> id = numericId(patron.value());
        if (id.isEmpty()) {
            return notFound();
        }
        return then(holdNodes(id.get(), true, true), nodes -> {
            CallResult<Set<String>> dismissed = CallResult.ok(Set.of());
            if (capable(Capability.DISMISS_CANCELLED_HOLDS)) {
                dismissed = transport.call(KohaRequest.read(contrib("patrons", id.get(), "dismissed_holds")),
                        answer -> dismissedIds(answer.body()));
            }
            return then(dismissed, gone -> {
                LocalDate oldest = LocalDate.now(clock).minusDays(CANCELLED_HOLDS_DAYS);
                Map<String, String> titles = new HashMap<>();
                List<CancelledHold> cancelled = new ArrayList<>();
                try {
                    for (JsonNode node : nodes) {
                        Optional<LocalDate> on = KohaCirculationJson.date(node, "cancellation_date");
                        String holdId = KohaCirculationJson.id(node, "hold_id");
                        if (on.isEmpty() || on.get().isBefore(oldest) || gone.contains(holdId)) {
                            continue;
                        }
                        String recordId = KohaCirculationJson.text(node, "biblio_id");
                        if (recordId.isBlank()) {
                            recordId = KohaCirculationJson.text(node, "deleted_biblio_id");
                        }
                        Optional<JsonNode> biblio = KohaCirculationJson.embedded(node, "biblio");
                        String title = biblio.isPresent() ? KohaCirculationJson.text(biblio.get(), "title") : "";
                        if (title.isBlank() && !KohaCirculationJson.text(node, "biblio_id").isBlank()) {
                            title = title(recordId, titles);
                        }
                        cancelled.add(new CancelledHold(holdId, recordId, title, on.get(),
                                KohaCirculationJson.cancellationReason(node, on.get())));
                    }
                } catch (MalformedResponseException e) {
                    LOG.warn("GET /api/v1/patrons/{id}/holds?old=true: unusable hold: {}", e.getMessage());
                    return CallResult.unreachable("unusable old hold: " + e.getMessage());
                }
                cancelled.sort(Comparator.comparing(CancelledHold::cancelledOn).reversed());
                return CallResult.ok(List.copyOf(cancelled));
            });
        });
    }

    private static Set<String> dismissedIds(JsonNode body) throws MalformedResponseException {
        if (!body.isArray()) {
            throw new MalformedResponseException("dismissed_holds is not a list");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode id : body) {
            if (!id.isIntegralNumber() && !id.isTextual()) {
                throw new MalformedResponseException("dismissed_holds holds something that is not a hold id");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /**
     * {@code POST /api/v1/contrib/opackiosk/holds/{id}/dismissal} with {@code {}} → 204 (a mutation). Without
     * {@link Capability#DISMISS_CANCELLED_HOLDS}: {@code Refused(feature_unsupported)}, nothing sent.
     */
    @Override
    public CallResult<Done> dismissCancelledHold(PatronId patron, String holdId) {
        if (numericId(patron.value()).isEmpty() || numericId(holdId).isEmpty()) {
            return notFound();
        }
        if (!capable(Capability.DISMISS_CANCELLED_HOLDS)) {
            return CallResult.refused(KohaRefusals.of(KohaRefusals.FEATURE_UNSUPPORTED));
        }
        KohaRequest request = KohaRequest.mutation("POST", contrib("holds", numericId(holdId).get(), "dismissal")).withJson("{}");
        return transport.call(request, answer -> Done.DONE);
    }

    /** {@code GET /api/v1/biblios/{id}/pickup_locations?patron_id=}. */
    @Override
    public CallResult<List<Library>> pickupLocations(String recordId, PatronId patron) {
        Optional<String> record = numericId(recordId);
        Optional<String> id = numericId(patron.value());
        if (record.isEmpty() || id.isEmpty()) {
            return notFound();
        }
        return transport.call(KohaRequest.read(api("biblios", record.get(), "pickup_locations")).withQuery("patron_id", id.get()),
                answer -> KohaJson.libraries(answer.body()));
    }

    /**
     * One record: {@code POST /api/v1/holds} with {@code {"patron_id", "biblio_id", "pickup_library_id"}} (201:
     * the hold). Koha gives it the patron's default contact method (e-mail when they have an address, else
     * phone); with {@link Capability#HOLD_CONTACT_METHOD} and another method asked for, a second mutation
     * {@code PUT …/contrib/opackiosk/holds/{id}/contact_method} sets it. When that second request fails the
     * hold stands and is returned with the default method: the caller compares it with the one asked for and
     * tells the patron.
     *
     * <p>Several records (順番予約): {@code POST …/contrib/opackiosk/series_holds} with
     * {@code {"patron_id", "pickup_library_id", "biblio_ids", "contact_method"}} — all or nothing; without
     * {@link Capability#ORDERED_SERIES_HOLDS}: {@code Refused(series_holds_unsupported)}, nothing sent.
     *
     * <p>Both are mutations: sent once, {@code Ambiguous} without an answer. Titles of the new holds are read
     * afterwards ({@code GET /api/v1/biblios/{id}}); a title that cannot be read is empty, never a failure.
     */
    @Override
    public CallResult<List<Hold>> placeHold(HoldRequest request) {
        Optional<String> patron = numericId(request.patron().value());
        List<Long> records = new ArrayList<>();
        for (String recordId : request.recordIds()) {
            Optional<String> record = numericId(recordId);
            if (record.isEmpty()) {
                return notFound();
            }
            records.add(Long.parseLong(record.get()));
        }
        if (patron.isEmpty()) {
            return notFound();
        }
        if (request.series()) {
            return placeSeries(request, patron.get(), records);
        }
        ObjectNode body = JSON.createObjectNode()
                .put("patron_id", Long.parseLong(patron.get()))
                .put("biblio_id", records.get(0))
                .put("pickup_library_id", request.pickupLibraryId());
        CallResult<JsonNode> placed = transport.call(KohaRequest.mutation("POST", api("holds")).withJson(body.toString()),
                KohaCirculationService::objectBody);
        return then(placed, hold -> {
            ContactMethod contact = contactAfterPlacing(hold, patron.get(), request.contactMethod());
            return newHolds(List.of(hold), contact, Optional.empty());
        });
    }

    private ContactMethod contactAfterPlacing(JsonNode hold, String patronId, ContactMethod wanted) {
        CallResult<ContactMethod> byDefault = new DefaultContact(patronId).get();
        if (!capable(Capability.HOLD_CONTACT_METHOD)) {
            return byDefault instanceof CallResult.Ok<ContactMethod> ok ? ok.value() : wanted;
        }
        if (byDefault instanceof CallResult.Ok<ContactMethod> ok && ok.value() == wanted) {
            return wanted;
        }
        String holdId = hold.path("hold_id").asText();
        CallResult<ContactMethod> set = putContactMethod(holdId, wanted);
        if (set instanceof CallResult.Ok<ContactMethod> ok) {
            return ok.value();
        }
        LOG.warn("POST /api/v1/holds: hold {} placed, but its contact method could not be set; it keeps the default", holdId);
        return byDefault instanceof CallResult.Ok<ContactMethod> ok ? ok.value() : ContactMethod.EMAIL;
    }

    private CallResult<List<Hold>> placeSeries(HoldRequest request, String patronId, List<Long> records) {
        if (!capable(Capability.ORDERED_SERIES_HOLDS)) {
            return CallResult.refused(KohaRefusals.of(KohaRefusals.SERIES_HOLDS_UNSUPPORTED));
        }
        ObjectNode body = JSON.createObjectNode()
                .put("patron_id", Long.parseLong(patronId))
                .put("pickup_library_id", request.pickupLibraryId());
        ArrayNode ids = body.putArray("biblio_ids");
        records.forEach(ids::add);
        body.put("contact_method", KohaCirculationJson.contactMethodName(request.contactMethod()));
        CallResult<JsonNode> placed = transport.call(KohaRequest.mutation("POST", contrib("series_holds")).withJson(body.toString()),
                KohaCirculationService::objectBody);
        return then(placed, answer -> {
            try {
                return newHolds(KohaCirculationJson.objects(answer.get("holds") == null ? MissingNode.getInstance() : answer.get("holds"), "holds"),
                        request.contactMethod(), KohaCirculationJson.optionalText(answer, "series_group_id"));
            } catch (MalformedResponseException e) {
                LOG.warn("POST …/series_holds: placed, but the answer is unusable: {}", e.getMessage());
                return CallResult.ambiguous("series placed, but the answer is unusable: " + e.getMessage());
            }
        });
    }

    private CallResult<List<Hold>> newHolds(List<JsonNode> nodes, ContactMethod contact, Optional<String> seriesGroup) {
        Map<String, String> titles = new HashMap<>();
        List<Hold> holds = new ArrayList<>();
        try {
            for (JsonNode node : nodes) {
                holds.add(hold(node, contact, seriesGroup, titles));
            }
        } catch (MalformedResponseException e) {
            // the hold exists; only its description is unusable: what happened is uncertain to the caller
            LOG.warn("Hold placed, but the answer is unusable: {}", e.getMessage());
            return CallResult.ambiguous("placed, but the answer is unusable: " + e.getMessage());
        }
        return CallResult.ok(List.copyOf(holds));
    }

    /** {@code DELETE /api/v1/holds/{id}}: 204, or 202 when Koha records a cancellation request instead. A mutation. */
    @Override
    public CallResult<Done> cancelHold(PatronId patron, String holdId) {
        Optional<String> hold = numericId(holdId);
        if (numericId(patron.value()).isEmpty() || hold.isEmpty()) {
            return notFound();
        }
        return transport.call(KohaRequest.mutation("DELETE", api("holds", hold.get())), answer -> Done.DONE);
    }

    /**
     * Reads the patron's holds (as {@link #holds}; a hold that is not theirs is {@code Refused(not_found)},
     * nothing sent), then {@code PUT /api/v1/holds/{id}/pickup_location} with {@code {"pickup_library_id"}} (a
     * mutation). Koha refuses a hold no longer waiting (409 {@code hold_waiting}, {@code hold_in_transit},
     * {@code hold_in_processing}). The answer is the hold as read, with the new pickup library.
     */
    @Override
    public CallResult<Hold> changePickupLibrary(PatronId patron, String holdId, String libraryId) {
        Optional<String> hold = numericId(holdId);
        if (hold.isEmpty()) {
            return notFound();
        }
        return then(ownHold(patron, hold.get()), current -> {
            ObjectNode body = JSON.createObjectNode().put("pickup_library_id", libraryId);
            KohaRequest request = KohaRequest.mutation("PUT", api("holds", hold.get(), "pickup_location")).withJson(body.toString());
            return transport.call(request, answer -> {
                String now = answer.body().isObject() ? KohaJson.text(answer.body(), "pickup_library_id") : "";
                return withPickup(current, now.isBlank() ? libraryId : now);
            });
        });
    }

    /**
     * Reads the patron's holds (a hold that is not theirs is {@code Refused(not_found)}), then
     * {@code PUT /api/v1/contrib/opackiosk/holds/{id}/contact_method} with {@code {"contact_method"}} (a
     * mutation; 409 once the hold is allocated). Without {@link Capability#HOLD_CONTACT_METHOD}:
     * {@code Refused(feature_unsupported)}, nothing sent.
     */
    @Override
    public CallResult<Hold> changeContactMethod(PatronId patron, String holdId, ContactMethod method) {
        Optional<String> hold = numericId(holdId);
        if (hold.isEmpty() || numericId(patron.value()).isEmpty()) {
            return notFound();
        }
        if (!capable(Capability.HOLD_CONTACT_METHOD)) {
            return CallResult.refused(KohaRefusals.of(KohaRefusals.FEATURE_UNSUPPORTED));
        }
        return then(ownHold(patron, hold.get()), current -> putContactMethod(hold.get(), method)
                .map(set -> new Hold(current.holdId(), current.recordId(), current.title(), current.status(),
                        current.queuePosition(), current.pickupLibraryId(), set, current.placedOn(), current.pickupBy(),
                        current.seriesGroup())));
    }

    private CallResult<ContactMethod> putContactMethod(String holdId, ContactMethod method) {
        ObjectNode body = JSON.createObjectNode().put("contact_method", KohaCirculationJson.contactMethodName(method));
        KohaRequest request = KohaRequest.mutation("PUT", contrib("holds", holdId, "contact_method")).withJson(body.toString());
        return transport.call(request, answer -> answer.body().isObject() && answer.body().hasNonNull("contact_method")
                ? KohaCirculationJson.contactMethod(KohaJson.text(answer.body(), "contact_method")) : method);
    }

    private CallResult<Hold> ownHold(PatronId patron, String holdId) {
        return then(holds(patron), holds -> holds.stream()
                .filter(h -> h.holdId().equals(holdId))
                .findFirst()
                .<CallResult<Hold>>map(CallResult::ok)
                .orElseGet(() -> {
                    LOG.info("Hold {} is not one of patron {}'s current holds", holdId, patron);
                    return notFound();
                }));
    }

    private static Hold withPickup(Hold h, String libraryId) {
        return new Hold(h.holdId(), h.recordId(), h.title(), h.status(), h.queuePosition(), libraryId, h.contactMethod(),
                h.placedOn(), h.pickupBy(), h.seriesGroup());
    }

    /** {@code GET /api/v1/patrons/{id}/holds}, {@code ?old=true} for old holds, with the biblio embedded when asked. */
    private CallResult<List<JsonNode>> holdNodes(String patronId, boolean old, boolean withRecords) {
        KohaRequest request = KohaRequest.read(api("patrons", patronId, "holds"));
        if (old) {
            request = request.withQuery("old", "true");
        }
        if (withRecords) {
            request = request.withHeader("x-koha-embed", "biblio");
        }
        return allPages(request, "holds");
    }

    /** Koha pages every list (20 by default); a heavy reader has more loans than that. */
    static final int LIST_PAGE_SIZE = 100;

    /** Upper bound on pages of one list, so a server that misreports its total cannot keep the kiosk reading. */
    private static final int MAX_LIST_PAGES = 50;

    /**
     * Reads every page of a Koha list ({@code _page}, {@code _per_page}, {@code X-Total-Count}); stops at the
     * total, or at a short page when the server sends no total. Any failed page fails the whole read.
     */
    private CallResult<List<JsonNode>> allPages(KohaRequest base, String what) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_LIST_PAGES; page++) {
            int p = page;
            KohaRequest request = base.withQuery("_page", Integer.toString(page)).withQuery("_per_page", Integer.toString(LIST_PAGE_SIZE));
            CallResult<PageOf> result = transport.call(request, answer -> {
                List<JsonNode> objects = KohaCirculationJson.objects(answer.body(), what);
                return new PageOf(objects, totalCount(answer, p, LIST_PAGE_SIZE, objects.size()));
            });
            if (!(result instanceof CallResult.Ok<PageOf> ok)) {
                return result.map(x -> List.of());
            }
            all.addAll(ok.value().objects());
            if (ok.value().objects().isEmpty() || all.size() >= ok.value().total()) {
                return CallResult.ok(List.copyOf(all));
            }
        }
        LOG.warn("Reading {} stopped after {} pages of {}", what, MAX_LIST_PAGES, LIST_PAGE_SIZE);
        return CallResult.ok(List.copyOf(all));
    }

    private record PageOf(List<JsonNode> objects, long total) {
    }

    // --- shared ------------------------------------------------------------------------------------

    private CallResult<JsonNode> patronRecord(String patronId) {
        CallResult<JsonNode> record = transport.call(KohaRequest.read(api("patrons", patronId)), KohaCirculationService::objectBody);
        if (record instanceof CallResult.Ok<JsonNode> ok) {
            // Koha's patron object always has the field (null when empty); a server without it keeps one address
            secondaryEmailKept = ok.value().has("secondary_email");
        }
        return record;
    }

    private static JsonNode objectBody(KohaTransport.Answer answer) throws MalformedResponseException {
        KohaJson.object(answer.body(), "the answer");
        return answer.body();
    }

    /** A record's title by {@code GET /api/v1/biblios/{id}}, once per record per call; empty when it cannot be read. */
    private String title(String recordId, Map<String, String> titles) {
        return titles.computeIfAbsent(recordId, id -> record(id) instanceof CallResult.Ok<CatalogueRecord> ok ? ok.value().title() : "");
    }

    private static Optional<String> optionalTextQuietly(JsonNode node, String field) {
        try {
            return KohaCirculationJson.optionalText(node, field);
        } catch (MalformedResponseException e) {
            return Optional.empty();
        }
    }

    private static void putOrNull(ObjectNode node, String field, Optional<String> value) {
        Optional<String> stripped = value.map(String::strip).filter(v -> !v.isEmpty());
        if (stripped.isPresent()) {
            node.put(field, stripped.get());
        } else {
            node.putNull(field);
        }
    }

    /** Koha's ids are integers; anything else cannot name anything on the server. */
    private static Optional<String> numericId(String id) {
        return id != null && NUMERIC_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static <T> CallResult<T> notFound() {
        return CallResult.refused(KohaRefusals.of(KohaRefusals.NOT_FOUND));
    }

    private static String[] api(String... path) {
        String[] full = new String[path.length + 2];
        full[0] = "api";
        full[1] = "v1";
        System.arraycopy(path, 0, full, 2, path.length);
        return full;
    }

    private static String[] contrib(String... path) {
        String[] full = new String[path.length + 4];
        full[0] = "api";
        full[1] = "v1";
        full[2] = "contrib";
        full[3] = "opackiosk";
        System.arraycopy(path, 0, full, 4, path.length);
        return full;
    }

    /** Continues with {@code next} after an {@code Ok}; every other outcome passes through. */
    private static <A, B> CallResult<B> then(CallResult<A> result, Function<A, CallResult<B>> next) {
        return switch (result) {
            case CallResult.Ok<A> ok -> next.apply(ok.value());
            case CallResult.Refused<A> r -> CallResult.refused(r.reason());
            case CallResult.Unreachable<A> u -> CallResult.unreachable(u.detail());
            case CallResult.Ambiguous<A> a -> CallResult.ambiguous(a.detail());
        };
    }

    private static <T> CallResult<T> flatten(CallResult<CallResult<T>> result) {
        return then(result, inner -> inner);
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

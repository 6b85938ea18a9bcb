package org.opackiosk.demo.patrons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opackiosk.demo.KohaVersion;
import org.opackiosk.demo.checkouts.CheckoutRepository;
import org.opackiosk.demo.circulation.Circulation;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.db.Passwords;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.ApiProblem;
import org.opackiosk.demo.http.Authentication;
import org.opackiosk.demo.http.BodySchema;
import org.opackiosk.demo.http.BodySchema.Type;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.libraries.LibraryRepository;
import org.opackiosk.demo.mail.Mailer;
import org.opackiosk.demo.support.CardNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Koha's patron routes the kiosk uses: password validation (24.05's {@code identifier} form answering 201,
 * or 23.05's {@code userid} form answering 204), lookup by card number, the patron with its loan counts,
 * {@code PUT} of the whole patron (e-mail changes), and the staff and public password changes.
 *
 * <p>{@code POST /public/patrons/{id}/password} needs the patron's own session in Koha; here it accepts
 * HTTP Basic with the patron's card number (or userid) and current password, or the kiosk's API client
 * credentials (token or Basic) — in both cases {@code old_password} must be right.
 */
public final class PatronRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PatronRoutes.class);
    /** Koha's check is Email::Valid; this is the common shape: local@domain.tld, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private static final BodySchema VALIDATION = BodySchema.object()
            .optional("identifier", Type.STRING).optional("userid", Type.STRING)
            .required("password", Type.STRING).build();
    private static final BodySchema VALIDATION_23_05 = BodySchema.object()
            .required("userid", Type.STRING).required("password", Type.STRING).build();
    private static final BodySchema STAFF_PASSWORD = BodySchema.object()
            .required("password", Type.STRING).required("password_2", Type.STRING).build();
    private static final BodySchema PUBLIC_PASSWORD = BodySchema.object()
            .required("password", Type.STRING).required("password_repeated", Type.STRING)
            .required("old_password", Type.STRING).build();
    /** The writable patron fields; read-only ones (patron_id, restricted, counts …) are refused like unknown ones. */
    static final BodySchema PATRON = BodySchema.object()
            .required("surname", Type.STRING).required("library_id", Type.STRING).required("category_id", Type.STRING)
            .nullable("cardnumber", Type.STRING).nullable("userid", Type.STRING).nullable("firstname", Type.STRING)
            .nullable("email", Type.STRING).nullable("secondary_email", Type.STRING).nullable("phone", Type.STRING)
            .nullable("mobile", Type.STRING).nullable("date_of_birth", Type.DATE)
            .nullable("date_enrolled", Type.DATE).nullable("expiry_date", Type.DATE).optional("lang", Type.STRING)
            .optional("privacy", Type.INTEGER).build();

    private final Database database;
    private final PatronRepository patrons;
    private final CheckoutRepository checkouts;
    private final LibraryRepository libraries;
    private final Circulation circulation;
    private final PasswordPolicy policy;
    private final Mailer mailer;
    private final Authentication authentication;
    private final KohaVersion kohaVersion;

    public PatronRoutes(Database database, Circulation circulation, PasswordPolicy policy, Mailer mailer,
                        Authentication authentication, KohaVersion kohaVersion) {
        this.database = database;
        this.patrons = new PatronRepository();
        this.checkouts = new CheckoutRepository();
        this.libraries = new LibraryRepository();
        this.circulation = circulation;
        this.policy = policy;
        this.mailer = mailer;
        this.authentication = authentication;
        this.kohaVersion = kohaVersion;
    }

    public void register(Router router) {
        router.post("/api/v1/auth/password/validation", Access.API_CLIENT, this::validate);
        router.get("/api/v1/patrons", Access.API_CLIENT, this::list);
        router.get("/api/v1/patrons/{patron_id}", Access.API_CLIENT, this::get);
        router.put("/api/v1/patrons/{patron_id}", Access.API_CLIENT, this::update);
        router.post("/api/v1/patrons/{patron_id}/password", Access.API_CLIENT, this::setPassword);
        router.post("/api/v1/public/patrons/{patron_id}/password", Access.PUBLIC, this::changePassword);
    }

    private Response validate(Request request) {
        boolean modern = kohaVersion.atLeast(KohaVersion.IDENTIFIER_VALIDATION);
        ObjectNode body = request.json(modern ? VALIDATION : VALIDATION_23_05);
        String password = body.path("password").asText();
        Optional<Patron> patron = database.read(connection -> {
            if (body.hasNonNull("userid")) {
                return patrons.findByUserid(connection, body.get("userid").asText());
            }
            if (body.hasNonNull("identifier")) {
                return patrons.findByIdentifier(connection, body.get("identifier").asText());
            }
            return Optional.empty();
        });
        if (patron.isEmpty() || !Passwords.verify(password, patron.get().passwordHash())) {
            LOG.info("Password validation failed for {}", patron.map(p -> CardNumbers.mask(p.cardnumber()))
                    .orElse("an unknown identifier"));
            throw ApiProblem.error(400, "Validation failed", null);
        }
        if (!modern) {
            return Response.empty(204);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cardnumber", patron.get().cardnumber());
        json.put("patron_id", patron.get().patronId());
        json.put("userid", patron.get().userid());
        return Response.json(201, json);
    }

    private Response list(Request request) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("cardnumber", "userid", "email", "surname", "firstname")) {
            request.query(name).filter(v -> !v.isEmpty()).ifPresent(v -> filters.put(name, v));
        }
        String match = request.query("_match").orElse("contains");
        if (!Set.of("contains", "exact", "starts_with", "ends_with").contains(match)) {
            throw ApiProblem.validation("Not in enum list: contains, exact, starts_with, ends_with.", "/_match");
        }
        Page page = Page.of(request);
        Set<String> embeds = request.embeds();
        return database.read(connection -> {
            List<Patron> found = patrons.search(connection, filters, match);
            int from = page.all() ? 0 : Math.min(found.size(), (page.page() - 1) * page.perPage());
            int to = page.all() ? found.size() : Math.min(found.size(), from + page.perPage());
            List<Map<String, Object>> body = new ArrayList<>();
            for (Patron patron : found.subList(from, to)) {
                body.add(json(connection, patron, embeds));
            }
            return page.decorate(Response.ok(body), request, found.size(), patrons.all(connection).size());
        });
    }

    private Response get(Request request) {
        int patronId = request.intPathParam("patron_id");
        Set<String> embeds = request.embeds();
        return database.read(connection -> Response.ok(json(connection, find(connection, patronId), embeds)));
    }

    private Map<String, Object> json(Connection connection, Patron patron, Set<String> embeds) throws SQLException {
        Map<String, Object> json = PatronJson.of(patron, circulation.restricted(patron), circulation.zone());
        if (!circulation.rules().secondaryEmail()) {
            json.remove("secondary_email");
        }
        if (embeds.contains("checkouts+count")) {
            json.put("checkouts_count", checkouts.countForPatron(connection, patron.patronId(), false));
        }
        if (embeds.contains("overdues+count")) {
            json.put("overdues_count", checkouts.countOverdue(connection, patron.patronId(), circulation.now()));
        }
        if (embeds.contains("account_balance")) {
            json.put("account_balance", 0);
        }
        return json;
    }

    private Patron find(Connection connection, int patronId) throws SQLException {
        return patrons.find(connection, patronId)
                .orElseThrow(() -> ApiProblem.error(404, "Patron not found", "not_found"));
    }

    private Response update(Request request) {
        int patronId = request.intPathParam("patron_id");
        ObjectNode body = request.json(PATRON);
        if (!circulation.rules().secondaryEmail() && body.has("secondary_email")) {
            // a server without the field refuses it like any unknown one (Koha: additionalProperties false)
            throw ApiProblem.validation("Properties not allowed: secondary_email.", "/body");
        }
        for (String field : List.of("email", "secondary_email")) {
            JsonNode value = body.get(field);
            if (value != null && value.isTextual() && !value.asText().isEmpty()
                    && !EMAIL.matcher(value.asText()).matches()) {
                throw ApiProblem.error(400, "Invalid email address: " + field, "invalid_email");
            }
        }
        Patron[] before = new Patron[1];
        Patron updated = database.transaction(connection -> {
            Patron old = find(connection, patronId);
            before[0] = old;
            String libraryId = body.get("library_id").asText();
            if (libraries.find(connection, libraryId).isEmpty()) {
                throw ApiProblem.error(400, "Library not found: " + libraryId, "library_not_found");
            }
            String cardnumber = text(body, "cardnumber", old.cardnumber());
            String userid = text(body, "userid", old.userid());
            if (cardnumber == null) {
                throw ApiProblem.error(400, "A patron needs a cardnumber", "missing_cardnumber");
            }
            if (!cardnumber.equals(old.cardnumber()) && patrons.findByCardnumber(connection, cardnumber).isPresent()) {
                throw ApiProblem.error(409, "Cardnumber already in use", "cardnumber_already_exists");
            }
            if (userid != null && !userid.equals(old.userid()) && patrons.findByUserid(connection, userid).isPresent()) {
                throw ApiProblem.error(409, "Userid already in use", "userid_already_exists");
            }
            Patron patron = new Patron(old.patronId(), cardnumber, userid, body.get("surname").asText(),
                    text(body, "firstname", old.firstname()), old.surnameReading(), old.firstnameReading(),
                    blankToNull(text(body, "email", old.email())),
                    blankToNull(text(body, "secondary_email", old.secondaryEmail())),
                    text(body, "phone", old.phone()), text(body, "mobile", old.mobile()),
                    date(body, "date_of_birth", old.dateOfBirth()), libraryId, body.get("category_id").asText(),
                    date(body, "date_enrolled", old.dateEnrolled()), date(body, "expiry_date", old.expiryDate()),
                    old.restricted(), old.restrictionReason(), old.restrictedUntil(),
                    body.has("lang") ? body.get("lang").asText() : old.lang(),
                    body.has("privacy") ? body.get("privacy").asInt() : old.privacy(), old.passwordHash(),
                    old.passwordChangedAt(), old.loginAttempts(), old.demonstratesJa(), old.demonstratesEn(),
                    circulation.now());
            patrons.update(connection, patron);
            return patron;
        });
        if (updated.email() != null && !updated.email().equals(before[0].email())) {
            mailer.send(updated.email(), "email-registered", before[0].email() == null
                            ? "メールアドレスを登録しました" : "メールアドレスを変更しました",
                    greeting(updated) + "図書館からのお知らせを受け取るメールアドレスとして、このアドレスが"
                            + "登録されました。\n\nお心当たりのない場合は、図書館までご連絡ください。\n\n"
                            + Mailer.FROM_NAME + "\n");
        }
        LOG.info("Patron {} updated", patronId);
        return database.read(connection -> Response.ok(json(connection, updated, Set.of())));
    }

    private Response setPassword(Request request) {
        int patronId = request.intPathParam("patron_id");
        ObjectNode body = request.json(STAFF_PASSWORD);
        Patron patron = database.read(connection -> find(connection, patronId));
        String password = body.get("password").asText();
        if (!password.equals(body.get("password_2").asText())) {
            throw ApiProblem.error(400, "Passwords don't match", "passwords_mismatch");
        }
        policy.check(password);
        store(patron, password);
        return Response.json(200, "");
    }

    private Response changePassword(Request request) {
        int patronId = request.intPathParam("patron_id");
        Patron patron = database.read(connection -> patrons.find(connection, patronId)).orElse(null);
        authorizeOwnSession(request, patron);
        ObjectNode body = request.json(PUBLIC_PASSWORD);
        if (!Passwords.verify(body.get("old_password").asText(), patron.passwordHash())) {
            throw ApiProblem.error(400, "Invalid password", "invalid_password");
        }
        String password = body.get("password").asText();
        if (!password.equals(body.get("password_repeated").asText())) {
            throw ApiProblem.error(400, "Passwords don't match", "passwords_mismatch");
        }
        policy.check(password);
        store(patron, password);
        return Response.json(200, "");
    }

    /** The kiosk's API client, or HTTP Basic with this very patron's credentials. */
    private void authorizeOwnSession(Request request, Patron patron) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty()) {
            throw ApiProblem.error(401, "Authentication failure.", null);
        }
        if (authentication.authenticate(header).isPresent()) {
            if (patron == null) {
                throw ApiProblem.error(404, "Patron not found", "not_found");
            }
            return;
        }
        String value = header.get().strip();
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.error(401, "Authentication failure.", null);
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String identifier = decoded.substring(0, colon);
                Optional<Patron> caller = database.read(connection -> patrons.findByIdentifier(connection, identifier));
                if (caller.isPresent() && Passwords.verify(decoded.substring(colon + 1), caller.get().passwordHash())) {
                    if (patron == null || !caller.get().patronId().equals(patron.patronId())) {
                        throw ApiProblem.error(403, "Unprivileged user cannot access another user's resources",
                                "forbidden");
                    }
                    return;
                }
            }
        }
        throw ApiProblem.error(401, "Authentication failure.", null);
    }

    private void store(Patron patron, String password) {
        String hash = Passwords.hash(password);
        database.transaction(connection -> {
            patrons.setPassword(connection, patron.patronId(), hash, circulation.now());
            return null;
        });
        LOG.info("Password of patron {} changed", patron.patronId());
        mailer.send(patron.email(), "password-changed", "パスワードを変更しました",
                greeting(patron) + "図書館の利用者パスワードが変更されました。\n\n"
                        + "お心当たりのない場合は、図書館までご連絡ください。\n\n" + Mailer.FROM_NAME + "\n");
    }

    private static String greeting(Patron patron) {
        return patron.surname() + " " + (patron.firstname() == null ? "" : patron.firstname()) + " 様\n\n";
    }

    private static String text(ObjectNode body, String field, String fallback) {
        if (!body.has(field)) {
            return fallback;
        }
        return body.get(field).isNull() ? null : body.get(field).asText();
    }

    private static LocalDate date(ObjectNode body, String field, LocalDate fallback) {
        if (!body.has(field)) {
            return fallback;
        }
        return body.get(field).isNull() ? null : LocalDate.parse(body.get(field).asText());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package org.opackiosk.demo.contrib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opackiosk.demo.circulation.Circulation;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.db.Jdbc;
import org.opackiosk.demo.holds.Hold;
import org.opackiosk.demo.holds.HoldDetails;
import org.opackiosk.demo.holds.HoldRepository;
import org.opackiosk.demo.holds.HoldRoutes;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.ApiProblem;
import org.opackiosk.demo.http.BodySchema;
import org.opackiosk.demo.http.BodySchema.Type;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.patrons.PasswordPolicy;
import org.opackiosk.demo.patrons.Patron;
import org.opackiosk.demo.patrons.PatronRepository;
import org.opackiosk.demo.support.CardNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's extensions under {@code /api/v1/contrib/opackiosk/} (docs/contrib-api.md): capabilities,
 * the password policy, identity check before a first password, ordered series holds, the contact method
 * of a hold, and dismissing old holds. ({@code renewal_due_date} lives with the checkouts.)
 */
public final class ContribRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ContribRoutes.class);
    private static final String BASE = "/api/v1/contrib/opackiosk";
    public static final List<String> CAPABILITIES = List.of("ordered_series_holds", "hold_contact_method",
            "dismiss_cancelled_holds", "identity_check", "renewal_due_date", "patron_restrictions");
    private static final Set<String> CONTACT_METHODS = Set.of("email", "phone", "none");

    private static final BodySchema IDENTITY = BodySchema.object().required("cardnumber", Type.STRING)
            .required("date_of_birth", Type.DATE).required("phone", Type.STRING).build();
    private static final BodySchema SERIES = BodySchema.object().required("patron_id", Type.INTEGER)
            .required("pickup_library_id", Type.STRING).required("biblio_ids", Type.ARRAY)
            .optional("contact_method", Type.STRING).build();
    private static final BodySchema CONTACT = BodySchema.object().required("contact_method", Type.STRING).build();
    private static final BodySchema EMPTY = BodySchema.object().build();

    private final Database database;
    private final Circulation circulation;
    private final PasswordPolicy policy;
    private final HoldRoutes holdRoutes;
    private final HoldRepository holds = new HoldRepository();
    private final PatronRepository patrons = new PatronRepository();

    public ContribRoutes(Database database, Circulation circulation, PasswordPolicy policy, HoldRoutes holdRoutes) {
        this.database = database;
        this.circulation = circulation;
        this.policy = policy;
        this.holdRoutes = holdRoutes;
    }

    public void register(Router router) {
        router.get(BASE + "/capabilities", Access.API_CLIENT, r -> Response.ok(Map.of("capabilities", CAPABILITIES)));
        router.get(BASE + "/password_policy", Access.API_CLIENT, r -> Response.ok(policy.json()));
        router.post(BASE + "/identity_check", Access.API_CLIENT, this::identityCheck);
        router.post(BASE + "/series_holds", Access.API_CLIENT, this::seriesHolds);
        router.get(BASE + "/patrons/{patron_id}/hold_details", Access.API_CLIENT, this::holdDetails);
        router.get(BASE + "/patrons/{patron_id}/restrictions", Access.API_CLIENT, this::restrictions);
        router.put(BASE + "/holds/{hold_id}/contact_method", Access.API_CLIENT, this::contactMethod);
        router.get(BASE + "/patrons/{patron_id}/dismissed_holds", Access.API_CLIENT, this::dismissedHolds);
        router.post(BASE + "/holds/{hold_id}/dismissal", Access.API_CLIENT, this::dismiss);
    }

    private Response identityCheck(Request request) {
        ObjectNode body = request.json(IDENTITY);
        String cardnumber = body.get("cardnumber").asText();
        LocalDate dateOfBirth = LocalDate.parse(body.get("date_of_birth").asText());
        String phone = digits(body.get("phone").asText());
        return database.transaction(connection -> {
            int failures = Jdbc.count(connection, "SELECT COUNT(*) FROM identity_check_failures WHERE cardnumber = ? "
                    + "AND failed_at > ?", java.util.Arrays.asList(cardnumber,
                    circulation.now().minus(Duration.ofHours(1))));
            if (failures >= circulation.rules().identityCheckMaxFailures()) {
                throw ApiProblem.error(429, "Too many attempts, try again later", "too_many_attempts");
            }
            Optional<Patron> patron = patrons.findByCardnumber(connection, cardnumber);
            boolean confirmed = patron.isPresent() && dateOfBirth.equals(patron.get().dateOfBirth())
                    && !phone.isEmpty() && (phone.equals(digits(patron.get().phone()))
                    || phone.equals(digits(patron.get().mobile())));
            if (!confirmed) {
                Jdbc.update(connection, "INSERT INTO identity_check_failures (cardnumber, failed_at) VALUES (?, ?)",
                        cardnumber, circulation.now());
                LOG.info("Identity check failed for card {}", CardNumbers.mask(cardnumber));
                // committed although the answer is a refusal: the failure must count
                connection.commit();
                throw ApiProblem.error(403, "Identity not confirmed", "identity_not_confirmed");
            }
            if (patron.get().passwordHash() != null) {
                throw ApiProblem.error(409, "The patron already has a password", "password_already_set");
            }
            return Response.ok(Map.of("patron_id", patron.get().patronId()));
        });
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("[^0-9]", "");
    }

    private Response seriesHolds(Request request) {
        ObjectNode body = request.json(SERIES);
        JsonNode ids = body.get("biblio_ids");
        List<Integer> biblioIds = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber()) {
                throw ApiProblem.validation("Expected integer - got " + id.getNodeType().name().toLowerCase() + ".",
                        "/body/biblio_ids");
            }
            biblioIds.add(id.asInt());
        }
        if (biblioIds.isEmpty() || new HashSet<>(biblioIds).size() != biblioIds.size()) {
            throw ApiProblem.error(400, "biblio_ids must list distinct records, at least one", "invalid_series");
        }
        String contactMethod = body.hasNonNull("contact_method") ? body.get("contact_method").asText() : null;
        if (contactMethod != null && !CONTACT_METHODS.contains(contactMethod)) {
            throw ApiProblem.validation("Not in enum list: email, phone, none.", "/body/contact_method");
        }
        return database.transaction(connection -> {
            int group = holds.nextSeriesGroup(connection);
            List<Integer> placedIds = new ArrayList<>();
            int position = 1;
            for (int biblioId : biblioIds) {
                Hold hold;
                try {
                    hold = circulation.place(connection, new Circulation.HoldRequest(body.get("patron_id").asInt(),
                            body.get("pickup_library_id").asText(), biblioId, null, null, null, null, null, false), true);
                } catch (ApiProblem refused) {
                    throw withBiblio(refused, biblioId);
                }
                holds.setSeries(connection, hold.holdId(), group, position++);
                if (contactMethod != null) {
                    holds.setContactMethod(connection, hold.holdId(), contactMethod);
                }
                placedIds.add(hold.holdId());
            }
            // the first volume may be on the shelf now: set it aside at once (later volumes wait their turn)
            for (int biblioId : biblioIds) {
                circulation.allocate(connection, biblioId);
            }
            List<Map<String, Object>> placed = new ArrayList<>();
            for (int id : placedIds) {
                placed.add(holdRoutes.json(connection, holds.find(connection, id).orElseThrow(), Set.of()));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("series_group_id", group);
            json.put("holds", placed);
            return Response.json(201, json);
        });
    }

    private static ApiProblem withBiblio(ApiProblem refused, int biblioId) {
        try {
            JsonNode body = org.opackiosk.demo.http.Json.mapper().readTree(refused.response().body());
            if (body instanceof ObjectNode object) {
                object.put("biblio_id", biblioId);
                return new ApiProblem(Response.json(refused.response().status(), object));
            }
        } catch (java.io.IOException e) {
            // not JSON: keep it as it is
        }
        return refused;
    }

    private Response holdDetails(Request request) {
        int patronId = request.intPathParam("patron_id");
        return database.read(connection -> {
            Patron patron = patron(connection, patronId);
            List<Hold> current = holds.listForPatron(connection, patronId, false, null,
                    new org.opackiosk.demo.http.Page(1, -1));
            Map<Integer, HoldDetails> details = holds.details(connection, current.stream().map(Hold::holdId).toList());
            List<Map<String, Object>> body = new ArrayList<>();
            for (Hold hold : current) {
                HoldDetails each = details.get(hold.holdId());
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("hold_id", hold.holdId());
                json.put("contact_method", Circulation.contactMethod(each, patron));
                json.put("series_group_id", each.seriesGroupId());
                json.put("series_position", each.seriesPosition());
                body.add(json);
            }
            return Response.ok(body);
        });
    }

    /**
     * The patron's current restrictions as Koha keeps them ({@code borrower_debarments}: type, comment, expiration);
     * Koha's patron object says only {@code restricted}. The demo keeps at most one restriction per patron.
     */
    private Response restrictions(Request request) {
        int patronId = request.intPathParam("patron_id");
        return database.read(connection -> {
            Patron patron = patron(connection, patronId);
            List<Map<String, Object>> body = new ArrayList<>();
            if (circulation.restricted(patron)) {
                String type = null;
                try (java.sql.PreparedStatement query = Jdbc.prepare(connection,
                        "SELECT restriction_type FROM patrons WHERE patron_id = ?", patronId);
                     java.sql.ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        type = rs.getString(1);
                    }
                }
                // a restriction set without a type is one staff set by hand, as Koha's MANUAL
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("type", type == null ? "MANUAL" : type);
                json.put("comment", patron.restrictionReason());
                json.put("expiration", patron.restrictedUntil() == null ? null : patron.restrictedUntil().toString());
                body.add(json);
            }
            return Response.ok(body);
        });
    }

    private Patron patron(Connection connection, int patronId) throws SQLException {
        return patrons.find(connection, patronId)
                .orElseThrow(() -> ApiProblem.error(404, "Patron not found", "not_found"));
    }

    private Response contactMethod(Request request) {
        int holdId = request.intPathParam("hold_id");
        String method = request.json(CONTACT).get("contact_method").asText();
        if (!CONTACT_METHODS.contains(method)) {
            throw ApiProblem.validation("Not in enum list: email, phone, none.", "/body/contact_method");
        }
        return database.transaction(connection -> {
            Hold hold = holds.find(connection, holdId).filter(h -> !h.archived())
                    .orElseThrow(() -> ApiProblem.error(404, "Hold not found", "not_found"));
            if ("W".equals(hold.status())) {
                throw ApiProblem.error(409, "The hold is already waiting for pickup", "hold_waiting");
            }
            if ("T".equals(hold.status())) {
                throw ApiProblem.error(409, "The hold is already in transit", "hold_in_transit");
            }
            holds.setContactMethod(connection, holdId, method);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("hold_id", holdId);
            json.put("contact_method", method);
            return Response.ok(json);
        });
    }

    private Response dismissedHolds(Request request) {
        int patronId = request.intPathParam("patron_id");
        return database.read(connection -> {
            patron(connection, patronId);
            return Response.ok(holds.dismissed(connection, patronId));
        });
    }

    private Response dismiss(Request request) {
        int holdId = request.intPathParam("hold_id");
        if (request.body().length > 0) {
            request.json(EMPTY);
        }
        return database.transaction(connection -> {
            Hold hold = holds.find(connection, holdId).filter(Hold::archived)
                    .orElseThrow(() -> ApiProblem.error(404, "No old hold " + holdId, "not_found"));
            holds.dismiss(connection, hold.holdId());
            return Response.empty(204);
        });
    }
}

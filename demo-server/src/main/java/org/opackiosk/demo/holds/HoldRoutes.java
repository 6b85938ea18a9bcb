package org.opackiosk.demo.holds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opackiosk.demo.biblios.BiblioJson;
import org.opackiosk.demo.biblios.BiblioRepository;
import org.opackiosk.demo.circulation.Circulation;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.ApiProblem;
import org.opackiosk.demo.http.BodySchema;
import org.opackiosk.demo.http.BodySchema.Type;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.items.ItemJson;
import org.opackiosk.demo.items.ItemRepository;
import org.opackiosk.demo.libraries.Library;
import org.opackiosk.demo.libraries.LibraryJson;
import org.opackiosk.demo.libraries.LibraryRepository;
import org.opackiosk.demo.patrons.PatronRepository;

/**
 * Koha's hold routes: a patron's current and old holds ({@code old=true}: cancelled and filled ones of the
 * last {@code old_holds_days}, not dismissed; {@code x-koha-embed: biblio, item, pickup_library}), placing
 * ({@code POST /holds}, refusals with Koha's status and {@code error_code}), cancelling, changing the pickup
 * library, and the pickup locations of a record.
 */
public final class HoldRoutes {

    static final BodySchema NEW_HOLD = BodySchema.object()
            .required("patron_id", Type.INTEGER).required("pickup_library_id", Type.STRING)
            .nullable("biblio_id", Type.INTEGER).nullable("item_id", Type.INTEGER)
            .nullable("item_group_id", Type.INTEGER).nullable("hold_date", Type.DATE)
            .nullable("expiration_date", Type.DATE).nullable("notes", Type.STRING)
            .nullable("item_type_id", Type.STRING).nullable("non_priority", Type.BOOLEAN).build();
    private static final BodySchema PICKUP = BodySchema.object().required("pickup_library_id", Type.STRING).build();

    private final Database database;
    private final Circulation circulation;
    private final HoldRepository holds = new HoldRepository();
    private final PatronRepository patrons = new PatronRepository();
    private final BiblioRepository biblios = new BiblioRepository();
    private final ItemRepository items = new ItemRepository();
    private final LibraryRepository libraries = new LibraryRepository();

    public HoldRoutes(Database database, Circulation circulation) {
        this.database = database;
        this.circulation = circulation;
    }

    public void register(Router router) {
        router.get("/api/v1/patrons/{patron_id}/holds", Access.API_CLIENT, this::listForPatron);
        router.get("/api/v1/holds", Access.API_CLIENT, this::list);
        router.post("/api/v1/holds", Access.API_CLIENT, this::place);
        router.delete("/api/v1/holds/{hold_id}", Access.API_CLIENT, this::cancel);
        router.put("/api/v1/holds/{hold_id}/pickup_location", Access.API_CLIENT, this::changePickup);
        router.get("/api/v1/biblios/{biblio_id}/pickup_locations", Access.API_CLIENT, this::pickupLocations);
    }

    private Response listForPatron(Request request) {
        return listing(request, request.intPathParam("patron_id"), true);
    }

    private Response list(Request request) {
        Optional<Integer> patronId = request.intQuery("patron_id");
        if (patronId.isEmpty()) {
            Optional<Integer> biblioId = request.intQuery("biblio_id");
            if (biblioId.isPresent()) {
                return listForBiblio(request, biblioId.get());
            }
            throw ApiProblem.error(400, "patron_id or biblio_id is required by this server", "invalid_query");
        }
        return listing(request, patronId.get(), false);
    }

    /**
     * {@code GET /api/v1/holds?biblio_id=N}: the current holds on a record in queue order, paged, with
     * {@code X-Total-Count} — as Koha's {@code listHolds} filters by {@code biblio_id}. The kiosk asks for one
     * per page and reads the count (予約 N 件).
     */
    private Response listForBiblio(Request request, int biblioId) {
        Page page = Page.of(request);
        Set<String> embeds = request.embeds();
        return database.read(connection -> {
            List<Hold> current = holds.currentForBiblio(connection, biblioId);
            int from = page.all() ? 0 : (int) Math.min(current.size(), (long) (page.page() - 1) * page.perPage());
            int to = page.all() ? current.size() : (int) Math.min(current.size(), (long) from + page.perPage());
            List<Map<String, Object>> body = new ArrayList<>();
            for (Hold hold : current.subList(from, to)) {
                body.add(json(connection, hold, embeds));
            }
            return page.decorate(Response.ok(body), request, current.size(), current.size());
        });
    }

    private Response listing(Request request, int patronId, boolean patronMustExist) {
        boolean old = request.query("old").map(v -> v.equals("true") || v.equals("1")).orElse(false);
        Page page = Page.of(request);
        Set<String> embeds = request.embeds();
        LocalDate since = circulation.today().minusDays(circulation.rules().oldHoldsDays());
        return database.read(connection -> {
            if (patrons.find(connection, patronId).isEmpty()) {
                if (patronMustExist) {
                    throw ApiProblem.error(404, "Patron not found", "not_found");
                }
                return page.decorate(Response.ok(List.of()), request, 0, 0);
            }
            int total = holds.countForPatron(connection, patronId, old, since);
            List<Map<String, Object>> body = new ArrayList<>();
            for (Hold hold : holds.listForPatron(connection, patronId, old, since, page)) {
                body.add(json(connection, hold, embeds));
            }
            return page.decorate(Response.ok(body), request, total, total);
        });
    }

    public Map<String, Object> json(Connection connection, Hold hold, Set<String> embeds) throws SQLException {
        Map<String, Object> json = HoldJson.of(hold, circulation.zone());
        if (embeds.contains("biblio")) {
            json.put("biblio", biblios.find(connection, hold.biblioId(), false)
                    .map(b -> BiblioJson.of(b, circulation.zone())).orElse(null));
        }
        if (embeds.contains("item")) {
            json.put("item", hold.itemId() == null ? null : items.find(connection, hold.itemId())
                    .map(i -> ItemJson.of(i, null, circulation.zone())).orElse(null));
        }
        if (embeds.contains("pickup_library")) {
            json.put("pickup_library", hold.pickupLibraryId() == null ? null
                    : libraries.find(connection, hold.pickupLibraryId()).map(LibraryJson::of).orElse(null));
        }
        return json;
    }

    private Response place(Request request) {
        ObjectNode body = request.json(NEW_HOLD);
        Circulation.HoldRequest hold = holdRequest(body);
        return database.transaction(connection -> Response.json(201,
                json(connection, circulation.place(connection, hold), Set.of())));
    }

    /** The body of {@code POST /holds} as a {@link Circulation.HoldRequest}. */
    public static Circulation.HoldRequest holdRequest(ObjectNode body) {
        return new Circulation.HoldRequest(body.get("patron_id").asInt(), body.get("pickup_library_id").asText(),
                integer(body, "biblio_id"), integer(body, "item_id"), date(body, "hold_date"),
                date(body, "expiration_date"), text(body, "notes"), text(body, "item_type_id"),
                body.path("non_priority").asBoolean(false));
    }

    private Response cancel(Request request) {
        int holdId = request.intPathParam("hold_id");
        return database.transaction(connection -> {
            Hold hold = current(connection, holdId);
            circulation.cancel(connection, hold, null, true);
            return Response.empty(204);
        });
    }

    private Hold current(Connection connection, int holdId) throws SQLException {
        return holds.find(connection, holdId).filter(h -> !h.archived())
                .orElseThrow(() -> ApiProblem.error(404, "Hold not found", "not_found"));
    }

    private Response changePickup(Request request) {
        int holdId = request.intPathParam("hold_id");
        String libraryId = request.json(PICKUP).get("pickup_library_id").asText();
        return database.transaction(connection -> {
            Hold hold = current(connection, holdId);
            if (hold.status() != null) {
                throw switch (hold.status()) {
                    case "W" -> ApiProblem.error(409, "Cannot change pickup location", "hold_waiting");
                    case "T" -> ApiProblem.error(409, "Cannot change pickup location", "hold_in_transit");
                    default -> ApiProblem.error(409, "Cannot change pickup location", "hold_in_processing");
                };
            }
            Optional<Library> library = libraries.find(connection, libraryId);
            if (library.isEmpty() || !library.get().pickupLocation()) {
                throw ApiProblem.error(400, "The supplied pickup location is not valid", "invalid_pickup_location");
            }
            holds.setPickupLibrary(connection, holdId, libraryId, circulation.now());
            return Response.ok(json(connection, holds.find(connection, holdId).orElseThrow(), Set.of()));
        });
    }

    private Response pickupLocations(Request request) {
        int biblioId = request.intPathParam("biblio_id");
        Optional<Integer> patronId = request.intQuery("patron_id");
        if (patronId.isEmpty()) {
            throw ApiProblem.validation("Missing property.", "/patron_id");
        }
        return database.read(connection -> {
            if (!biblios.exists(connection, biblioId)) {
                throw ApiProblem.error(404, "Biblio not found", "not_found");
            }
            if (patrons.find(connection, patronId.get()).isEmpty()) {
                throw ApiProblem.error(400, "Patron not found", "patron_not_found");
            }
            List<Map<String, Object>> body = new ArrayList<>();
            for (Library library : libraries.list(connection, new org.opackiosk.demo.http.SqlCondition(
                    "pickup_location AND is_public", List.of()), " ORDER BY sort_order, library_id", new Page(1, -1))) {
                body.add(LibraryJson.of(library));
            }
            return Response.ok(body);
        });
    }

    private static Integer integer(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static LocalDate date(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : LocalDate.parse(value.asText());
    }

    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

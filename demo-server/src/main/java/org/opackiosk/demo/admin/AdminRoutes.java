package org.opackiosk.demo.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.opackiosk.demo.checkouts.Checkout;
import org.opackiosk.demo.checkouts.CheckoutJson;
import org.opackiosk.demo.circulation.Circulation;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.holds.HoldRoutes;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.ApiProblem;
import org.opackiosk.demo.http.BodySchema;
import org.opackiosk.demo.http.BodySchema.Type;
import org.opackiosk.demo.http.Json;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.items.Item;
import org.opackiosk.demo.items.ItemRepository;
import org.opackiosk.demo.patrons.Patron;
import org.opackiosk.demo.patrons.PatronRepository;
import org.opackiosk.demo.support.MovableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's own desk, not part of Koha's API and not under {@code /api/v1}: move the clock, check a copy
 * in (which allocates it to the first eligible hold), lend a copy (which fills the patron's hold). Only
 * answered to loopback addresses ({@link Access#LOOPBACK}), without credentials.
 *
 * <ul>
 *   <li>{@code GET /admin/clock} → {@code {"now", "today", "offset"}}</li>
 *   <li>{@code POST /admin/clock {"offset": "P8D"}} → the same; the offset is from the real clock
 *       (ISO-8601 duration, {@code PT0S} = back to now); due holds expire at once</li>
 *   <li>{@code POST /admin/checkin {"external_id": barcode}} → {@code {"item_id", "checkout", "hold"}}</li>
 *   <li>{@code POST /admin/checkout {"external_id", "cardnumber"}} → 201 checkout</li>
 * </ul>
 */
public final class AdminRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    private static final BodySchema CLOCK = BodySchema.object().required("offset", Type.STRING).build();
    private static final BodySchema CHECKIN = BodySchema.object().required("external_id", Type.STRING).build();
    private static final BodySchema CHECKOUT = BodySchema.object().required("external_id", Type.STRING)
            .required("cardnumber", Type.STRING).build();

    private final Database database;
    private final Circulation circulation;
    private final MovableClock clock;
    private final HoldRoutes holdRoutes;
    private final ItemRepository items = new ItemRepository();
    private final PatronRepository patrons = new PatronRepository();

    public AdminRoutes(Database database, Circulation circulation, MovableClock clock, HoldRoutes holdRoutes) {
        this.database = database;
        this.circulation = circulation;
        this.clock = clock;
        this.holdRoutes = holdRoutes;
    }

    public void register(Router router) {
        router.get("/admin/clock", Access.LOOPBACK, r -> Response.ok(clockJson()));
        router.post("/admin/clock", Access.LOOPBACK, this::moveClock);
        router.post("/admin/checkin", Access.LOOPBACK, this::checkin);
        router.post("/admin/checkout", Access.LOOPBACK, this::checkout);
    }

    private Map<String, Object> clockJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("now", Json.dateTime(clock.instant(), clock.getZone()));
        json.put("today", LocalDate.now(clock).toString());
        json.put("offset", clock.offset().toString());
        return json;
    }

    private Response moveClock(Request request) {
        String text = request.json(CLOCK).get("offset").asText();
        Duration offset;
        try {
            offset = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.error(400, "offset must be an ISO-8601 duration such as P8D or PT2H", "invalid_offset");
        }
        clock.setOffset(offset);
        LOG.info("Clock offset set to {}", offset);
        circulation.maintainIfNewDay();
        return Response.ok(clockJson());
    }

    private Item item(java.sql.Connection connection, String barcode) throws java.sql.SQLException {
        return items.findByBarcode(connection, barcode)
                .orElseThrow(() -> ApiProblem.error(404, "No item with barcode " + barcode, "not_found"));
    }

    private Response checkin(Request request) {
        String barcode = request.json(CHECKIN).get("external_id").asText();
        return database.transaction(connection -> {
            Circulation.Checkin done = circulation.checkin(connection, item(connection, barcode));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("item_id", done.item().itemId());
            json.put("checkout", done.closed() == null ? null
                    : CheckoutJson.of(done.closed(), barcode, circulation.zone()));
            json.put("hold", done.allocatedTo() == null ? null
                    : holdRoutes.json(connection, done.allocatedTo(), Set.of()));
            return Response.ok(json);
        });
    }

    private Response checkout(Request request) {
        ObjectNode body = request.json(CHECKOUT);
        String barcode = body.get("external_id").asText();
        return database.transaction(connection -> {
            Item item = item(connection, barcode);
            Patron patron = patrons.findByCardnumber(connection, body.get("cardnumber").asText())
                    .orElseThrow(() -> ApiProblem.error(404, "No such patron", "not_found"));
            Checkout checkout = circulation.checkout(connection, item, patron);
            return Response.json(201, CheckoutJson.of(checkout, barcode, circulation.zone()));
        });
    }
}

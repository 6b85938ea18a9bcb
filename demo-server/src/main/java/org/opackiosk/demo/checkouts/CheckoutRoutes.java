package org.opackiosk.demo.checkouts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.opackiosk.demo.http.Json;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.items.Item;
import org.opackiosk.demo.items.ItemJson;
import org.opackiosk.demo.items.ItemRepository;
import org.opackiosk.demo.patrons.PatronRepository;

/**
 * Koha's loan routes: a patron's current or returned loans ({@code x-koha-embed: item, item.biblio}),
 * whether a loan can be renewed, and renewing it; plus the kiosk's {@code renewal_due_date} extension.
 * The rules are the {@link Circulation}'s: one renewal, due {@code renewal_days} after the day of renewal,
 * not when overdue, restricted, the card expired, or someone is waiting for the record.
 */
public final class CheckoutRoutes {

    private final Database database;
    private final Circulation circulation;
    private final CheckoutRepository checkouts = new CheckoutRepository();
    private final PatronRepository patrons = new PatronRepository();
    private final ItemRepository items = new ItemRepository();
    private final BiblioRepository biblios = new BiblioRepository();

    public CheckoutRoutes(Database database, Circulation circulation) {
        this.database = database;
        this.circulation = circulation;
    }

    public void register(Router router) {
        router.get("/api/v1/patrons/{patron_id}/checkouts", Access.API_CLIENT, this::listForPatron);
        router.get("/api/v1/checkouts", Access.API_CLIENT, this::list);
        router.get("/api/v1/checkouts/{checkout_id}/allows_renewal", Access.API_CLIENT, this::allowsRenewal);
        router.post("/api/v1/checkouts/{checkout_id}/renewal", Access.API_CLIENT, this::renew);
        router.post("/api/v1/checkouts/{checkout_id}/renewals", Access.API_CLIENT, this::renew);
        router.get("/api/v1/contrib/opackiosk/checkouts/{checkout_id}/renewal_due_date", Access.API_CLIENT,
                this::renewalDueDate);
    }

    private Response listForPatron(Request request) {
        return listing(request, request.intPathParam("patron_id"), true);
    }

    private Response list(Request request) {
        Optional<Integer> patronId = request.intQuery("patron_id");
        if (patronId.isEmpty()) {
            throw ApiProblem.error(400, "patron_id is required by this server", "invalid_query");
        }
        return listing(request, patronId.get(), false);
    }

    private Response listing(Request request, int patronId, boolean patronMustExist) {
        boolean checkedIn = request.query("checked_in").map(v -> v.equals("true") || v.equals("1")).orElse(false);
        Page page = Page.of(request);
        Set<String> embeds = request.embeds();
        return database.read(connection -> {
            if (patrons.find(connection, patronId).isEmpty()) {
                if (patronMustExist) {
                    throw ApiProblem.error(404, "Patron not found", "not_found");
                }
                return page.decorate(Response.ok(List.of()), request, 0, 0);
            }
            int total = checkouts.countForPatron(connection, patronId, checkedIn);
            List<Map<String, Object>> body = new ArrayList<>();
            for (Checkout checkout : checkouts.listForPatron(connection, patronId, checkedIn, page)) {
                body.add(json(connection, checkout, embeds));
            }
            return page.decorate(Response.ok(body), request, total, total);
        });
    }

    private Map<String, Object> json(Connection connection, Checkout checkout, Set<String> embeds)
            throws SQLException {
        Item item = items.find(connection, checkout.itemId()).orElse(null);
        Map<String, Object> json = CheckoutJson.of(checkout, item == null ? null : item.barcode(), circulation.zone());
        if (embeds.contains("item") || embeds.contains("item.biblio")) {
            Map<String, Object> itemJson = item == null ? null
                    : ItemJson.of(item, checkout.current() ? checkout : null, circulation.zone());
            if (itemJson != null && embeds.contains("item.biblio")) {
                itemJson.put("biblio", biblios.find(connection, item.biblioId(), false)
                        .map(b -> BiblioJson.of(b, circulation.zone())).orElse(null));
            }
            json.put("item", itemJson);
        }
        return json;
    }

    private Checkout find(Connection connection, int checkoutId) throws SQLException {
        return checkouts.find(connection, checkoutId)
                .orElseThrow(() -> ApiProblem.error(404, "Checkout doesn't exist", "not_found"));
    }

    private Response allowsRenewal(Request request) {
        int checkoutId = request.intPathParam("checkout_id");
        return database.read(connection -> {
            Checkout checkout = find(connection, checkoutId);
            Optional<String> error = checkout.current() ? circulation.renewalError(connection, checkout)
                    : Optional.of("no_checkout");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("allows_renewal", error.isEmpty());
            json.put("max_renewals", circulation.rules().maxRenewals());
            json.put("current_renewals", checkout.renewalsCount());
            json.put("unseen_renewals", checkout.unseenRenewals());
            json.put("error", error.orElse(null));
            return Response.ok(json);
        });
    }

    private Response renew(Request request) {
        int checkoutId = request.intPathParam("checkout_id");
        boolean seen = request.intQuery("seen").map(v -> v != 0).orElse(true);
        return database.transaction(connection -> {
            Checkout checkout = find(connection, checkoutId);
            if (!checkout.current()) {
                throw ApiProblem.error(404, "Checkout doesn't exist", "not_found");
            }
            Optional<String> error = circulation.renewalError(connection, checkout);
            if (error.isPresent()) {
                throw ApiProblem.error(403, "Renewal not authorized (" + error.get() + ")", error.get());
            }
            checkouts.renew(connection, checkoutId, circulation.renewalDueDate(), circulation.now(), seen);
            return Response.json(201, json(connection, find(connection, checkoutId), Set.of()));
        });
    }

    private Response renewalDueDate(Request request) {
        int checkoutId = request.intPathParam("checkout_id");
        return database.read(connection -> {
            Checkout checkout = find(connection, checkoutId);
            Optional<String> error = checkout.current() ? circulation.renewalError(connection, checkout)
                    : Optional.of("no_checkout");
            if (error.isPresent()) {
                throw ApiProblem.error(403, "Renewal not authorized (" + error.get() + ")", error.get());
            }
            return Response.ok(Map.of("due_date", Json.dateTime(circulation.renewalDueDate(), circulation.zone())));
        });
    }
}

package org.opackiosk.demo.items;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opackiosk.demo.biblios.BiblioRepository;
import org.opackiosk.demo.checkouts.Checkout;
import org.opackiosk.demo.checkouts.CheckoutJson;
import org.opackiosk.demo.checkouts.CheckoutRepository;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.holds.Hold;
import org.opackiosk.demo.holds.HoldJson;
import org.opackiosk.demo.holds.HoldRepository;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.ApiProblem;
import org.opackiosk.demo.http.OrderBy;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.QueryFilter;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.http.SqlCondition;
import org.opackiosk.demo.libraries.LibraryJson;
import org.opackiosk.demo.libraries.LibraryRepository;

/**
 * {@code GET /api/v1/biblios/{biblio_id}/items}: a record's copies with live availability. The
 * {@code x-koha-embed} header adds {@code _status}, {@code checkout}, {@code first_hold},
 * {@code home_library} and {@code holding_library}.
 */
public final class ItemRoutes {

    private final Database database;
    private final BiblioRepository biblios;
    private final ItemRepository items;
    private final CheckoutRepository checkouts;
    private final HoldRepository holds;
    private final LibraryRepository libraries;
    private final QueryFilter filter;
    private final ZoneId zone;

    public ItemRoutes(Database database, BiblioRepository biblios, ItemRepository items, CheckoutRepository checkouts,
                      HoldRepository holds, LibraryRepository libraries, ZoneId zone) {
        this.database = database;
        this.biblios = biblios;
        this.items = items;
        this.checkouts = checkouts;
        this.holds = holds;
        this.libraries = libraries;
        this.zone = zone;
        this.filter = new QueryFilter(ItemRepository.FIELDS, zone);
    }

    public void register(Router router) {
        router.get("/api/v1/biblios/{biblio_id}/items", Access.API_CLIENT, this::listForBiblio);
    }

    private Response listForBiblio(Request request) {
        int biblioId = request.intPathParam("biblio_id");
        Page page = Page.of(request);
        SqlCondition where = filter.parse(request.queryAll("q"));
        String orderBy = OrderBy.sql(request.queryAll("_order_by"), ItemRepository.FIELDS, "item_id");
        Set<String> embeds = request.embeds();
        return database.read(connection -> {
            if (!biblios.exists(connection, biblioId)) {
                throw ApiProblem.error(404, "Bibliographic record not found", "not_found");
            }
            int total = items.countForBiblio(connection, biblioId, where);
            int base = items.countForBiblio(connection, biblioId, SqlCondition.TRUE);
            List<Item> found = items.listForBiblio(connection, biblioId, where, orderBy, page);
            List<Integer> ids = found.stream().map(Item::itemId).toList();
            Map<Integer, Checkout> loans = checkouts.currentForItems(connection, ids);
            Map<Integer, Hold> itemHolds = holds.firstForItems(connection, ids);
            List<Map<String, Object>> body = new ArrayList<>();
            for (Item item : found) {
                Checkout loan = loans.get(item.itemId());
                Hold hold = itemHolds.get(item.itemId());
                Map<String, Object> json = ItemJson.of(item, loan, zone);
                if (embeds.contains("_status")) {
                    json.put("_status", ItemJson.status(item, loan, hold));
                }
                if (embeds.contains("checkout")) {
                    json.put("checkout", loan == null ? null : CheckoutJson.of(loan, item.barcode(), zone));
                }
                if (embeds.contains("first_hold")) {
                    json.put("first_hold", hold == null ? null : HoldJson.of(hold, zone));
                }
                if (embeds.contains("home_library")) {
                    json.put("home_library", library(connection, item.homeLibraryId()));
                }
                if (embeds.contains("holding_library")) {
                    json.put("holding_library", library(connection, item.holdingLibraryId()));
                }
                body.add(json);
            }
            return page.decorate(Response.ok(body), request, total, base);
        });
    }

    private Map<String, Object> library(Connection connection, String libraryId) throws SQLException {
        if (libraryId == null) {
            return null;
        }
        return libraries.find(connection, libraryId).map(LibraryJson::of).orElse(null);
    }
}

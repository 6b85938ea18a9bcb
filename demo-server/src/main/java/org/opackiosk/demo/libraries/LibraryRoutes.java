package org.opackiosk.demo.libraries;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.OrderBy;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.QueryFilter;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.http.SqlCondition;

/** {@code GET /api/v1/public/libraries}: the public libraries, paged and filterable like Koha's. */
public final class LibraryRoutes {

    private final Database database;
    private final LibraryRepository libraries;
    private final QueryFilter filter;

    public LibraryRoutes(Database database, LibraryRepository libraries, ZoneId zone) {
        this.database = database;
        this.libraries = libraries;
        this.filter = new QueryFilter(LibraryRepository.FIELDS, zone);
    }

    public void register(Router router) {
        router.get("/api/v1/public/libraries", Access.PUBLIC, this::listPublic);
    }

    private Response listPublic(Request request) {
        Page page = Page.of(request);
        SqlCondition visible = new SqlCondition("is_public", List.of());
        SqlCondition where = visible.and(filter.parse(request.queryAll("q")));
        String orderBy = request.queryAll("_order_by").isEmpty()
                ? " ORDER BY sort_order ASC, library_id ASC"
                : OrderBy.sql(request.queryAll("_order_by"), LibraryRepository.FIELDS, "library_id");
        return database.read(connection -> {
            int total = libraries.count(connection, where);
            int base = libraries.count(connection, visible);
            List<Map<String, Object>> body = libraries.list(connection, where, orderBy, page).stream()
                    .map(LibraryJson::of).toList();
            return page.decorate(Response.ok(body), request, total, base);
        });
    }
}

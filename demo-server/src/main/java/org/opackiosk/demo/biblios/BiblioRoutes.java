package org.opackiosk.demo.biblios;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.marc4j.marc.Record;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.ApiProblem;
import org.opackiosk.demo.http.OrderBy;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.QueryFilter;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.http.SqlCondition;

/**
 * {@code GET /api/v1/biblios} (the catalogue listing the kiosk's index sync reads, filtered with
 * {@code q=}, paged) and {@code GET /api/v1/biblios/{biblio_id}}, each as Koha JSON or MARC21 by
 * {@code Accept}.
 */
public final class BiblioRoutes {

    private final Database database;
    private final BiblioRepository biblios;
    private final MarcMapping marc;
    private final QueryFilter filter;
    private final ZoneId zone;

    public BiblioRoutes(Database database, BiblioRepository biblios, MarcMapping marc, ZoneId zone) {
        this.database = database;
        this.biblios = biblios;
        this.marc = marc;
        this.zone = zone;
        this.filter = new QueryFilter(BiblioRepository.FIELDS, zone);
    }

    public void register(Router router) {
        router.get("/api/v1/biblios", Access.API_CLIENT, this::list);
        router.get("/api/v1/biblios/{biblio_id}", Access.API_CLIENT, this::get);
    }

    private Response list(Request request) {
        MarcFormat format = format(request);
        Page page = Page.of(request);
        SqlCondition where = filter.parse(request.queryAll("q"));
        String orderBy = OrderBy.sql(request.queryAll("_order_by"), BiblioRepository.FIELDS, "biblio_id");
        boolean withMarc = format != MarcFormat.JSON;
        return database.read(connection -> {
            int total = biblios.count(connection, where);
            int base = biblios.count(connection, SqlCondition.TRUE);
            List<Biblio> found = biblios.list(connection, where, orderBy, page, withMarc);
            Response response;
            if (format == MarcFormat.JSON) {
                List<Map<String, Object>> body = found.stream().map(b -> BiblioJson.of(b, zone)).toList();
                response = Response.ok(body);
            } else {
                List<Record> records = found.stream().map(b -> marc.toMarc(b, zone)).toList();
                response = Response.bytes(200, contentType(format), format.write(records));
            }
            return page.decorate(response, request, total, base);
        });
    }

    private Response get(Request request) {
        int biblioId = request.intPathParam("biblio_id");
        MarcFormat format = format(request);
        Biblio biblio = database.read(connection -> biblios.find(connection, biblioId, format != MarcFormat.JSON))
                .orElseThrow(ApiProblem::notFound);
        if (format == MarcFormat.JSON) {
            return Response.ok(BiblioJson.of(biblio, zone));
        }
        return Response.bytes(200, contentType(format), format.write(marc.toMarc(biblio, zone)));
    }

    private static MarcFormat format(Request request) {
        return MarcFormat.negotiate(request.header("Accept"))
                .orElseThrow(() -> new ApiProblem(Response.json(406, MarcFormat.produced())));
    }

    private static String contentType(MarcFormat format) {
        return switch (format) {
            case MARCXML, MARC_IN_JSON, TEXT -> format.mediaType() + ";charset=UTF-8";
            default -> format.mediaType();
        };
    }
}

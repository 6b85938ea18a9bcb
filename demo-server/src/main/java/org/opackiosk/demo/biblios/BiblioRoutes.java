package org.opackiosk.demo.biblios;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marc4j.marc.Record;
import org.opackiosk.demo.db.Database;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.BodySchema;
import org.opackiosk.demo.http.BodySchema.Type;
import org.opackiosk.demo.http.Json;
import org.opackiosk.demo.http.ApiProblem;
import org.opackiosk.demo.http.OrderBy;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.QueryFilter;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.opackiosk.demo.http.SqlCondition;
import org.opackiosk.demo.items.Item;
import org.opackiosk.demo.items.ItemRepository;

/**
 * {@code GET /api/v1/biblios} (the catalogue listing the kiosk's index sync reads, filtered with
 * {@code q=}, paged) and {@code GET /api/v1/biblios/{biblio_id}}, each as Koha JSON or MARC21 by
 * {@code Accept}. MARC answers embed the record's copies as 952 fields (see {@link MarcMapping#embedItems}).
 *
 * <p>Also the kiosk's extension {@code GET /api/v1/contrib/opackiosk/deleted_biblios?since=} (records deleted at
 * or after a Koha local date-time, for the kiosk's incremental index sync; docs/contrib-api.md), and two routes
 * of the demo desk (loopback only, not Koha): {@code POST /admin/biblio_edit {"biblio_id", "title"}} and
 * {@code POST /admin/biblio_deletion {"biblio_id"}}, which change the catalogue as a cataloguer would.
 */
public final class BiblioRoutes {

    private final Database database;
    private final BiblioRepository biblios;
    private final MarcMapping marc;
    private final QueryFilter filter;
    private final ZoneId zone;
    private final Clock clock;
    private final ItemRepository items = new ItemRepository();
    private static final BodySchema EDIT = BodySchema.object().required("biblio_id", Type.INTEGER)
            .required("title", Type.STRING).build();
    private static final BodySchema DELETION = BodySchema.object().required("biblio_id", Type.INTEGER).build();

    public BiblioRoutes(Database database, BiblioRepository biblios, MarcMapping marc, Clock clock) {
        this.database = database;
        this.biblios = biblios;
        this.marc = marc;
        this.clock = clock;
        this.zone = clock.getZone();
        this.filter = new QueryFilter(BiblioRepository.FIELDS, zone);
    }

    public void register(Router router) {
        router.get("/api/v1/biblios", Access.API_CLIENT, this::list);
        router.get("/api/v1/biblios/{biblio_id}", Access.API_CLIENT, this::get);
        router.get("/api/v1/contrib/opackiosk/deleted_biblios", Access.API_CLIENT, this::deleted);
        router.post("/admin/biblio_edit", Access.LOOPBACK, this::edit);
        router.post("/admin/biblio_deletion", Access.LOOPBACK, this::delete);
    }

    private Response deleted(Request request) {
        String text = request.query("since")
                .orElseThrow(() -> ApiProblem.error(400, "since is required", "invalid_query"));
        Instant since;
        try {
            since = text.matches(".*(Z|[+-]\\d\\d:?\\d\\d)$") ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.error(400, "since must be a date-time such as 2026-04-01T09:00:00", "invalid_query");
        }
        List<Map<String, Object>> body = database.read(connection -> biblios.deletedSince(connection, since)).stream()
                .map(d -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("biblio_id", d.biblioId());
                    json.put("deleted_at", Json.dateTime(d.deletedAt(), zone));
                    return json;
                }).toList();
        return Response.ok(body);
    }

    private Response edit(Request request) {
        ObjectNode body = request.json(EDIT);
        int id = body.get("biblio_id").asInt();
        boolean done = database.transaction(connection -> biblios.retitle(connection, id, body.get("title").asText(), clock.instant()));
        if (!done) {
            throw ApiProblem.notFound();
        }
        return Response.ok(Map.of("biblio_id", id));
    }

    private Response delete(Request request) {
        int id = request.json(DELETION).get("biblio_id").asInt();
        if (!database.transaction(connection -> biblios.delete(connection, id, clock.instant()))) {
            throw ApiProblem.notFound();
        }
        return Response.ok(Map.of("biblio_id", id));
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
                Map<Integer, List<Item>> copies = new HashMap<>();
                for (Item item : items.listForBiblios(connection, found.stream().map(Biblio::biblioId).toList())) {
                    copies.computeIfAbsent(item.biblioId(), id -> new ArrayList<>()).add(item);
                }
                List<Record> records = new ArrayList<>(found.size());
                for (Biblio biblio : found) {
                    Record record = marc.toMarc(biblio, zone);
                    marc.embedItems(record, copies.getOrDefault(biblio.biblioId(), List.of()));
                    records.add(record);
                }
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
        Record record = marc.toMarc(biblio, zone);
        marc.embedItems(record, database.read(connection -> items.listForBiblios(connection, List.of(biblioId))));
        return Response.bytes(200, contentType(format), format.write(record));
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

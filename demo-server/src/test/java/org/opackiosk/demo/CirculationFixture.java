package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoHold;
import org.opackiosk.demo.catalogue.DemoItem;
import org.opackiosk.demo.catalogue.DemoLoan;
import org.opackiosk.demo.catalogue.DemoRecord;
import org.opackiosk.demo.catalogue.MaterialType;

/** A demo server on a {@link TestClock} and what circulation tests ask of it. */
final class CirculationFixture implements AutoCloseable {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    static final DemoCatalogue CATALOGUE = DemoCatalogue.load();

    final DemoServer server;
    final TestClock clock;
    final ApiClient client;
    /** Renewed when the clock moves (tokens live an hour). */
    String token;
    private final Set<Integer> usedRecords = new HashSet<>();

    CirculationFixture(Path dataDir, DemoServerOptions options) throws Exception {
        clock = new TestClock(NOW, TOKYO);
        server = DemoServer.start(options.withClock(clock));
        client = ApiClient.of(server);
        token = client.token(server);
    }

    static CirculationFixture start(Path dataDir) throws Exception {
        return new CirculationFixture(dataDir, DemoServerOptions.defaults(dataDir));
    }

    void advance(Duration duration) {
        clock.advance(duration);
        token = client.token(server);
    }

    int patronId(String cardnumber) {
        JsonNode found = ApiClient.json(client.get("/api/v1/patrons?cardnumber=" + cardnumber + "&_match=exact", token));
        assertThat(found).hasSize(1);
        return found.get(0).path("patron_id").asInt();
    }

    HttpResponse<String> placeHold(int patronId, int biblioId, String pickup) {
        return client.post("/api/v1/holds", token, "{\"patron_id\":" + patronId + ",\"biblio_id\":" + biblioId
                + ",\"pickup_library_id\":\"" + pickup + "\"}");
    }

    JsonNode holds(int patronId, boolean old) {
        return ApiClient.json(client.get("/api/v1/patrons/" + patronId + "/holds" + (old ? "?old=true" : ""), token));
    }

    JsonNode hold(int patronId, int holdId, boolean old) {
        for (JsonNode hold : holds(patronId, old)) {
            if (hold.path("hold_id").asInt() == holdId) {
                return hold;
            }
        }
        return null;
    }

    HttpResponse<String> admin(String path, String json) {
        return client.post("/admin/" + path, null, json);
    }

    JsonNode checkin(String barcode) {
        HttpResponse<String> response = admin("checkin", "{\"external_id\":\"" + barcode + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    void lend(String barcode, String cardnumber) {
        HttpResponse<String> response = admin("checkout", "{\"external_id\":\"" + barcode + "\",\"cardnumber\":\""
                + cardnumber + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /**
     * A holdable record of {@code type} nobody has on loan or on hold, not used by this fixture before,
     * with at least {@code copies} loanable copies all at {@code branch} (any branch when null).
     */
    DemoRecord untouchedRecord(MaterialType type, int copies, String branch) {
        Set<Integer> lent = CATALOGUE.loans().stream().map(DemoLoan::itemNumber).collect(Collectors.toSet());
        Set<Integer> lentRecords = CATALOGUE.items().stream().filter(i -> lent.contains(i.itemNumber()))
                .map(DemoItem::recordNumber).collect(Collectors.toSet());
        Set<Integer> held = CATALOGUE.holds().stream().map(DemoHold::recordNumber).collect(Collectors.toSet());
        for (DemoRecord record : CATALOGUE.records()) {
            if (record.type() != type || !record.holdable() || lentRecords.contains(record.number())
                    || held.contains(record.number()) || usedRecords.contains(record.number())) {
                continue;
            }
            List<DemoItem> items = copies(record.number());
            if (items.size() >= copies && items.stream().noneMatch(DemoItem::notForLoan)
                    && (branch == null || items.stream().allMatch(i -> i.homeBranchId().equals(branch)))) {
                usedRecords.add(record.number());
                return record;
            }
        }
        throw new IllegalStateException("no untouched " + type + " record with " + copies + " copies at " + branch);
    }

    static List<DemoItem> copies(int recordNumber) {
        return CATALOGUE.items().stream().filter(i -> i.recordNumber() == recordNumber).toList();
    }

    /** Lends every copy of a record to {@code cardnumber}, so that it can be held. */
    void lendAllCopies(int recordNumber, String cardnumber) {
        for (DemoItem item : copies(recordNumber)) {
            lend(item.barcode(), cardnumber);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

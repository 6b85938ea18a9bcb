package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoHold;
import org.opackiosk.demo.catalogue.DemoItem;
import org.opackiosk.demo.catalogue.DemoLoan;
import org.opackiosk.demo.catalogue.DemoRecord;
import org.opackiosk.demo.catalogue.MaterialType;

/**
 * A demo server on a {@link TestClock} and what circulation tests ask of it: started at once by
 * {@link #start} (the test closes it), or one for all the tests of a class, on a data directory of its own,
 * started before the first test and closed after the last:
 * {@code @RegisterExtension static final CirculationFixture demo = CirculationFixture.perClass();}
 */
final class CirculationFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    static final DemoCatalogue CATALOGUE = DemoCatalogue.load();

    final TestClock clock = new TestClock(NOW, TOKYO);
    /** Set once the server runs (per class: before the class's first test). */
    DemoServer server;
    ApiClient client;
    /** Renewed when the clock moves (tokens live an hour). */
    String token;
    private final Set<Integer> usedRecords = new HashSet<>();
    /** Per class only: how the class's server differs from the defaults, and where its data lives. */
    private final UnaryOperator<DemoServerOptions> perClassOptions;
    private Path perClassDataDir;

    CirculationFixture(Path dataDir, DemoServerOptions options) throws Exception {
        this(null);
        run(options);
    }

    private CirculationFixture(UnaryOperator<DemoServerOptions> perClassOptions) {
        this.perClassOptions = perClassOptions;
    }

    static CirculationFixture start(Path dataDir) throws Exception {
        return new CirculationFixture(dataDir, DemoServerOptions.defaults(dataDir));
    }

    /** One server for the tests of the class that registers it, with the default options. */
    static CirculationFixture perClass() {
        return perClass(options -> options);
    }

    /** One server for the tests of the class that registers it, with {@code options} applied to the defaults. */
    static CirculationFixture perClass(UnaryOperator<DemoServerOptions> options) {
        return new CirculationFixture(options);
    }

    private void run(DemoServerOptions options) throws Exception {
        server = DemoServer.start(options.withClock(clock));
        client = ApiClient.of(server);
        token = client.token(server);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (perClassOptions == null) {
            throw new IllegalStateException("this fixture runs already; register CirculationFixture.perClass()");
        }
        perClassDataDir = Files.createTempDirectory("demo-server-");
        run(perClassOptions.apply(DemoServerOptions.defaults(perClassDataDir)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            close();
        } finally {
            if (perClassDataDir != null) {
                try (Stream<Path> paths = Files.walk(perClassDataDir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
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
        // null when the server did not start; the reason is already reported
        if (server != null) {
            server.close();
        }
    }
}

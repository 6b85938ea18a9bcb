package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoItem;
import org.opackiosk.demo.catalogue.DemoLoan;

class ItemsIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @TempDir
    static Path dataDir;
    static DemoServer server;
    static ApiClient client;
    static String token;
    static DemoCatalogue catalogue;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(DemoServerOptions.defaults(dataDir).withClock(new TestClock(NOW, TOKYO)));
        client = ApiClient.of(server);
        token = client.token(server);
        catalogue = DemoCatalogue.load();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void itemsCarryKohasFieldsWithoutEmbeds() {
        // given
        DemoItem item = catalogue.items().getFirst();

        // when
        HttpResponse<String> response = client.get("/api/v1/biblios/" + item.recordNumber() + "/items", token);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode first = ApiClient.json(response).get(0);
        assertThat(first.path("item_id").asInt()).isEqualTo(item.itemNumber());
        assertThat(first.path("biblio_id").asInt()).isEqualTo(item.recordNumber());
        assertThat(first.path("external_id").asText()).isEqualTo(item.barcode());
        assertThat(first.path("home_library_id").asText()).isEqualTo(item.homeBranchId());
        assertThat(first.path("callnumber").asText()).isEqualTo(item.callNumber());
        assertThat(first.path("location").asText()).isEqualTo(item.location());
        assertThat(first.has("not_for_loan_status")).isTrue();
        assertThat(first.has("lost_status")).isTrue();
        assertThat(first.has("withdrawn")).isTrue();
        assertThat(first.has("damaged_status")).isTrue();
        assertThat(first.has("checked_out_date")).isTrue();
        assertThat(first.has("_status")).isFalse();
        assertThat(first.has("checkout")).isFalse();
        assertThat(response.headers().firstValue("X-Total-Count")).isPresent();
    }

    @Test
    void aCheckedOutItemShowsItsStatusAndDueDateWhenEmbedded() {
        // given an item the catalogue lends out
        DemoLoan loan = catalogue.loans().getFirst();
        DemoItem item = catalogue.items().stream().filter(i -> i.itemNumber() == loan.itemNumber()).findFirst()
                .orElseThrow();

        // when
        JsonNode items = ApiClient.json(client.get("/api/v1/biblios/" + item.recordNumber() + "/items", token,
                "x-koha-embed", "_status,checkout"));

        // then
        JsonNode onLoan = find(items, item.itemNumber());
        assertThat(onLoan.path("_status")).extracting(JsonNode::asText).containsExactly("checked_out");
        String due = TODAY.plusDays(loan.dueInDays()) + "T23:59:00+09:00";
        assertThat(onLoan.path("checkout").path("due_date").asText()).isEqualTo(due);
        assertThat(onLoan.path("checkout").path("item_id").asInt()).isEqualTo(item.itemNumber());
        assertThat(onLoan.path("checkout").path("external_id").asText()).isEqualTo(item.barcode());
        assertThat(onLoan.path("checked_out_date").asText()).isEqualTo(TODAY.plusDays(loan.dueInDays()).toString());
    }

    @Test
    void anItemOnTheShelfIsAvailable() {
        // given
        Set<Integer> lent = catalogue.loans().stream().map(DemoLoan::itemNumber).collect(Collectors.toSet());
        Optional<DemoItem> onShelf = catalogue.items().stream()
                .filter(i -> !i.notForLoan() && !lent.contains(i.itemNumber()))
                .filter(i -> catalogue.holds().stream().noneMatch(h -> h.recordNumber() == i.recordNumber()))
                .findFirst();
        assumeTrue(onShelf.isPresent(), "the catalogue has an item on the shelf without holds");
        DemoItem item = onShelf.get();

        // when
        JsonNode items = ApiClient.json(client.get("/api/v1/biblios/" + item.recordNumber() + "/items", token,
                "x-koha-embed", "_status,checkout"));

        // then
        JsonNode shelved = find(items, item.itemNumber());
        assertThat(shelved.path("_status")).extracting(JsonNode::asText).containsExactly("available");
        assertThat(shelved.path("checkout").isNull()).isTrue();
        assertThat(shelved.path("checked_out_date").isNull()).isTrue();
    }

    @Test
    void aNotForLoanItemSaysSo() {
        // given
        Optional<DemoItem> reference = catalogue.items().stream().filter(DemoItem::notForLoan).findFirst();
        assumeTrue(reference.isPresent(), "the catalogue has a not-for-loan item");
        DemoItem item = reference.get();

        // when
        JsonNode items = ApiClient.json(client.get("/api/v1/biblios/" + item.recordNumber() + "/items", token,
                "x-koha-embed", "_status"));

        // then
        JsonNode found = find(items, item.itemNumber());
        assertThat(found.path("not_for_loan_status").asInt()).isNotZero();
        assertThat(found.path("_status")).extracting(JsonNode::asText).contains("not_for_loan");
    }

    @Test
    void itemsOfAMissingRecordAreNotFound() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios/999999/items", token);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("not_found");
    }

    @Test
    void itemsNeedCredentials() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios/1/items");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode items, int itemId) {
        for (JsonNode item : items) {
            if (item.path("item_id").asInt() == itemId) {
                return item;
            }
        }
        throw new AssertionError("no item " + itemId + " in " + items);
    }
}

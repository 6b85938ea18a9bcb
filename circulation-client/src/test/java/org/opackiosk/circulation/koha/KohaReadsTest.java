package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.circulation.testing.FakeKoha.Recorded;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.circulation.testing.TestCertificates;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.ItemState;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.Refusal;

/** Koha's JSON and paging mapped to the kiosk's records, and what the kiosk sends for them. */
class KohaReadsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String BIBLIOS = "/api/v1/biblios";

    private final TestCertificates.Issued cert = TestCertificates.localhost();
    private final MutableClock clock = new MutableClock(Instant.now(), TOKYO);
    private FakeKoha koha;
    private KohaCirculationService service;

    @BeforeEach
    void start() throws Exception {
        koha = FakeKoha.start(cert);
        service = new KohaCirculationService(TestSettings.pinned(koha.url(), cert.pin()), clock, new RecordingSleeper().options());
    }

    @AfterEach
    void tearDown() {
        service.close();
        koha.close();
    }

    @Test
    void librariesAreMappedFromKohasFields() {
        // given
        koha.on("GET", "/api/v1/public/libraries", FakeKoha.json(200, """
                [{"library_id":"CEN","name":"みどり市立中央図書館","pickup_location":true,"address1":"緑町1-1"},
                 {"library_id":"BM1","name":"移動図書館 1号車","pickup_location":false},
                 {"library_id":"KITA","name":"北分館"}]"""));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of(
                new Library("CEN", "みどり市立中央図書館", true),
                new Library("BM1", "移動図書館 1号車", false),
                new Library("KITA", "北分館", false))));
        assertThat(koha.requests().get(0).header("Accept")).isEqualTo("application/json");
    }

    @Test
    void cataloguePageAsksForOnePageInIdOrderAndMapsBibliosAndTheTotal() {
        // given
        koha.on("GET", BIBLIOS, FakeKoha.json(200, """
                [{"biblio_id":101,"title":"吾輩は猫である","subtitle":null,"author":"夏目漱石","publisher":"岩波書店",
                  "copyright_date":1990,"publication_year":null,"isbn":"4003101014","item_type":"BK",
                  "timestamp":"2026-01-05T10:00:00+09:00"},
                 {"biblio_id":102,"title":null,"author":null,"copyright_date":null,"publication_year":"c2019",
                  "timestamp":"2026-01-06 09:30:00"}]""", "X-Total-Count", "1234"));

        // when
        CallResult<CataloguePage> result = service.cataloguePage(Optional.empty(), 3, 2);

        // then
        assertThat(result).isEqualTo(CallResult.ok(new CataloguePage(List.of(
                new CatalogueRecord("101", "吾輩は猫である", "", "夏目漱石", "岩波書店", 1990, "4003101014", "BK",
                        Instant.parse("2026-01-05T01:00:00Z")),
                new CatalogueRecord("102", "", "", "", "", 2019, "", "", Instant.parse("2026-01-06T00:30:00Z"))),
                3, 2, 1234)));
        Recorded request = koha.requests("GET", BIBLIOS).get(0);
        assertThat(request.query()).containsExactly(
                Map.entry("_page", "3"),
                Map.entry("_per_page", "2"),
                Map.entry("_order_by", "+biblio_id"));
        assertThat(request.rawQuery()).contains("_order_by=%2Bbiblio_id");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void changedSinceIsSentAsAUrlEncodedTimestampFilterInLocalTime() {
        // given
        koha.on("GET", BIBLIOS, FakeKoha.json(200, "[]", "X-Total-Count", "0"));

        // when
        service.cataloguePage(Optional.of(Instant.parse("2026-01-01T00:00:00.750Z")), 1, 100);

        // then
        Recorded request = koha.requests("GET", BIBLIOS).get(0);
        assertThat(request.query()).containsEntry("q", "{\"timestamp\":{\">\":\"2026-01-01T09:00:00\"}}");
        assertThat(request.rawQuery())
                .contains("q=%7B%22timestamp%22%3A%7B%22%3E%22%3A%222026-01-01T09%3A00%3A00%22%7D%7D")
                .doesNotContain("{").doesNotContain("\"");
    }

    @Test
    void wholeCatalogueIsAskedForWithoutAFilter() {
        // given
        koha.on("GET", BIBLIOS, FakeKoha.json(200, "[]", "X-Total-Count", "0"));

        // when
        CallResult<CataloguePage> result = service.cataloguePage(Optional.empty(), 1, 100);

        // then
        assertThat(result).isEqualTo(CallResult.ok(new CataloguePage(List.of(), 1, 100, 0)));
        assertThat(koha.requests("GET", BIBLIOS).get(0).query()).doesNotContainKey("q");
    }

    @Test
    void withoutXTotalCountAShortPageIsTheLastAndAFullPageIsNot() {
        // given
        koha.onSequence("GET", BIBLIOS,
                FakeKoha.json(200, "[{\"biblio_id\":1,\"title\":\"a\"},{\"biblio_id\":2,\"title\":\"b\"}]"),
                FakeKoha.json(200, "[{\"biblio_id\":3,\"title\":\"c\"}]"));

        // when
        CataloguePage full = ((CallResult.Ok<CataloguePage>) service.cataloguePage(Optional.empty(), 1, 2)).value();
        CataloguePage shortPage = ((CallResult.Ok<CataloguePage>) service.cataloguePage(Optional.empty(), 2, 2)).value();

        // then
        assertThat(full.isLast()).isFalse();
        assertThat(shortPage.isLast()).isTrue();
        assertThat(shortPage.totalCount()).isEqualTo(3);
    }

    @Test
    void pagesStartAtOne() {
        assertThatThrownBy(() -> service.cataloguePage(Optional.empty(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordIsMappedWithThePublicationYearWhenThereIsNoCopyrightDate() {
        // given
        koha.on("GET", BIBLIOS + "/7", FakeKoha.json(200, """
                {"biblio_id":7,"title":"銀河鉄道の夜","subtitle":"他十四篇","author":"宮沢賢治","publisher":"岩波書店",
                 "copyright_date":null,"publication_year":2000,"isbn":"978-4-00-310763-6","item_type":"BK",
                 "timestamp":"2026-02-01T12:00:00+09:00","notes":"ignored"}"""));

        // when
        CallResult<CatalogueRecord> result = service.record("7");

        // then
        assertThat(result).isEqualTo(CallResult.ok(new CatalogueRecord("7", "銀河鉄道の夜", "他十四篇", "宮沢賢治", "岩波書店", 2000,
                "978-4-00-310763-6", "BK", Instant.parse("2026-02-01T03:00:00Z"))));
    }

    @Test
    void missingRecordIsRefusedAsNotFound() {
        // given
        koha.on("GET", BIBLIOS + "/999", FakeKoha.json(404, "{\"error\":\"Object not found.\"}"));

        // when
        CallResult<CatalogueRecord> result = service.record("999");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("not_found", "refusal.not_found")));
    }

    @Test
    void recordIdIsSentAsOnePathSegment() {
        // when
        service.record("1/../../oauth/token");

        // then
        assertThat(koha.requests()).filteredOn(r -> r.method().equals("GET")).singleElement()
                .satisfies(r -> assertThat(r.rawPath()).isEqualTo("/api/v1/biblios/1%2F..%2F..%2Foauth%2Ftoken"));
    }

    @Test
    void itemsAskForTheEmbeddedCheckoutAndCarryTheDueDate() {
        // given
        koha.on("GET", BIBLIOS + "/7/items", FakeKoha.json(200, """
                [{"item_id":71,"external_id":"2100000071","home_library_id":"CEN","holding_library_id":"CEN",
                  "callnumber":"913.6/ミ","location":"GEN","item_type_id":"BK","not_for_loan_status":0,
                  "checkout":{"checkout_id":5,"due_date":"2026-02-14T23:59:00+09:00"}},
                 {"item_id":72,"external_id":"2100000072","home_library_id":"CEN","holding_library_id":"KITA",
                  "callnumber":"913.6/ミ","location":null,"item_type_id":"BK","not_for_loan_status":0,"checkout":null},
                 {"item_id":73,"external_id":"2100000073","home_library_id":"CEN","holding_library_id":"CEN",
                  "callnumber":"R913.6/ミ","location":"REF","item_type_id":"REF","not_for_loan_status":1}]"""));

        // when
        CallResult<List<Item>> result = service.items("7");

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of(
                new Item("71", "2100000071", "CEN", "CEN", "913.6/ミ", "GEN", "BK", false, Optional.of(LocalDate.of(2026, 2, 14))),
                new Item("72", "2100000072", "CEN", "KITA", "913.6/ミ", "", "BK", false, Optional.empty()),
                new Item("73", "2100000073", "CEN", "CEN", "R913.6/ミ", "REF", "REF", true, Optional.empty()))));
        assertThat(koha.requests("GET", BIBLIOS + "/7/items").get(0).header("x-koha-embed")).isEqualTo("checkout");
    }

    @Test
    void availabilityCarriesWaitingAndInTransitCopiesAndTheHoldCountOfTheRecord() {
        // given
        koha.on("GET", BIBLIOS + "/7/items", FakeKoha.json(200, """
                [{"item_id":71,"external_id":"2100000071","home_library_id":"CEN","holding_library_id":"CEN",
                  "callnumber":"913.6/ミ","location":"GEN","item_type_id":"BK","not_for_loan_status":0,
                  "checkout":null,"_status":["waiting"]},
                 {"item_id":72,"external_id":"2100000072","home_library_id":"CEN","holding_library_id":"KITA",
                  "callnumber":"913.6/ミ","location":null,"item_type_id":"BK","not_for_loan_status":0,
                  "checkout":null,"_status":"in_transit"},
                 {"item_id":73,"external_id":"2100000073","home_library_id":"CEN","holding_library_id":"CEN",
                  "callnumber":"913.6/ミ","location":"GEN","item_type_id":"BK","not_for_loan_status":0,
                  "checkout":null,"_status":["available"]}]"""));
        koha.on("GET", "/api/v1/holds", FakeKoha.json(200, """
                [{"hold_id":9,"patron_id":3,"biblio_id":7,"priority":1,"status":null}]""", "X-Total-Count", "4"));

        // when
        CallResult<RecordAvailability> result = service.availability("7");

        // then
        assertThat(result).isEqualTo(CallResult.ok(new RecordAvailability(List.of(
                new Item("71", "2100000071", "CEN", "CEN", "913.6/ミ", "GEN", "BK", false, Optional.empty(), ItemState.WAITING_FOR_PICKUP),
                new Item("72", "2100000072", "CEN", "KITA", "913.6/ミ", "", "BK", false, Optional.empty(), ItemState.IN_TRANSIT),
                new Item("73", "2100000073", "CEN", "CEN", "913.6/ミ", "GEN", "BK", false, Optional.empty(), ItemState.ORDINARY)),
                OptionalInt.of(4))));
        assertThat(koha.requests("GET", BIBLIOS + "/7/items").get(0).header("x-koha-embed")).isEqualTo("checkout,_status");
        assertThat(koha.requests("GET", "/api/v1/holds").get(0).query())
                .containsEntry("biblio_id", "7").containsEntry("_per_page", "1");
    }

    @Test
    void availabilityLeavesTheHoldCountUnknownWhenTheServerRefusesToCountHolds() {
        // given
        koha.on("GET", BIBLIOS + "/7/items", FakeKoha.json(200, "[]"));
        koha.on("GET", "/api/v1/holds", FakeKoha.json(403, "{\"error\":\"Forbidden\",\"error_code\":\"forbidden\"}"));

        // when
        CallResult<RecordAvailability> result = service.availability("7");

        // then
        assertThat(result).isEqualTo(CallResult.ok(new RecordAvailability(List.of(), OptionalInt.empty())));
    }

    @Test
    void availabilityAsksForTheItemsWithoutStatusesWhenKohaRefusesTheEmbed() {
        // given
        koha.onSequence("GET", BIBLIOS + "/7/items",
                FakeKoha.json(400, "{\"error\":\"Embedding _status is not authorised\",\"error_code\":\"bad_embed\"}"),
                FakeKoha.json(200, """
                        [{"item_id":71,"external_id":"2100000071","home_library_id":"CEN","holding_library_id":"CEN",
                          "callnumber":"913.6/ミ","location":"GEN","item_type_id":"BK","not_for_loan_status":0,"checkout":null}]"""));
        koha.on("GET", "/api/v1/holds", FakeKoha.json(200, "[]", "X-Total-Count", "0"));

        // when
        CallResult<RecordAvailability> result = service.availability("7");

        // then
        assertThat(result).isEqualTo(CallResult.ok(new RecordAvailability(List.of(
                new Item("71", "2100000071", "CEN", "CEN", "913.6/ミ", "GEN", "BK", false, Optional.empty())), OptionalInt.of(0))));
        assertThat(koha.requests("GET", BIBLIOS + "/7/items")).extracting(r -> r.header("x-koha-embed"))
                .containsExactly("checkout,_status", "checkout");
    }

    @Test
    void kohaErrorCodeBecomesARefusalWithItsMessageKey() {
        // given
        koha.on("GET", BIBLIOS + "/7/items", FakeKoha.json(409, "{\"error\":\"Patron is restricted\",\"error_code\":\"restricted\"}"));

        // when
        CallResult<List<Item>> result = service.items("7");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("restricted", "refusal.restricted")));
    }

    @Test
    void unknownErrorCodeKeepsItsCodeWithTheGenericMessage() {
        // given
        koha.on("GET", BIBLIOS + "/7/items", FakeKoha.json(403, "{\"error\":\"Nope\",\"error_code\":\"brand_new_rule\"}"));

        // when
        CallResult<List<Item>> result = service.items("7");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("brand_new_rule", "refusal.generic")));
    }

    @Test
    void clientErrorWithoutAnErrorCodeIsRefusedByItsStatus() {
        // given
        koha.on("GET", BIBLIOS + "/7/items", FakeKoha.text(403, "text/html", "<h1>Forbidden</h1>"));

        // when
        CallResult<List<Item>> result = service.items("7");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("http_403", "refusal.generic")));
    }
}

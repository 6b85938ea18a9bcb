package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.opackiosk.demo.CirculationFixture.CATALOGUE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.demo.catalogue.DemoItem;
import org.opackiosk.demo.catalogue.DemoLoan;
import org.opackiosk.demo.catalogue.DemoRecord;
import org.opackiosk.demo.catalogue.MaterialType;
import org.opackiosk.demo.catalogue.RecordFlag;

/** Placing, cancelling and moving holds under the demo library's rules (default rules). */
class HoldsIT {

    @RegisterExtension
    static final CirculationFixture demo = CirculationFixture.perClass();

    private static DemoRecord recordAllOnLoan() {
        DemoRecord record = demo.untouchedRecord(MaterialType.BOOK, 1, null);
        demo.lendAllCopies(record.number(), "01000015");
        return record;
    }

    @Test
    void aHoldOnARecordWhoseCopiesAreAllOnLoanIsPlaced() {
        // given
        DemoRecord record = recordAllOnLoan();
        int patron = demo.patronId("01000001");

        // when
        HttpResponse<String> response = demo.placeHold(patron, record.number(), "CEN");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode hold = ApiClient.json(response);
        assertThat(hold.path("patron_id").asInt()).isEqualTo(patron);
        assertThat(hold.path("biblio_id").asInt()).isEqualTo(record.number());
        assertThat(hold.path("pickup_library_id").asText()).isEqualTo("CEN");
        assertThat(hold.path("status").isNull()).isTrue();
        assertThat(hold.path("priority").asInt()).isEqualTo(1);
        assertThat(hold.path("hold_date").asText()).isEqualTo(CirculationFixture.TODAY.toString());
    }

    @Test
    void aRecordWithACopyOnTheShelfCannotBeHeld() {
        // given
        DemoRecord record = demo.untouchedRecord(MaterialType.BOOK, 1, null);

        // when
        HttpResponse<String> response = demo.placeHold(demo.patronId("01000001"), record.number(), "CEN");

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("not_reservable");
        assertThat(ApiClient.json(response).path("reason").asText()).isEqualTo("on_shelf");
    }

    @Test
    void newestMagazineIssuesReferenceAndNotForLoanRecordsCannotBeHeld() {
        // given
        int patron = demo.patronId("01000002");
        Map<RecordFlag, String> reasons = Map.of(RecordFlag.NEWEST_ISSUE, "newest_issue",
                RecordFlag.REFERENCE, "reference", RecordFlag.NOT_FOR_LOAN, "not_for_loan");

        for (Map.Entry<RecordFlag, String> flag : reasons.entrySet()) {
            DemoRecord record = CATALOGUE.records().stream().filter(r -> r.flags().contains(flag.getKey()))
                    .findFirst().orElseThrow();

            // when
            HttpResponse<String> response = demo.placeHold(patron, record.number(), "NISHI");

            // then
            assertThat(response.statusCode()).as(flag.getKey().name()).isEqualTo(403);
            assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("not_reservable");
            assertThat(ApiClient.json(response).path("reason").asText()).isEqualTo(flag.getValue());
        }
    }

    @Test
    void theSamePatronCannotHoldTheSameRecordTwice() {
        // given
        DemoRecord record = recordAllOnLoan();
        int patron = demo.patronId("01000003");
        assertThat(demo.placeHold(patron, record.number(), "HIGASHI").statusCode()).isEqualTo(201);

        // when
        HttpResponse<String> again = demo.placeHold(patron, record.number(), "HIGASHI");

        // then
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(again).path("error_code").asText()).isEqualTo("too_many_holds_for_this_record");
    }

    @Test
    void aPatronCannotHoldWhatTheyHaveOnLoan() {
        // given
        DemoLoan loan = CATALOGUE.loans().stream().filter(l -> l.cardNumber().equals("01000016")).findFirst()
                .orElseThrow();
        int record = CATALOGUE.items().stream().filter(i -> i.itemNumber() == loan.itemNumber())
                .mapToInt(DemoItem::recordNumber).findFirst().orElseThrow();

        // when
        HttpResponse<String> response = demo.placeHold(demo.patronId("01000016"), record, "CEN");

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("already_possession");
    }

    @Test
    void anExpiredCardCannotPlaceHolds() {
        // when
        HttpResponse<String> response = demo.placeHold(demo.patronId("01000007"), recordAllOnLoan().number(),
                "HIGASHI");

        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("expired");
    }

    @Test
    void aSuspendedPatronCannotPlaceHoldsButCanLogInAndReadTheirAccount() {
        // given
        int patron = demo.patronId("01000006");

        // when
        HttpResponse<String> hold = demo.placeHold(patron, recordAllOnLoan().number(), "NISHI");
        HttpResponse<String> login = demo.client.post("/api/v1/auth/password/validation", demo.token,
                "{\"identifier\":\"01000006\",\"password\":\"sakura66\"}");
        HttpResponse<String> loans = demo.client.get("/api/v1/patrons/" + patron + "/checkouts", demo.token);

        // then
        assertThat(hold.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(hold).path("error_code").asText()).isEqualTo("restricted");
        assertThat(login.statusCode()).isEqualTo(201);
        assertThat(loans.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(loans)).isNotEmpty();
    }

    @Test
    void aPatronWithOverdueLoansCannotPlaceHolds() {
        // when
        HttpResponse<String> response = demo.placeHold(demo.patronId("01000005"), recordAllOnLoan().number(), "CEN");

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("overdue_items");
        assertThat(ApiClient.json(response).path("overdues_count").asInt()).isEqualTo(2);
    }

    @Test
    void aCancelledHoldIsListedAmongTheOldOnes() {
        // given
        int patron = demo.patronId("01000013");
        int holdId = ApiClient.json(demo.placeHold(patron, recordAllOnLoan().number(), "CEN")).path("hold_id").asInt();

        // when
        HttpResponse<String> response = demo.client.delete("/api/v1/holds/" + holdId, demo.token);

        // then
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(demo.hold(patron, holdId, false)).isNull();
        JsonNode old = demo.hold(patron, holdId, true);
        assertThat(old).isNotNull();
        assertThat(old.path("cancellation_date").asText()).isEqualTo(CirculationFixture.TODAY.toString());
        assertThat(demo.client.delete("/api/v1/holds/" + holdId, demo.token).statusCode()).isEqualTo(404);
    }

    @Test
    void thePickupLibraryOfAQueuedHoldCanBeChanged() {
        // given
        int patron = demo.patronId("01000012");
        int holdId = ApiClient.json(demo.placeHold(patron, recordAllOnLoan().number(), "NISHI"))
                .path("hold_id").asInt();

        // when
        HttpResponse<String> moved = demo.client.put("/api/v1/holds/" + holdId + "/pickup_location", demo.token,
                "{\"pickup_library_id\":\"BM1\"}");
        HttpResponse<String> nowhere = demo.client.put("/api/v1/holds/" + holdId + "/pickup_location", demo.token,
                "{\"pickup_library_id\":\"NOPE\"}");

        // then
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(moved).path("pickup_library_id").asText()).isEqualTo("BM1");
        assertThat(nowhere.statusCode()).isEqualTo(400);
    }

    @Test
    void thePickupLibraryOfAWaitingHoldCannotBeChanged() {
        // given a hold the seed set aside
        JsonNode waiting = null;
        for (int patron = 1; patron <= 20 && waiting == null; patron++) {
            for (JsonNode hold : demo.holds(patron, false)) {
                if ("W".equals(hold.path("status").asText())) {
                    waiting = hold;
                }
            }
        }
        assumeThat(waiting).as("the seed set a hold aside").isNotNull();

        // when
        HttpResponse<String> response = demo.client.put("/api/v1/holds/" + waiting.path("hold_id").asInt()
                + "/pickup_location", demo.token, "{\"pickup_library_id\":\"NISHI\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("hold_waiting");
    }

    @Test
    void pickupLocationsOfARecordNeedAPatron() {
        // when
        HttpResponse<String> without = demo.client.get("/api/v1/biblios/1/pickup_locations", demo.token);
        HttpResponse<String> with = demo.client.get("/api/v1/biblios/1/pickup_locations?patron_id="
                + demo.patronId("01000001"), demo.token);

        // then
        assertThat(without.statusCode()).isEqualTo(400);
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(with).findValuesAsText("library_id")).contains("CEN", "NISHI", "HIGASHI", "BM1");
    }

    @Test
    void holdRequestsWithUnknownFieldsOrWithoutARecordOrPatronAreRefused() {
        // when
        HttpResponse<String> unknown = demo.client.post("/api/v1/holds", demo.token,
                "{\"patron_id\":1,\"pickup_library_id\":\"CEN\",\"biblio_id\":1,\"colour\":\"red\"}");
        HttpResponse<String> noRecord = demo.client.post("/api/v1/holds", demo.token,
                "{\"patron_id\":1,\"pickup_library_id\":\"CEN\"}");
        HttpResponse<String> noPatron = demo.placeHold(99999, 1, "CEN");
        HttpResponse<String> badPickup = demo.placeHold(1, 1, "NOPE");

        // then
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknown).path("errors").get(0).path("message").asText())
                .isEqualTo("Properties not allowed: colour.");
        assertThat(ApiClient.json(noRecord).path("error_code").asText()).isEqualTo("missing_biblio_or_item");
        assertThat(noPatron.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noPatron).path("error_code").asText()).isEqualTo("patron_not_found");
        assertThat(badPickup.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(badPickup).path("error_code").asText()).isEqualTo("invalid_pickup_location");
    }

    @Test
    void holdsCanBeListedWithTheirRecords() {
        // given
        int patron = demo.patronId("01000016");

        // when
        JsonNode holds = ApiClient.json(demo.client.get("/api/v1/holds?patron_id=" + patron, demo.token,
                "x-koha-embed", "biblio"));

        // then
        assertThat(holds).isNotEmpty();
        assertThat(holds.get(0).path("biblio").path("title").asText()).isNotEmpty();
    }

    @Test
    void theHoldsOnARecordAreCountedAsKohaListsThemByBiblio() {
        // given
        DemoRecord record = recordAllOnLoan();
        assertThat(demo.placeHold(demo.patronId("01000001"), record.number(), "CEN").statusCode()).isEqualTo(201);
        assertThat(demo.placeHold(demo.patronId("01000002"), record.number(), "CEN").statusCode()).isEqualTo(201);

        // when
        HttpResponse<String> response = demo.client.get("/api/v1/holds?biblio_id=" + record.number() + "&_per_page=1",
                demo.token);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("2");
        JsonNode holds = ApiClient.json(response);
        assertThat(holds).hasSize(1);
        assertThat(holds.get(0).path("biblio_id").asInt()).isEqualTo(record.number());
        assertThat(holds.get(0).path("priority").asInt()).isEqualTo(1);
    }
}

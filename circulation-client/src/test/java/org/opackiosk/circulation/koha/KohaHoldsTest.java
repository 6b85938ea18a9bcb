package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.circulation.testing.FakeKoha.Recorded;
import org.opackiosk.circulation.testing.KohaContract;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.holds.HoldStatus;

/** Holds, cancelled holds, placing, cancelling and changing holds against a scripted Koha. */
class KohaHoldsTest extends CirculationFixture {

    private static final String HOLDS = "/api/v1/patrons/42/holds";
    private static final String DETAILS = "/api/v1/contrib/opackiosk/patrons/42/hold_details";
    private static final String PLACE = "/api/v1/holds";
    private static final String SERIES = "/api/v1/contrib/opackiosk/series_holds";
    private static final String CURRENT = """
            [{"hold_id":1,"patron_id":42,"biblio_id":101,"pickup_library_id":"CEN","hold_date":"2026-03-20","priority":3,
              "status":null,"expiration_date":null,"biblio":{"biblio_id":101,"title":"吾輩は猫である"}},
             {"hold_id":2,"patron_id":42,"biblio_id":102,"pickup_library_id":"KITA","hold_date":"2026-03-01","priority":1,
              "status":"T","biblio":{"biblio_id":102,"title":"こころ"}},
             {"hold_id":3,"patron_id":42,"biblio_id":103,"pickup_library_id":"CEN","hold_date":"2026-02-20","priority":0,
              "status":"P","biblio":{"biblio_id":103,"title":"三四郎"}},
             {"hold_id":4,"patron_id":42,"biblio_id":104,"pickup_library_id":"CEN","hold_date":"2026-02-10","priority":0,
              "status":"W","waiting_date":"2026-03-30","expiration_date":"2026-04-06","biblio":{"biblio_id":104,"title":"それから"}}]""";
    private static final String PLACED = """
            {"hold_id":9,"patron_id":42,"biblio_id":101,"pickup_library_id":"CEN","hold_date":"2026-04-01","priority":4,"status":null}""";

    @Test
    void holdsHaveStatusQueuePositionDeadlineAndTheExtensionsContactMethodAndSeries() {
        // given
        withExtensions();
        koha.on("GET", HOLDS, FakeKoha.json(200, CURRENT));
        koha.on("GET", DETAILS, FakeKoha.json(200, """
                [{"hold_id":1,"contact_method":"phone","series_group_id":"S7","series_position":2},
                 {"hold_id":2,"contact_method":"email","series_group_id":null,"series_position":null},
                 {"hold_id":3,"contact_method":"none","series_group_id":null,"series_position":null},
                 {"hold_id":4,"contact_method":"email","series_group_id":null,"series_position":null}]"""));

        // when
        CallResult<List<Hold>> result = service.holds(PATRON);

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of(
                new Hold("1", "101", "吾輩は猫である", HoldStatus.WAITING, Optional.of(3), "CEN", ContactMethod.PHONE,
                        LocalDate.of(2026, 3, 20), Optional.empty(), Optional.of("S7")),
                new Hold("2", "102", "こころ", HoldStatus.IN_TRANSIT, Optional.empty(), "KITA", ContactMethod.EMAIL,
                        LocalDate.of(2026, 3, 1), Optional.empty(), Optional.empty()),
                new Hold("3", "103", "三四郎", HoldStatus.IN_PROCESSING, Optional.empty(), "CEN", ContactMethod.NONE,
                        LocalDate.of(2026, 2, 20), Optional.empty(), Optional.empty()),
                new Hold("4", "104", "それから", HoldStatus.READY, Optional.empty(), "CEN", ContactMethod.EMAIL,
                        LocalDate.of(2026, 2, 10), Optional.of(LocalDate.of(2026, 4, 6)), Optional.empty()))));
        assertThat(koha.requests("GET", HOLDS).get(0).header("x-koha-embed")).isEqualTo("biblio");
    }

    @Test
    void withoutTheExtensionTheContactMethodIsKohasDefaultForThePatron() {
        // given: no e-mail address, so Koha tells by phone
        koha.on("GET", HOLDS, FakeKoha.json(200, CURRENT));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson(null)));

        // when
        List<Hold> holds = ((CallResult.Ok<List<Hold>>) service.holds(PATRON)).value();

        // then
        assertThat(holds).extracting(Hold::contactMethod).containsOnly(ContactMethod.PHONE);
        assertThat(holds).extracting(Hold::seriesGroup).containsOnly(Optional.empty());
        assertThat(koha.requests("GET", "/api/v1/patrons/42")).hasSize(1);
        assertThat(koha.requests("GET", DETAILS)).isEmpty();
    }

    @Test
    void aPatronWithMoreHoldsThanOnePageGetsThemAll() {
        // given Koha pages lists: 100 holds on page 1, 5 on page 2, X-Total-Count 105
        koha.onSequence("GET", HOLDS,
                FakeKoha.json(200, holdsJson(1, 100), "X-Total-Count", "105"),
                FakeKoha.json(200, holdsJson(101, 5), "X-Total-Count", "105"));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson("a@example.com")));

        // when
        List<Hold> holds = ((CallResult.Ok<List<Hold>>) service.holds(PATRON)).value();

        // then
        assertThat(holds).hasSize(105);
        assertThat(holds.get(104).holdId()).isEqualTo("105");
        assertThat(koha.requests("GET", HOLDS)).extracting(FakeKoha.Recorded::rawQuery)
                .containsExactly("_page=1&_per_page=100", "_page=2&_per_page=100");
    }

    private static String holdsJson(int first, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int id = first; id < first + count; id++) {
            json.append(id == first ? "" : ",").append("{\"hold_id\":").append(id).append(",\"biblio_id\":").append(100 + id)
                    .append(",\"pickup_library_id\":\"CEN\",\"hold_date\":\"2026-03-01\",\"priority\":1,\"status\":null,")
                    .append("\"biblio\":{\"title\":\"本").append(id).append("\"}}");
        }
        return json.append("]").toString();
    }

    @Test
    void cancelledHoldsAreThoseOfTheLastThirtyDaysNotDismissedNewestFirst() {
        // given: today is 2026-04-01
        withExtensions();
        koha.on("GET", HOLDS, FakeKoha.json(200, """
                [{"hold_id":20,"biblio_id":101,"status":"W","expiration_date":"2026-03-25","cancellation_date":"2026-03-26",
                  "cancellation_reason":"EXPIRED","biblio":{"title":"吾輩は猫である"}},
                 {"hold_id":21,"biblio_id":102,"status":null,"expiration_date":"2026-03-20","cancellation_date":"2026-03-02",
                  "cancellation_reason":null,"biblio":{"title":"こころ"}},
                 {"hold_id":22,"biblio_id":103,"status":null,"cancellation_date":"2026-03-01","cancellation_reason":"DAMAGED",
                  "biblio":{"title":"三四郎"}},
                 {"hold_id":23,"biblio_id":104,"status":"F","cancellation_date":null,"biblio":{"title":"それから"}},
                 {"hold_id":24,"biblio_id":105,"status":null,"cancellation_date":"2026-03-28","cancellation_reason":"EXPIRED",
                  "biblio":{"title":"門"}},
                 {"hold_id":25,"biblio_id":106,"status":null,"cancellation_date":"2026-03-31","biblio":{"title":"坊っちゃん"}}]"""));
        koha.on("GET", "/api/v1/contrib/opackiosk/patrons/42/dismissed_holds", FakeKoha.json(200, "[24]"));

        // when
        CallResult<List<CancelledHold>> result = service.cancelledHolds(PATRON);

        // then: 22 is 31 days old, 23 was filled, 24 was dismissed
        assertThat(result).isEqualTo(CallResult.ok(List.of(
                new CancelledHold("25", "106", "坊っちゃん", LocalDate.of(2026, 3, 31), CancelledHold.Reason.CANCELLED_BY_LIBRARY),
                new CancelledHold("20", "101", "吾輩は猫である", LocalDate.of(2026, 3, 26), CancelledHold.Reason.NOT_PICKED_UP),
                new CancelledHold("21", "102", "こころ", LocalDate.of(2026, 3, 2), CancelledHold.Reason.CANCELLED_BY_LIBRARY))));
        Recorded request = koha.requests("GET", HOLDS).get(0);
        assertThat(request.rawQuery()).isEqualTo("old=true&_page=1&_per_page=100");
        assertThat(request.header("x-koha-embed")).isEqualTo("biblio");
    }

    @Test
    void expiredHoldThatWasNotReadyIsExpired() {
        // given: plain Koha, so nothing is dismissed
        koha.on("GET", HOLDS, FakeKoha.json(200, """
                [{"hold_id":24,"biblio_id":105,"status":null,"cancellation_date":"2026-03-28","cancellation_reason":"EXPIRED",
                  "biblio":{"title":"門"}}]"""));

        // when / then
        assertThat(service.cancelledHolds(PATRON)).isEqualTo(CallResult.ok(List.of(
                new CancelledHold("24", "105", "門", LocalDate.of(2026, 3, 28), CancelledHold.Reason.EXPIRED))));
    }

    @Test
    void dismissingSendsAnEmptyObjectToTheExtension() {
        // given
        withExtensions();
        koha.on("POST", "/api/v1/contrib/opackiosk/holds/20/dismissal", FakeKoha.json(204, ""));

        // when
        CallResult<Done> result = service.dismissCancelledHold(PATRON, "20");

        // then
        assertThat(result).isEqualTo(CallResult.ok(Done.DONE));
        assertThat(koha.requests("POST", "/api/v1/contrib/opackiosk/holds/20/dismissal").get(0).body()).isEqualTo("{}");
    }

    @Test
    void plainKohaHasNoExtensionsSoSeriesHoldsAreRefusedWithoutARequest() {
        // when
        var capabilities = service.capabilities();
        CallResult<List<Hold>> result = service.placeHold(new HoldRequest(PATRON, List.of("101", "102"), "CEN", ContactMethod.EMAIL));
        CallResult<Done> dismissal = service.dismissCancelledHold(PATRON, "20");

        // then
        // only what Koha itself has: the patron's second e-mail address (ADR 0114)
        assertThat(capabilities).containsExactly(Capability.SECONDARY_EMAIL);
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("series_holds_unsupported", "refusal.series_holds_unsupported")));
        assertThat(dismissal).isEqualTo(CallResult.refused(new Refusal("feature_unsupported", "refusal.feature_unsupported")));
        assertThat(sent()).isEmpty();
        assertThat(koha.requests("GET", CAPABILITIES)).hasSize(1);
    }

    @Test
    void capabilitiesAreAskedOnceAndAskedAgainOnlyAfterAFailure() {
        // given
        koha.onSequence("GET", CAPABILITIES, FakeKoha.json(500, "{}"), FakeKoha.json(500, "{}"), FakeKoha.json(500, "{}"),
                FakeKoha.json(200, ALL_CAPABILITIES));

        // when
        Set<Capability> first = service.capabilities();
        Set<Capability> second = service.capabilities();
        Set<Capability> third = service.capabilities();

        // then: the first attempt and its two retries failed: none of the extensions, Koha's own second address
        assertThat(first).containsExactly(Capability.SECONDARY_EMAIL);
        assertThat(second).containsExactlyInAnyOrder(Capability.values());
        assertThat(third).isEqualTo(second);
        assertThat(koha.requests("GET", CAPABILITIES)).hasSize(4);
    }

    @Test
    void pickupLocationsAreAskedForThePatron() {
        // given
        koha.on("GET", "/api/v1/biblios/101/pickup_locations", FakeKoha.json(200,
                "[{\"library_id\":\"CEN\",\"name\":\"中央図書館\",\"pickup_location\":true}]"));

        // when
        CallResult<List<Library>> result = service.pickupLocations("101", PATRON);

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of(new Library("CEN", "中央図書館", true))));
        assertThat(koha.requests("GET", "/api/v1/biblios/101/pickup_locations").get(0).rawQuery()).isEqualTo("patron_id=42");
    }

    @Test
    void placingAHoldSendsKohasBodyThenSetsAContactMethodOtherThanTheDefault() {
        // given: the patron has an e-mail address, so Koha's default is e-mail; phone is asked for
        withExtensions();
        koha.on("POST", PLACE, FakeKoha.json(201, PLACED));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson("taro@example.jp")));
        koha.on("PUT", "/api/v1/contrib/opackiosk/holds/9/contact_method", FakeKoha.json(200, "{\"hold_id\":9,\"contact_method\":\"phone\"}"));
        koha.on("GET", "/api/v1/biblios/101", FakeKoha.json(200, "{\"biblio_id\":101,\"title\":\"吾輩は猫である\"}"));

        // when
        CallResult<List<Hold>> result = service.placeHold(HoldRequest.single(PATRON, "101", "CEN", ContactMethod.PHONE));

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of(new Hold("9", "101", "吾輩は猫である", HoldStatus.WAITING, Optional.of(4),
                "CEN", ContactMethod.PHONE, LocalDate.of(2026, 4, 1), Optional.empty(), Optional.empty()))));
        String body = koha.requests("POST", PLACE).get(0).body();
        assertThat(json(body)).isEqualTo(json("{\"patron_id\":42,\"biblio_id\":101,\"pickup_library_id\":\"CEN\"}"));
        assertThat(KohaContract.requestBodyProblems("post", "/holds", body)).isEmpty();
        if (KohaContract.contractFile().isPresent()) {
            // the check has teeth: Koha rejects fields it does not know
            assertThat(KohaContract.requestBodyProblems("post", "/holds",
                    "{\"patron_id\":42,\"biblio_id\":101,\"pickup_library_id\":\"CEN\",\"contact_method\":\"phone\"}")).isNotEmpty();
        }
        assertThat(json(koha.requests("PUT", "/api/v1/contrib/opackiosk/holds/9/contact_method").get(0).body()))
                .isEqualTo(json("{\"contact_method\":\"phone\"}"));
    }

    @Test
    void placingAHoldWithTheDefaultContactMethodSendsNoSecondRequest() {
        // given
        withExtensions();
        koha.on("POST", PLACE, FakeKoha.json(201, PLACED));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson("taro@example.jp")));
        koha.on("GET", "/api/v1/biblios/101", FakeKoha.json(200, "{\"biblio_id\":101,\"title\":\"吾輩は猫である\"}"));

        // when
        List<Hold> holds = ((CallResult.Ok<List<Hold>>) service.placeHold(HoldRequest.single(PATRON, "101", "CEN", ContactMethod.EMAIL))).value();

        // then
        assertThat(holds.get(0).contactMethod()).isEqualTo(ContactMethod.EMAIL);
        assertThat(koha.requests()).noneMatch(r -> r.method().equals("PUT"));
    }

    @Test
    void contactMethodThatCouldNotBeSetLeavesTheHoldWithTheDefault() {
        // given
        withExtensions();
        koha.on("POST", PLACE, FakeKoha.json(201, PLACED));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson("taro@example.jp")));
        koha.on("PUT", "/api/v1/contrib/opackiosk/holds/9/contact_method", FakeKoha.json(500, "{}"));

        // when
        List<Hold> holds = ((CallResult.Ok<List<Hold>>) service.placeHold(HoldRequest.single(PATRON, "101", "CEN", ContactMethod.NONE))).value();

        // then
        assertThat(holds.get(0).contactMethod()).isEqualTo(ContactMethod.EMAIL);
        assertThat(holds.get(0).title()).isEmpty();
    }

    @Test
    void seriesHoldGoesToTheExtensionInVolumeOrder() {
        // given
        withExtensions();
        koha.on("POST", SERIES, FakeKoha.json(201, """
                {"series_group_id":"S12","holds":[
                  {"hold_id":30,"patron_id":42,"biblio_id":201,"pickup_library_id":"KITA","hold_date":"2026-04-01","priority":1,"status":null,
                   "biblio":{"title":"第1巻"}},
                  {"hold_id":31,"patron_id":42,"biblio_id":202,"pickup_library_id":"KITA","hold_date":"2026-04-01","priority":2,"status":null,
                   "biblio":{"title":"第2巻"}}]}"""));

        // when
        CallResult<List<Hold>> result = service.placeHold(new HoldRequest(PATRON, List.of("201", "202"), "KITA", ContactMethod.NONE));

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of(
                new Hold("30", "201", "第1巻", HoldStatus.WAITING, Optional.of(1), "KITA", ContactMethod.NONE,
                        LocalDate.of(2026, 4, 1), Optional.empty(), Optional.of("S12")),
                new Hold("31", "202", "第2巻", HoldStatus.WAITING, Optional.of(2), "KITA", ContactMethod.NONE,
                        LocalDate.of(2026, 4, 1), Optional.empty(), Optional.of("S12")))));
        assertThat(json(koha.requests("POST", SERIES).get(0).body())).isEqualTo(json(
                "{\"patron_id\":42,\"pickup_library_id\":\"KITA\",\"biblio_ids\":[201,202],\"contact_method\":\"none\"}"));
    }

    @ParameterizedTest
    @CsvSource({
            "403, too_many_reserves", "403, too_many_holds_for_this_record", "403, too_many_reserves_today",
            "403, no_reserves_allowed", "403, not_reservable", "403, item_already_on_hold", "403, already_possession",
            "403, cannot_reserve_from_other_branches", "403, library_not_pickup_location", "403, no_items",
            "403, age_restricted", "403, damaged",
            "409, expired", "409, debt_limit", "409, bad_address", "409, card_lost", "409, restricted", "409, hold_limit",
            "400, patron_not_found", "400, invalid_pickup_location", "400, missing_biblio_or_item", "400, item_biblio_mismatch"})
    void holdRefusalKeepsKohasCodeAndGetsItsSentence(int status, String code) {
        // given
        koha.on("POST", PLACE, FakeKoha.json(status, "{\"error\":\"Hold cannot be placed\",\"error_code\":\"" + code + "\"}"));

        // when
        CallResult<List<Hold>> result = service.placeHold(HoldRequest.single(PATRON, "101", "CEN", ContactMethod.EMAIL));

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal(code, "refusal." + code)));
        assertThat(koha.requests("POST", PLACE)).hasSize(1);
    }

    @Test
    void holdThatGetsNoAnswerIsAmbiguousAndSentExactlyOnce() {
        // given
        impatientClient();
        koha.on("POST", PLACE, koha.hang());

        // when
        CallResult<List<Hold>> result = service.placeHold(HoldRequest.single(PATRON, "101", "CEN", ContactMethod.EMAIL));

        // then
        assertThat(result).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(koha.requests("POST", PLACE)).hasSize(1);
    }

    @Test
    void cancellingIsDoneWhetherKohaDeletesOrRecordsARequest() {
        // given
        koha.on("DELETE", "/api/v1/holds/1", FakeKoha.json(204, ""));
        koha.on("DELETE", "/api/v1/holds/2", FakeKoha.json(202, "\"\""));

        // when / then
        assertThat(service.cancelHold(PATRON, "1")).isEqualTo(CallResult.ok(Done.DONE));
        assertThat(service.cancelHold(PATRON, "2")).isEqualTo(CallResult.ok(Done.DONE));
    }

    @Test
    void cancellationThatGetsNoAnswerIsAmbiguousAndSentExactlyOnce() {
        // given
        impatientClient();
        koha.on("DELETE", "/api/v1/holds/1", koha.hang());

        // when
        CallResult<Done> result = service.cancelHold(PATRON, "1");

        // then
        assertThat(result).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(koha.requests("DELETE", "/api/v1/holds/1")).hasSize(1);
    }

    @Test
    void pickupLibraryChangeSendsKohasBodyAndReturnsTheChangedHold() {
        // given
        withExtensions();
        koha.on("GET", HOLDS, FakeKoha.json(200, CURRENT));
        koha.on("GET", DETAILS, FakeKoha.json(200, "[{\"hold_id\":1,\"contact_method\":\"email\",\"series_group_id\":null}]"));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson(null)));
        koha.on("PUT", "/api/v1/holds/1/pickup_location", FakeKoha.json(200, "{\"pickup_library_id\":\"KITA\"}"));

        // when
        CallResult<Hold> result = service.changePickupLibrary(PATRON, "1", "KITA");

        // then
        Hold hold = ((CallResult.Ok<Hold>) result).value();
        assertThat(hold.pickupLibraryId()).isEqualTo("KITA");
        assertThat(hold.title()).isEqualTo("吾輩は猫である");
        String body = koha.requests("PUT", "/api/v1/holds/1/pickup_location").get(0).body();
        assertThat(json(body)).isEqualTo(json("{\"pickup_library_id\":\"KITA\"}"));
        assertThat(KohaContract.requestBodyProblems("put", "/holds/{hold_id}/pickup_location", body)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"hold_waiting", "hold_in_transit", "hold_in_processing"})
    void pickupChangeOfAnAllocatedHoldIsRefusedWithItsSentence(String code) {
        // given
        koha.on("GET", HOLDS, FakeKoha.json(200, CURRENT));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson(null)));
        koha.on("PUT", "/api/v1/holds/4/pickup_location", FakeKoha.json(409, "{\"error\":\"No\",\"error_code\":\"" + code + "\"}"));

        // when / then
        assertThat(service.changePickupLibrary(PATRON, "4", "KITA")).isEqualTo(CallResult.refused(new Refusal(code, "refusal." + code)));
    }

    @Test
    void holdOfAnotherPatronIsNotFoundAndNothingIsChanged() {
        // given
        koha.on("GET", HOLDS, FakeKoha.json(200, CURRENT));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson(null)));

        // when
        CallResult<Hold> result = service.changePickupLibrary(PATRON, "77", "KITA");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("not_found", "refusal.not_found")));
        assertThat(koha.requests()).noneMatch(r -> r.method().equals("PUT"));
    }

    @Test
    void contactMethodChangeGoesToTheExtension() {
        // given
        withExtensions();
        koha.on("GET", HOLDS, FakeKoha.json(200, CURRENT));
        koha.on("GET", DETAILS, FakeKoha.json(200, "[{\"hold_id\":1,\"contact_method\":\"email\",\"series_group_id\":null}]"));
        koha.on("GET", "/api/v1/patrons/42", FakeKoha.json(200, patronJson(null)));
        koha.on("PUT", "/api/v1/contrib/opackiosk/holds/1/contact_method", FakeKoha.json(200, "{\"hold_id\":1,\"contact_method\":\"none\"}"));

        // when
        CallResult<Hold> result = service.changeContactMethod(PATRON, "1", ContactMethod.NONE);

        // then
        assertThat(((CallResult.Ok<Hold>) result).value().contactMethod()).isEqualTo(ContactMethod.NONE);
        assertThat(json(koha.requests("PUT", "/api/v1/contrib/opackiosk/holds/1/contact_method").get(0).body()))
                .isEqualTo(json("{\"contact_method\":\"none\"}"));
    }
}

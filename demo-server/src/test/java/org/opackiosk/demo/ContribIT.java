package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.demo.catalogue.DemoRecord;
import org.opackiosk.demo.catalogue.MaterialType;

/** The kiosk's extensions under /api/v1/contrib/opackiosk/ (docs/contrib-api.md). */
class ContribIT {

    private static final String BASE = "/api/v1/contrib/opackiosk";

    @RegisterExtension
    static final CirculationFixture demo = CirculationFixture.perClass();

    @Test
    void capabilitiesAndThePasswordPolicyArePublished() {
        // when
        JsonNode capabilities = ApiClient.json(demo.client.get(BASE + "/capabilities", demo.token));
        JsonNode policy = ApiClient.json(demo.client.get(BASE + "/password_policy", demo.token));

        // then
        assertThat(capabilities.path("capabilities")).extracting(JsonNode::asText).containsExactly(
                "ordered_series_holds", "hold_contact_method", "dismiss_cancelled_holds", "identity_check",
                "renewal_due_date", "patron_restrictions");
        assertThat(policy.path("min_length").asInt()).isEqualTo(4);
        assertThat(policy.path("max_length").asInt()).isEqualTo(10);
        assertThat(policy.path("letters_and_digits_only").asBoolean()).isTrue();
        assertThat(policy.path("require_letters_and_digits").isBoolean()).isTrue();
        assertThat(policy.path("require_upper_and_lower_case").asBoolean()).isFalse();
    }

    @Test
    void aSuspendedPatronsRestrictionIsListedWithKohasTypeAndAnOtherPatronHasNone() {
        // when
        JsonNode suspended = ApiClient.json(demo.client.get(BASE + "/patrons/" + demo.patronId("01000006")
                + "/restrictions", demo.token));
        JsonNode ordinary = ApiClient.json(demo.client.get(BASE + "/patrons/" + demo.patronId("01000001")
                + "/restrictions", demo.token));

        // then
        assertThat(suspended).hasSize(1);
        assertThat(suspended.get(0).path("type").asText()).isEqualTo("OVERDUES");
        assertThat(suspended.get(0).path("comment").asText()).isEqualTo("延滞による貸出禁止");
        assertThat(ordinary).isEmpty();
    }

    @Test
    void identityIsConfirmedByBirthDateAndPhoneDigits() {
        // when
        HttpResponse<String> confirmed = demo.client.post(BASE + "/identity_check", demo.token,
                "{\"cardnumber\":\"01000010\",\"date_of_birth\":\"1988-07-07\",\"phone\":\"08000000110\"}");
        HttpResponse<String> hasPassword = demo.client.post(BASE + "/identity_check", demo.token,
                "{\"cardnumber\":\"01000001\",\"date_of_birth\":\"1978-04-12\",\"phone\":\"090-0000-0101\"}");

        // then
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(ApiClient.json(confirmed).path("patron_id").asInt()).isEqualTo(demo.patronId("01000010"));
        assertThat(hasPassword.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(hasPassword).path("error_code").asText()).isEqualTo("password_already_set");
    }

    @Test
    void identityCheckRefusesAlikeAndStopsAfterFiveFailures() {
        // given
        String wrong = "{\"cardnumber\":\"01000017\",\"date_of_birth\":\"1993-03-04\",\"phone\":\"090-0000-0117\"}";

        // when
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = demo.client.post(BASE + "/identity_check", demo.token, wrong);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(ApiClient.json(refused).path("error_code").asText()).isEqualTo("identity_not_confirmed");
        }
        HttpResponse<String> right = demo.client.post(BASE + "/identity_check", demo.token,
                "{\"cardnumber\":\"01000017\",\"date_of_birth\":\"1993-03-03\",\"phone\":\"090-0000-0117\"}");

        // then
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(ApiClient.json(right).path("error_code").asText()).isEqualTo("too_many_attempts");
    }

    @Test
    void aHoldGetsThePatronsDefaultContactMethodUntilAnotherIsChosen() {
        // given
        DemoRecord record = demo.untouchedRecord(MaterialType.BOOK, 1, null);
        demo.lendAllCopies(record.number(), "01000015");
        int patron = demo.patronId("01000002");
        int hold = ApiClient.json(demo.placeHold(patron, record.number(), "NISHI")).path("hold_id").asInt();

        // when
        String before = contactMethod(patron, hold);
        HttpResponse<String> changed = demo.client.put(BASE + "/holds/" + hold + "/contact_method", demo.token,
                "{\"contact_method\":\"phone\"}");
        HttpResponse<String> invalid = demo.client.put(BASE + "/holds/" + hold + "/contact_method", demo.token,
                "{\"contact_method\":\"fax\"}");

        // then
        assertThat(before).isEqualTo("email");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(contactMethod(patron, hold)).isEqualTo("phone");
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    @Test
    void aSeriesHoldIsAllOrNothingAndNamesTheOffendingRecord() {
        // given one volume on loan and one that is reference material (never holdable)
        DemoRecord lent = demo.untouchedRecord(MaterialType.BOOK, 1, null);
        demo.lendAllCopies(lent.number(), "01000015");
        DemoRecord reference = CirculationFixture.CATALOGUE.records().stream()
                .filter(r -> r.flags().contains(org.opackiosk.demo.catalogue.RecordFlag.REFERENCE)).findFirst().orElseThrow();
        int patron = demo.patronId("01000013");
        int before = demo.holds(patron, false).size();

        // when
        HttpResponse<String> response = demo.client.post(BASE + "/series_holds", demo.token, "{\"patron_id\":"
                + patron + ",\"pickup_library_id\":\"CEN\",\"biblio_ids\":[" + lent.number() + "," + reference.number()
                + "],\"contact_method\":\"none\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("not_reservable");
        assertThat(ApiClient.json(response).path("biblio_id").asInt()).isEqualTo(reference.number());
        assertThat(demo.holds(patron, false)).hasSize(before);
    }

    @Test
    void aSeriesVolumeOnTheShelfIsNotRefusedButSetAsideWhenItIsFirst() {
        // given the first volume on the shelf and the second on loan
        DemoRecord onShelf = demo.untouchedRecord(MaterialType.BOOK, 1, null);
        DemoRecord lent = demo.untouchedRecord(MaterialType.BOOK, 1, null);
        demo.lendAllCopies(lent.number(), "01000015");
        int patron = demo.patronId("01000013");

        // when
        HttpResponse<String> response = demo.client.post(BASE + "/series_holds", demo.token, "{\"patron_id\":"
                + patron + ",\"pickup_library_id\":\"CEN\",\"biblio_ids\":[" + onShelf.number() + "," + lent.number()
                + "],\"contact_method\":\"email\"}");

        // then the first volume is set aside at once (waiting here, or in transit from its branch)
        assertThat(response.statusCode()).isEqualTo(201);
        var holds = ApiClient.json(response).path("holds");
        assertThat(holds.get(0).path("biblio_id").asInt()).isEqualTo(onShelf.number());
        assertThat(holds.get(0).path("status").asText()).isIn("W", "T");
        assertThat(holds.get(1).path("status").isNull()).isTrue();
    }

    @Test
    void onlyOldHoldsCanBeDismissed() {
        // given a current hold
        int hold = demo.holds(demo.patronId("01000016"), false).get(0).path("hold_id").asInt();

        // when
        HttpResponse<String> response = demo.client.post(BASE + "/holds/" + hold + "/dismissal", demo.token, "{}");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static String contactMethod(int patron, int hold) {
        for (JsonNode details : ApiClient.json(demo.client.get(BASE + "/patrons/" + patron + "/hold_details",
                demo.token))) {
            if (details.path("hold_id").asInt() == hold) {
                return details.path("contact_method").asText();
            }
        }
        return null;
    }
}

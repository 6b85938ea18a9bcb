package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.demo.catalogue.MaterialType;
import org.opackiosk.demo.circulation.CirculationRules;

/** Hold limits: 10 books and 1 audio-visual item; the "nothing on the shelf" rule switched off here. */
class HoldLimitsIT {

    @RegisterExtension
    static final CirculationFixture demo = CirculationFixture.perClass(options -> options
            .withRules(CirculationRules.defaults().withHoldsOnlyWhenNoneOnShelf(false)));

    @Test
    void theEleventhBookHoldIsRefusedButOneAudioVisualIsAllowed() {
        // given 9 book holds
        int patron = demo.patronId("01000020");
        assertThat(demo.holds(patron, false)).hasSize(9);
        HttpResponse<String> tenth = demo.placeHold(patron, demo.untouchedRecord(MaterialType.BOOK, 1, null).number(),
                "NISHI");

        // when
        HttpResponse<String> eleventh = demo.placeHold(patron,
                demo.untouchedRecord(MaterialType.BOOK, 1, null).number(), "NISHI");
        HttpResponse<String> dvd = demo.placeHold(patron, demo.untouchedRecord(MaterialType.DVD, 1, null).number(),
                "NISHI");
        HttpResponse<String> secondDvd = demo.placeHold(patron,
                demo.untouchedRecord(MaterialType.DVD, 1, null).number(), "NISHI");

        // then
        assertThat(tenth.statusCode()).as(tenth.body()).isEqualTo(201);
        assertThat(eleventh.statusCode()).isEqualTo(403);
        JsonNode refusal = ApiClient.json(eleventh);
        assertThat(refusal.path("error_code").asText()).isEqualTo("too_many_reserves");
        assertThat(refusal.path("max").asInt()).isEqualTo(10);
        assertThat(dvd.statusCode()).as(dvd.body()).isEqualTo(201);
        assertThat(secondDvd.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(secondDvd).path("max").asInt()).isEqualTo(1);
    }

    @Test
    void aPatronAtTheHoldLimitCannotHoldAnotherBook() {
        // when
        HttpResponse<String> response = demo.placeHold(demo.patronId("01000011"),
                demo.untouchedRecord(MaterialType.BOOK, 1, null).number(), "HIGASHI");

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("too_many_reserves");
    }

    @Test
    void recordsWithACopyOnTheShelfCanBeHeldWhenTheRuleIsOff() {
        // when
        HttpResponse<String> response = demo.placeHold(demo.patronId("01000015"),
                demo.untouchedRecord(MaterialType.BOOK, 1, null).number(), "HIGASHI");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}

package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.demo.circulation.CirculationRules;

/** The demo configured as a server that keeps one e-mail address per patron ({@code secondary_email = false}). */
class SecondaryEmailIT {

    @RegisterExtension
    static final CirculationFixture demo = CirculationFixture.perClass(options -> options
            .withRules(CirculationRules.defaults().withSecondaryEmail(false)));

    @Test
    void thePatronObjectHasNoSecondAddressAndAPutWithOneIsRefused() {
        // given
        int id = demo.patronId("01000002");
        ObjectNode patron = (ObjectNode) ApiClient.json(demo.client.get("/api/v1/patrons/" + id, demo.token));

        // then the field is not there
        assertThat(patron.has("email")).isTrue();
        assertThat(patron.has("secondary_email")).isFalse();

        // and a PUT carrying it is refused like an unknown field, one without it is taken
        for (String readOnly : List.of("patron_id", "restricted", "updated_on")) {
            patron.remove(readOnly);
        }
        ObjectNode withSecond = patron.deepCopy().put("secondary_email", "second@example.jp");
        HttpResponse<String> refused = demo.client.put("/api/v1/patrons/" + id, demo.token, withSecond.toString());
        HttpResponse<String> taken = demo.client.put("/api/v1/patrons/" + id, demo.token,
                patron.deepCopy().put("email", "only@example.jp").toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = ApiClient.json(refused).path("errors").get(0);
        assertThat(error.path("message").asText()).isEqualTo("Properties not allowed: secondary_email.");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    }
}

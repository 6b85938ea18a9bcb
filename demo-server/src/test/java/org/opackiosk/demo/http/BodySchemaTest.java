package org.opackiosk.demo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodySchemaTest {

    private static final BodySchema HOLD = BodySchema.object()
            .required("patron_id", BodySchema.Type.INTEGER)
            .required("pickup_library_id", BodySchema.Type.STRING)
            .nullable("biblio_id", BodySchema.Type.INTEGER)
            .nullable("expiration_date", BodySchema.Type.DATE)
            .build();

    @Test
    void aValidBodyIsReturned() throws Exception {
        // given
        JsonNode body = Json.mapper().readTree("{\"patron_id\": 1, \"pickup_library_id\": \"CEN\", \"biblio_id\": null}");

        // when
        ObjectNode valid = HOLD.validate(body);

        // then
        assertThat(valid.path("patron_id").asInt()).isEqualTo(1);
    }

    @Test
    void unknownPropertiesAreRejectedLikeKoha() throws Exception {
        // given
        JsonNode body = Json.mapper().readTree("{\"patron_id\": 1, \"pickup_library_id\": \"CEN\", \"foo\": 1}");

        // when / then
        assertThatThrownBy(() -> HOLD.validate(body)).isInstanceOfSatisfying(ApiProblem.class, problem ->
                assertThat(body(problem)).isEqualTo(
                        "{\"errors\":[{\"message\":\"Properties not allowed: foo.\",\"path\":\"/body\"}],\"status\":400}"));
    }

    @Test
    void everyProblemIsListed() throws Exception {
        // given
        JsonNode body = Json.mapper().readTree(
                "{\"patron_id\": \"1\", \"biblio_id\": 1.5, \"expiration_date\": \"soon\", \"zed\": 0, \"bar\": 0}");

        // when / then
        assertThatThrownBy(() -> HOLD.validate(body)).isInstanceOfSatisfying(ApiProblem.class, problem ->
                assertThat(body(problem))
                        .contains("{\"message\":\"Properties not allowed: bar, zed.\",\"path\":\"/body\"}")
                        .contains("{\"message\":\"Expected integer - got string.\",\"path\":\"/body/patron_id\"}")
                        .contains("{\"message\":\"Missing property.\",\"path\":\"/body/pickup_library_id\"}")
                        .contains("{\"message\":\"Expected integer/null - got number.\",\"path\":\"/body/biblio_id\"}")
                        .contains("{\"message\":\"Does not match date format.\",\"path\":\"/body/expiration_date\"}"));
    }

    @Test
    void aBodyThatIsNoObjectIsRejected() {
        // when / then
        assertThatThrownBy(() -> HOLD.validate(null)).isInstanceOfSatisfying(ApiProblem.class, problem ->
                assertThat(body(problem)).contains("Expected object - got null."));
        assertThatThrownBy(() -> HOLD.validate(Json.mapper().createArrayNode()))
                .isInstanceOfSatisfying(ApiProblem.class, problem ->
                        assertThat(body(problem)).contains("Expected object - got array."));
    }

    private static String body(ApiProblem problem) {
        assertThat(problem.response().status()).isEqualTo(400);
        return new String(problem.response().body(), StandardCharsets.UTF_8);
    }
}

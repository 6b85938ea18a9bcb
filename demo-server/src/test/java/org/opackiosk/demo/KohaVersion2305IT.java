package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code withKohaVersion("23.05")}: password validation takes only {@code userid} and answers 204. */
class KohaVersion2305IT {

    @RegisterExtension
    static final CirculationFixture demo = CirculationFixture.perClass(options -> options.withKohaVersion("23.05"));

    @Test
    void passwordValidationAnswers204WithoutABody() {
        // when
        HttpResponse<String> response = demo.client.post("/api/v1/auth/password/validation", demo.token,
                "{\"userid\":\"01000001\",\"password\":\"taro1234\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void theIdentifierFormIsUnknownTo2305() {
        // when
        HttpResponse<String> response = demo.client.post("/api/v1/auth/password/validation", demo.token,
                "{\"identifier\":\"01000001\",\"password\":\"taro1234\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Properties not allowed: identifier.");
    }

    @Test
    void aWrongPasswordStillFails() {
        // when
        HttpResponse<String> response = demo.client.post("/api/v1/auth/password/validation", demo.token,
                "{\"userid\":\"01000001\",\"password\":\"nope\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("error").asText()).isEqualTo("Validation failed");
    }
}

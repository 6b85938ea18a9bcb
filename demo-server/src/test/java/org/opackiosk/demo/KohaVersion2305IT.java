package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code withKohaVersion("23.05")}: password validation takes only {@code userid} and answers 204. */
class KohaVersion2305IT {

    @TempDir
    static Path dataDir;
    static CirculationFixture demo;

    @BeforeAll
    static void start() throws Exception {
        demo = new CirculationFixture(dataDir, DemoServerOptions.defaults(dataDir).withKohaVersion("23.05"));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

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

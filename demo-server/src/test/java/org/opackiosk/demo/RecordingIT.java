package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --record FILE}: every exchange as a JSON line, secrets masked; and the loopback-only admin desk. */
class RecordingIT {

    @TempDir
    Path dataDir;

    @Test
    void theRecordFileHoldsEveryExchangeWithSecretsMasked() throws Exception {
        // given
        Path record = dataDir.resolve("record.jsonl");
        String token;
        String secret;
        try (CirculationFixture demo = new CirculationFixture(dataDir,
                DemoServerOptions.defaults(dataDir).withRecordFile(record))) {
            token = demo.token;
            secret = demo.server.clientSecret();

            // when
            demo.client.post("/api/v1/auth/password/validation", demo.token,
                    "{\"identifier\":\"01000001\",\"password\":\"taro1234\"}");
            demo.client.post("/api/v1/patrons/1/password", demo.token,
                    "{\"password\":\"taro5678\",\"password_2\":\"taro5678\"}");
        }

        // then
        String text = Files.readString(record, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(token, secret, "taro1234", "taro5678");
        List<JsonNode> lines = text.lines().map(RecordingIT::parse).toList();
        JsonNode oauth = lines.stream().filter(l -> l.path("path").asText().equals("/api/v1/oauth/token"))
                .findFirst().orElseThrow();
        assertThat(oauth.path("request").asText()).contains("client_secret=***");
        assertThat(oauth.path("response").path("access_token").asText()).isEqualTo("***");
        JsonNode validation = lines.stream()
                .filter(l -> l.path("path").asText().equals("/api/v1/auth/password/validation")).findFirst()
                .orElseThrow();
        assertThat(validation.path("method").asText()).isEqualTo("POST");
        assertThat(validation.path("status").asInt()).isEqualTo(201);
        assertThat(validation.path("authorization").asText()).isEqualTo("***");
        assertThat(validation.path("request").path("password").asText()).isEqualTo("***");
        assertThat(validation.path("request").path("identifier").asText()).isEqualTo("01000001");
        assertThat(validation.path("time").asText()).isNotEmpty();
        JsonNode staff = lines.stream().filter(l -> l.path("path").asText().endsWith("/password")).findFirst()
                .orElseThrow();
        assertThat(staff.path("request").path("password_2").asText()).isEqualTo("***");
    }

    @Test
    void theAdminDeskMovesTheClockWithoutCredentialsFromThisMachine() throws Exception {
        // given
        try (CirculationFixture demo = CirculationFixture.start(dataDir)) {

            // when
            JsonNode moved = ApiClient.json(demo.admin("clock", "{\"offset\":\"P8D\"}"));
            int badOffset = demo.admin("clock", "{\"offset\":\"eight days\"}").statusCode();
            int unknownField = demo.admin("checkin", "{\"external_id\":\"x\",\"branch\":\"CEN\"}").statusCode();

            // then
            assertThat(moved.path("today").asText()).isEqualTo(CirculationFixture.TODAY.plusDays(8).toString());
            assertThat(moved.path("offset").asText()).isEqualTo("PT192H");
            assertThat(badOffset).isEqualTo(400);
            assertThat(unknownField).isEqualTo(400);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}

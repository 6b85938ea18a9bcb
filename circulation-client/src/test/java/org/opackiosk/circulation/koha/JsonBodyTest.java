package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static InputStreamEntity entity(String json, String contentType) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new InputStreamEntity(new ByteArrayInputStream(bytes), -1, ContentType.parseLenient(contentType));
    }

    private static ObjectMapper mapper() {
        return KohaTransport.objectMapper(1 << 20);
    }

    @Test
    void aThousandLevelsOfNestingAreRead() throws Exception {
        // given
        JsonBody body = new JsonBody(entity("[".repeat(1000) + "]".repeat(1000), "application/json"), 1 << 20);

        // when / then
        assertThat(body.read(mapper()).isArray()).isTrue();
        assertThat(body.finished()).isTrue();
    }

    @Test
    void aThousandAndOneLevelsAreRefused() {
        // given
        JsonBody body = new JsonBody(entity("[".repeat(1001) + "]".repeat(1001), "application/json"), 1 << 20);

        // when / then
        assertThatThrownBy(() -> body.read(mapper())).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void contentAfterTheJsonValueIsRefused() {
        // given
        JsonBody body = new JsonBody(entity("{} {}", "application/json"), 1 << 20);

        // when / then
        assertThatThrownBy(() -> body.read(mapper())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void problemJsonIsJson() throws Exception {
        // given
        JsonBody body = new JsonBody(entity("{\"error\":\"x\"}", "application/problem+json"), 1 << 20);

        // when / then
        assertThat(body.read(mapper()).get("error").asText()).isEqualTo("x");
    }

    @Test
    void emptyBodyIsMalformed() {
        // given
        JsonBody body = new JsonBody(entity("", "application/json"), 1 << 20);

        // when / then
        assertThatThrownBy(() -> body.read(mapper())).isInstanceOf(MalformedResponseException.class);
    }
}

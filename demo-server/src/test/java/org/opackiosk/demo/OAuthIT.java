package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthIT {

    @TempDir
    static Path dataDir;
    static TestClock clock;
    static DemoServer server;
    static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        clock = new TestClock(Instant.parse("2026-04-01T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
        server = DemoServer.start(DemoServerOptions.defaults(dataDir).withClock(clock)
                .withTokenLifetime(Duration.ofMinutes(30)));
        client = ApiClient.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theRightCredentialsGetABearerToken() {
        // when
        HttpResponse<String> response = client.postForm("/api/v1/oauth/token", Map.of(
                "grant_type", "client_credentials", "client_id", server.clientId(),
                "client_secret", server.clientSecret()));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(1800);
        assertThat(body.path("access_token").asText()).hasSizeGreaterThan(20);
        assertThat(client.get("/api/v1/biblios", body.path("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsRefusedAsKohaRefusesIt() {
        // when
        HttpResponse<String> response = client.postForm("/api/v1/oauth/token", Map.of(
                "grant_type", "client_credentials", "client_id", server.clientId(), "client_secret", "wrong"));

        // then: Koha::REST::V1::OAuth answers 403 with the error of Koha::OAuth's verify_client callback
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(response).path("error").asText()).isEqualTo("access_denied");
    }

    @Test
    void anUnknownClientIsRefused() {
        // when
        HttpResponse<String> response = client.postForm("/api/v1/oauth/token", Map.of(
                "grant_type", "client_credentials", "client_id", "nobody", "client_secret", server.clientSecret()));

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(response).path("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void aMissingGrantTypeIsAValidationError() {
        // when
        HttpResponse<String> response = client.postForm("/api/v1/oauth/token", Map.of(
                "client_id", server.clientId(), "client_secret", server.clientSecret()));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("errors").get(0).path("path").asText()).isEqualTo("/grant_type");
    }

    @Test
    void anotherGrantTypeIsRefused() {
        // when
        HttpResponse<String> response = client.postForm("/api/v1/oauth/token", Map.of(
                "grant_type", "password", "client_id", server.clientId(), "client_secret", server.clientSecret()));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("error").asText()).isEqualTo("Unimplemented grant type");
    }

    @Test
    void basicAuthWithTheClientCredentialsIsTheAlternative() {
        // when
        HttpResponse<String> good = client.send(client.request("/api/v1/biblios")
                .header("Authorization", ApiClient.basic(server.clientId(), server.clientSecret())));
        HttpResponse<String> bad = client.send(client.request("/api/v1/biblios")
                .header("Authorization", ApiClient.basic(server.clientId(), "wrong")));

        // then
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(bad.statusCode()).isEqualTo(401);
    }

    @Test
    void noCredentialsAnswer401InKohasShape() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(response).path("error").asText()).isEqualTo("Authentication failure.");
    }

    @Test
    void anUnknownTokenAnswers401() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios", "not-a-token");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedTokenAnswers401AndANewTokenWorks() {
        // given
        String token = client.token(server);
        assertThat(client.get("/api/v1/biblios", token).statusCode()).isEqualTo(200);

        // when
        server.revokeAllTokens();

        // then
        assertThat(client.get("/api/v1/biblios", token).statusCode()).isEqualTo(401);
        assertThat(client.get("/api/v1/biblios", client.token(server)).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenAnswers401() {
        // given
        String token = client.token(server);
        clock.advance(Duration.ofMinutes(29));
        assertThat(client.get("/api/v1/biblios", token).statusCode()).isEqualTo(200);

        // when
        clock.advance(Duration.ofMinutes(1));

        // then
        assertThat(client.get("/api/v1/biblios", token).statusCode()).isEqualTo(401);
    }

    @Test
    void publicRoutesNeedNoCredentials() {
        // when
        HttpResponse<String> response = client.get("/api/v1/public/libraries");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
    }
}

package org.opackiosk.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.demo.ApiClient;
import org.opackiosk.demo.tls.ServerIdentity;
import org.opackiosk.demo.tls.ServerIdentityStore;
import org.slf4j.LoggerFactory;

/** JSON bodies through the real HTTPS pipeline, on a route of this test's own (no endpoint takes one yet). */
class RequestBodyIT {

    private static final BodySchema PASSWORD = BodySchema.object()
            .required("password", BodySchema.Type.STRING)
            .required("password_2", BodySchema.Type.STRING)
            .build();

    @TempDir
    Path dataDir;
    ApiServer server;
    ApiClient client;

    @BeforeEach
    void start() throws Exception {
        ServerIdentity identity = new ServerIdentityStore(Clock.systemUTC()).loadOrCreate(dataDir);
        Router router = new Router().post("/api/v1/patrons/{patron_id}/password", Access.API_CLIENT, request -> {
            ObjectNode body = request.json(PASSWORD);
            return Response.ok(Map.of("patron", request.intPathParam("patron_id"),
                    "same", body.path("password").equals(body.path("password_2"))));
        }).get("/api/v1/ping", Access.PUBLIC, request -> Response.ok(Map.of("pong", true)));
        Authentication anyone = header -> header.map(h -> "test-client");
        server = ApiServer.start(0, identity.serverContext(), router, anyone);
        client = new ApiClient(server.baseUri(), dataDir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aValidBodyReachesTheHandler() {
        // when
        HttpResponse<String> response = post("{\"password\":\"abcd1234\",\"password_2\":\"abcd1234\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response).path("same").asBoolean()).isTrue();
    }

    @Test
    void anUnknownBodyFieldIsRejectedWith400InKohasShape() {
        // when
        HttpResponse<String> response = post("{\"password\":\"a\",\"password_2\":\"a\",\"foo\":1}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("errors")).hasSize(1);
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("Properties not allowed: foo.");
        assertThat(body.path("errors").get(0).path("path").asText()).isEqualTo("/body");
    }

    @Test
    void aBodyThatIsNotJsonIsRejected() {
        // when
        HttpResponse<String> response = post("password=abc");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("errors").get(0).path("message").asText())
                .isEqualTo("Expected object - got null.");
    }

    @Test
    void aRequestRefusedBeforeItsBodyIsReadLeavesTheConnectionUsableForTheNext() {
        // given: the same client, so the next request goes over the connection the refusal was written on
        HttpRequest.Builder anonymous = client.request("/api/v1/patrons/7/password")
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"abcd1234\",\"password_2\":\"abcd1234\"}"));

        for (int round = 0; round < 10; round++) {
            // when
            HttpResponse<String> refused = client.send(anonymous);
            HttpResponse<String> next = client.send(client.request("/api/v1/ping").timeout(Duration.ofSeconds(5)).GET());

            // then
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(ApiClient.json(next).path("pong").asBoolean()).isTrue();
        }
    }

    @Test
    void aHandlerThatFailsAnswers500WithoutDetails() throws Exception {
        // given
        server.close();
        Router router = new Router().get("/api/v1/boom", Access.PUBLIC, request -> {
            throw new IllegalStateException("secret detail");
        });
        server = ApiServer.start(0, new ServerIdentityStore(Clock.systemUTC()).loadOrCreate(dataDir).serverContext(),
                router, header -> Optional.empty());
        client = new ApiClient(server.baseUri(), dataDir);

        Logger log = (Logger) LoggerFactory.getLogger(ApiHandler.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        log.addAppender(captured);
        log.setAdditive(false);

        // when
        HttpResponse<String> response;
        try {
            response = client.get("/api/v1/boom");
        } finally {
            log.detachAppender(captured);
            log.setAdditive(true);
        }

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret detail");
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("internal_server_error");
        assertThat(captured.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("secret detail");
        });
    }

    private HttpResponse<String> post(String json) {
        return client.send(client.request("/api/v1/patrons/7/password")
                .header("Authorization", "Bearer x")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}

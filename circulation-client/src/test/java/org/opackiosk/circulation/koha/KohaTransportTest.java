package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.circulation.testing.TestCertificates;
import org.opackiosk.circulation.tls.ServerTls;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.config.ServerSettings;

/**
 * What "is this request repeatable" decides. No mutation exists in the port yet; these pin down how the
 * first one (placing a hold) will behave.
 */
class KohaTransportTest {

    private static final String HOLDS = "/api/v1/holds";

    private final TestCertificates.Issued cert = TestCertificates.localhost();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private FakeKoha koha;
    private KohaTransport transport;

    @BeforeEach
    void startServer() throws Exception {
        koha = FakeKoha.start(cert);
    }

    @AfterEach
    void tearDown() {
        if (transport != null) {
            transport.close();
        }
        koha.close();
    }

    private void connect(ServerSettings settings) {
        transport = new KohaTransport(settings, Clock.systemUTC(), sleeper.options(), ServerTls.sslContext(settings));
    }

    private static KohaRequest placeHold() {
        return KohaRequest.mutation("POST", "api", "v1", "holds");
    }

    private static JsonNode body(KohaTransport.Answer answer) {
        return answer.body();
    }

    @Test
    void mutationThatWasSentAndGotNoAnswerIsAmbiguousAndNotRepeated() {
        // given
        koha.on("POST", HOLDS, koha.hang());
        connect(TestSettings.withResponseTimeout(TestSettings.pinned(koha.url(), cert.pin()), Duration.ofMillis(300)));

        // when
        CallResult<JsonNode> result = transport.call(placeHold(), KohaTransportTest::body);

        // then
        assertThat(result).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(koha.requests("POST", HOLDS)).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void mutationThatCouldNotConnectIsUnreachable() throws Exception {
        // given
        connect(TestSettings.pinned(URI.create("https://127.0.0.1:" + TestCertificates.closedPort()), cert.pin()));

        // when
        CallResult<JsonNode> result = transport.call(placeHold(), KohaTransportTest::body);

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void mutationRefusedByAWrongPinIsUnreachableBecauseNothingWasSent() {
        // given
        connect(TestSettings.pinned(koha.url(), TestCertificates.localhost().pin()));

        // when
        CallResult<JsonNode> result = transport.call(placeHold(), KohaTransportTest::body);

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests()).isEmpty();
    }

    @Test
    void mutationAnsweredByAGatewayTimeoutIsAmbiguous() {
        // given
        koha.on("POST", HOLDS, FakeKoha.text(504, "text/html", "<h1>Gateway Timeout</h1>"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<JsonNode> result = transport.call(placeHold(), KohaTransportTest::body);

        // then
        assertThat(result).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(koha.requests("POST", HOLDS)).hasSize(1);
    }

    @Test
    void mutationAnsweredByAServerErrorIsUnreachableAndNotRepeated() {
        // given
        koha.on("POST", HOLDS, FakeKoha.json(500, "{\"error\":\"Something went wrong\"}"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<JsonNode> result = transport.call(placeHold(), KohaTransportTest::body);

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests("POST", HOLDS)).hasSize(1);
    }

    @Test
    void mutationRejectedWithAnExpiredTokenIsSentOnceMoreWithAFreshOne() {
        // given: a 401 means the server did not act, so sending again is safe
        koha.onSequence("POST", HOLDS, FakeKoha.json(401, "{\"error\":\"Authentication failure.\"}"),
                FakeKoha.json(201, "{\"hold_id\":9}"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<JsonNode> result = transport.call(placeHold(), KohaTransportTest::body);

        // then
        assertThat(result.isOk()).isTrue();
        assertThat(koha.requests("POST", HOLDS)).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void mutationRefusalCarriesKohasErrorCode() {
        // given
        koha.on("POST", HOLDS, FakeKoha.json(403, "{\"error\":\"Reserve cannot be placed\",\"error_code\":\"too_many_reserves\"}"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<JsonNode> result = transport.call(placeHold(), KohaTransportTest::body);

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("too_many_reserves", "refusal.too_many_reserves")));
    }
}

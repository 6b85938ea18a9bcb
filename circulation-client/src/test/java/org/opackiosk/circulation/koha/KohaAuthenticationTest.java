package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.circulation.testing.FakeKoha.Recorded;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.circulation.testing.LogCapture;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.circulation.testing.TestCertificates;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.config.ServerSettings;

/** OAuth2 client credentials and HTTP Basic against a scripted Koha. */
class KohaAuthenticationTest {

    private static final String RECORD_PATH = "/api/v1/biblios/1";
    private static final String RECORD = "{\"biblio_id\":1,\"title\":\"坊っちゃん\"}";
    private static final Refusal AUTHENTICATION_FAILED = new Refusal("authentication_failed", "refusal.authentication_failed");

    private final TestCertificates.Issued cert = TestCertificates.localhost();
    private final MutableClock clock = new MutableClock(Instant.now(), ZoneId.of("Asia/Tokyo"));
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private FakeKoha koha;
    private KohaCirculationService service;

    @BeforeEach
    void startServer() throws Exception {
        koha = FakeKoha.start(cert);
        koha.on("GET", RECORD_PATH, FakeKoha.json(200, RECORD));
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        koha.close();
    }

    private void connect(ServerSettings settings) {
        service = new KohaCirculationService(settings, clock, sleeper.options());
    }

    private List<String> authorizationsSentFor(String path) {
        return koha.requests("GET", path).stream().map(r -> r.header("Authorization")).toList();
    }

    @Test
    void tokenIsFetchedOnceWithTheClientCredentialsAndReusedAcrossCalls() {
        // given
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        service.record("1");
        service.record("1");
        CallResult<CatalogueRecord> third = service.record("1");

        // then
        assertThat(third.isOk()).isTrue();
        List<Recorded> tokenRequests = koha.tokenRequests();
        assertThat(tokenRequests).hasSize(1);
        assertThat(tokenRequests.get(0).header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequests.get(0).form()).containsExactly(
                Map.entry("grant_type", "client_credentials"),
                Map.entry("client_id", TestSettings.CLIENT_ID),
                Map.entry("client_secret", TestSettings.CLIENT_SECRET));
        assertThat(authorizationsSentFor(RECORD_PATH)).containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-1");
    }

    @Test
    void tokenIsKeptUntilAMinuteBeforeItExpiresThenRenewed() {
        // given
        koha.tokenLifetime(Duration.ofHours(1));
        connect(TestSettings.pinned(koha.url(), cert.pin()));
        service.record("1");

        // when
        clock.advance(Duration.ofMinutes(58));
        service.record("1");
        clock.advance(Duration.ofSeconds(61));
        service.record("1");

        // then
        assertThat(koha.tokenRequests()).hasSize(2);
        assertThat(authorizationsSentFor(RECORD_PATH)).containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void unauthorizedAnswerRenewsTheTokenOnceAndRetriesTheRequest() {
        // given
        koha.onSequence("GET", RECORD_PATH,
                FakeKoha.json(401, "{\"error\":\"Authentication failure.\"}"),
                FakeKoha.json(200, RECORD));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<CatalogueRecord> result = service.record("1");

        // then
        assertThat(result.isOk()).isTrue();
        assertThat(koha.tokenRequests()).hasSize(2);
        assertThat(authorizationsSentFor(RECORD_PATH)).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void secondUnauthorizedAnswerIsRefusedAsAuthenticationFailedAfterExactlyTwoTokenRequests() {
        // given
        koha.on("GET", RECORD_PATH, FakeKoha.json(401, "{\"error\":\"Authentication failure.\"}"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<CatalogueRecord> result = service.record("1");

        // then
        assertThat(result).isEqualTo(CallResult.refused(AUTHENTICATION_FAILED));
        assertThat(koha.tokenRequests()).hasSize(2);
        assertThat(koha.requests("GET", RECORD_PATH)).hasSize(2);
        assertThat(sleeper.waits()).as("a refusal is not retried").isEmpty();
    }

    @Test
    void tokenEndpointRefusingTheCredentialsIsRefusedAsAuthenticationFailed() {
        // given
        koha.on("POST", FakeKoha.TOKEN_PATH, FakeKoha.json(400, "{\"error\":\"unauthorized_client\"}"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<CatalogueRecord> result = service.record("1");

        // then
        assertThat(result).isEqualTo(CallResult.refused(AUTHENTICATION_FAILED));
        assertThat(koha.requests("GET", RECORD_PATH)).isEmpty();
    }

    @Test
    void tokenEndpointDownIsUnreachable() {
        // given
        koha.on("POST", FakeKoha.TOKEN_PATH, FakeKoha.json(503, "{\"error\":\"maintenance\"}"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<CatalogueRecord> result = service.record("1");

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests("GET", RECORD_PATH)).isEmpty();
    }

    @Test
    void basicAuthenticationSendsTheClientIdAndSecretAndFetchesNoToken() {
        // given
        connect(TestSettings.basic(koha.url(), cert.pin()));

        // when
        CallResult<CatalogueRecord> result = service.record("1");

        // then
        assertThat(result.isOk()).isTrue();
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (TestSettings.CLIENT_ID + ":" + TestSettings.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(authorizationsSentFor(RECORD_PATH)).containsExactly(expected);
        assertThat(koha.tokenRequests()).isEmpty();
    }

    @Test
    void basicCredentialsRefusedAreAuthenticationFailedWithoutRetry() {
        // given
        koha.on("GET", RECORD_PATH, FakeKoha.json(401, "{\"error\":\"Authentication failure.\"}"));
        connect(TestSettings.basic(koha.url(), cert.pin()));

        // when
        CallResult<CatalogueRecord> result = service.record("1");

        // then
        assertThat(result).isEqualTo(CallResult.refused(AUTHENTICATION_FAILED));
        assertThat(koha.requests("GET", RECORD_PATH)).hasSize(1);
    }

    @Test
    void publicLibrariesAreFetchedWithoutCredentials() {
        // given
        koha.on("GET", "/api/v1/public/libraries", FakeKoha.json(200, "[]"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        service.libraries();

        // then
        assertThat(koha.requests("GET", "/api/v1/public/libraries").get(0).header("Authorization")).isNull();
        assertThat(koha.tokenRequests()).isEmpty();
    }

    @Test
    void neitherTheSecretNorATokenIsEverLogged() {
        // given
        koha.on("GET", RECORD_PATH, FakeKoha.json(401, "{\"error\":\"Authentication failure.\"}"));
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            service.record("1");
            koha.on("POST", FakeKoha.TOKEN_PATH, FakeKoha.json(400, "{\"error\":\"unauthorized_client\"}"));
            service.record("1");
            lines = log.lines();
        }

        // then
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("WARN")
                .doesNotContain(TestSettings.CLIENT_SECRET)
                .doesNotContain("token-1")
                .doesNotContain("token-2")
                .doesNotContain("token-3"));
    }
}

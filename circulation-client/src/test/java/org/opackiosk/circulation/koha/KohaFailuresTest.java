package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.circulation.testing.EndlessJson;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.circulation.testing.TestCertificates;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.ServerSettings;

/** Transport failures and unusable answers all become {@code Unreachable}; reads are retried a bounded number of times. */
class KohaFailuresTest {

    private static final String LIBRARIES = "/api/v1/public/libraries";
    private static final String ONE_LIBRARY = "[{\"library_id\":\"CEN\",\"name\":\"中央\",\"pickup_location\":true}]";

    private final TestCertificates.Issued cert = TestCertificates.localhost();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private FakeKoha koha;
    private KohaCirculationService service;

    @BeforeEach
    void startServer() throws Exception {
        koha = FakeKoha.start(cert);
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        koha.close();
    }

    private void connect(ServerSettings settings, KohaOptions options) {
        service = new KohaCirculationService(settings, Clock.systemUTC(), options);
    }

    private void connect() {
        connect(TestSettings.pinned(koha.url(), cert.pin()), sleeper.options());
    }

    private static String detailOf(CallResult<?> result) {
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        return ((CallResult.Unreachable<?>) result).detail();
    }

    @Test
    void serverErrorIsUnreachableAfterTwoRetriesWithGrowingWaits() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(500, "{\"error\":\"Something went wrong, check Koha logs for details.\"}"));
        connect();

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(detailOf(result)).contains("HTTP 500");
        assertThat(koha.requests("GET", LIBRARIES)).hasSize(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void passingServerErrorIsRetriedAndTheReadSucceeds() {
        // given
        koha.onSequence("GET", LIBRARIES, FakeKoha.text(503, "text/html", "<h1>Service Unavailable</h1>"), FakeKoha.json(200, ONE_LIBRARY));
        connect();

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result.isOk()).isTrue();
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void htmlPageWithStatus200IsUnreachable() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.text(200, "text/html; charset=UTF-8", "<html><body>Koha is under maintenance</body></html>"));
        connect();

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(detailOf(result)).contains("text/html");
        assertThat(sleeper.waits()).as("an unusable answer is not retried").isEmpty();
    }

    @Test
    void malformedJsonIsUnreachable() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(200, "[{\"library_id\":\"CEN\",,}]"));
        connect();

        // when / then
        assertThat(detailOf(service.libraries())).contains("unusable body");
    }

    @Test
    void truncatedJsonIsUnreachable() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(200, "[{\"library_id\":\"CEN\",\"name\":\"中"));
        connect();

        // when / then
        assertThat(detailOf(service.libraries())).contains("unusable body");
    }

    @Test
    void bodyCutShortBeforeItsDeclaredLengthIsUnreachable() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.cutShort("[{\"library_id\":\"CEN\"", 5000));
        connect();

        // when / then
        assertThat(detailOf(service.libraries())).contains("cut short");
    }

    @Test
    void jsonWithTheWrongShapeIsUnreachable() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(200, "{\"libraries\":[]}"));
        connect();

        // when / then
        assertThat(detailOf(service.libraries())).contains("expected a JSON array");
    }

    @Test
    void jsonNestedDeeperThanAThousandLevelsIsUnreachable() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(200, "[".repeat(1001) + "]".repeat(1001)));
        connect();

        // when / then
        assertThat(detailOf(service.libraries())).containsIgnoringCase("nesting depth");
    }

    @Test
    void endlessBodyIsUnreachableAndIsNotReadBeyondTheLimit() throws Exception {
        // given
        long serverWouldWrite = 512L * 1024 * 1024;
        EndlessJson endless = new EndlessJson(serverWouldWrite);
        koha.on("GET", LIBRARIES, endless);
        connect(TestSettings.pinned(koha.url(), cert.pin()), sleeper.options().withMaxBodyBytes(1024 * 1024));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(detailOf(result)).contains("larger than 1048576 bytes");
        assertThat(endless.bytesWritten().get(30, TimeUnit.SECONDS))
                .as("the client dropped the connection instead of draining the body")
                .isLessThan(serverWouldWrite);
    }

    @Test
    void declaredLengthOverTheLimitIsUnreachableWithoutReadingTheBody() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(200, ONE_LIBRARY));
        connect(TestSettings.pinned(koha.url(), cert.pin()), sleeper.options().withMaxBodyBytes(10));

        // when / then
        assertThat(detailOf(service.libraries())).contains("larger than 10 bytes");
    }

    @Test
    void refusedConnectionIsUnreachable() throws Exception {
        // given
        URI nobodyListens = URI.create("https://127.0.0.1:" + TestCertificates.closedPort());
        connect(TestSettings.pinned(nobodyListens, cert.pin()), sleeper.options());

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(detailOf(result)).contains("nothing sent");
    }

    @Test
    void getThatIsNeverAnsweredTimesOutAsUnreachable() {
        // given
        koha.on("GET", LIBRARIES, koha.hang());
        connect(TestSettings.withResponseTimeout(TestSettings.pinned(koha.url(), cert.pin()), Duration.ofMillis(300)),
                sleeper.options().withReadRetries(1));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(detailOf(result)).contains("no answer").contains("SocketTimeoutException");
        assertThat(koha.requests("GET", LIBRARIES)).hasSize(2);
    }

    @Test
    void redirectIsNotFollowed() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.text(302, "text/html", "", "Location", koha.url() + "/elsewhere"));
        connect();

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(detailOf(result)).contains("HTTP 302");
        assertThat(koha.requests()).hasSize(1);
    }

    @Test
    void connectionIsReusedAfterACompleteAnswer() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(200, ONE_LIBRARY));
        connect();

        // when
        service.libraries();
        service.libraries();

        // then: the first answer was read to its end, so the connection went back to the pool
        assertThat(koha.requests("GET", LIBRARIES)).extracting(FakeKoha.Recorded::clientPort).hasSize(2).containsOnly(
                koha.requests("GET", LIBRARIES).get(0).clientPort());
    }

    @Test
    void probeIsTrueWhenTheServerAnswers() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(200, ONE_LIBRARY));
        connect();

        // when / then
        assertThat(service.reachable()).isTrue();
        assertThat(koha.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void probeIsFalseAfterOneFailedAttemptWithoutRetrying() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(503, "{}"));
        connect();

        // when / then
        assertThat(service.reachable()).isFalse();
        assertThat(koha.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void probeIsFalseWhenNothingListens() throws Exception {
        // given
        URI nobodyListens = URI.create("https://127.0.0.1:" + TestCertificates.closedPort());
        connect(TestSettings.pinned(nobodyListens, cert.pin()), sleeper.options());

        // when / then
        assertThat(service.reachable()).isFalse();
    }

    @Test
    void probeTimesOutWithItsOwnShortTimeout() {
        // given
        koha.on("GET", LIBRARIES, koha.hang());
        connect(TestSettings.pinned(koha.url(), cert.pin()), sleeper.options().withProbeTimeout(Duration.ofMillis(200)));

        // when
        long started = System.nanoTime();
        boolean reachable = service.reachable();

        // then
        assertThat(reachable).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TestSettings.TIMEOUT);
    }

    @Test
    void callsAfterCloseAreUnreachable() {
        // given
        koha.on("GET", LIBRARIES, FakeKoha.json(200, ONE_LIBRARY));
        connect();
        service.close();

        // when / then
        assertThat(service.libraries()).isInstanceOf(CallResult.Unreachable.class);
    }
}

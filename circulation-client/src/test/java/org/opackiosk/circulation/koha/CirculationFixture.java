package org.opackiosk.circulation.koha;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.circulation.testing.TestCertificates;
import org.opackiosk.core.patron.PatronId;

/** A scripted Koha and a client of it, on 2026-04-01 10:00 in Tokyo; retries wait on a {@link RecordingSleeper}. */
abstract class CirculationFixture {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final PatronId PATRON = new PatronId("42");
    static final String CARD = "01000001";
    static final String CAPABILITIES = "/api/v1/contrib/opackiosk/capabilities";
    static final String ALL_CAPABILITIES = """
            {"capabilities":["ordered_series_holds","hold_contact_method","dismiss_cancelled_holds","identity_check",
            "renewal_due_date"]}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    final TestCertificates.Issued cert = TestCertificates.localhost();
    final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"), TOKYO);
    final RecordingSleeper sleeper = new RecordingSleeper();
    FakeKoha koha;
    KohaCirculationService service;

    @BeforeEach
    void startKoha() throws Exception {
        koha = FakeKoha.start(cert);
        service = new KohaCirculationService(TestSettings.pinned(koha.url(), cert.pin()), clock, sleeper.options());
    }

    @AfterEach
    void stopKoha() {
        service.close();
        koha.close();
    }

    /** A client that gives up waiting for an answer after 300 ms: "sent, and no answer came". */
    void impatientClient() {
        service.close();
        service = new KohaCirculationService(
                TestSettings.withResponseTimeout(TestSettings.pinned(koha.url(), cert.pin()), Duration.ofMillis(300)),
                clock, sleeper.options());
    }

    void withExtensions() {
        koha.on("GET", CAPABILITIES, FakeKoha.json(200, ALL_CAPABILITIES));
    }

    /** Every request except the token's and the capabilities question, as "METHOD /path". */
    java.util.List<String> sent() {
        return koha.requests().stream()
                .filter(r -> !r.path().equals(FakeKoha.TOKEN_PATH) && !r.path().equals(CAPABILITIES))
                .map(r -> r.method() + " " + r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery()))
                .toList();
    }

    /** A request body as sent, parsed. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String patronJson(String email) {
        return """
                {"patron_id":42,"cardnumber":"01000001","userid":"01000001","surname":"山田","firstname":"太郎",
                 "email":%s,"secondary_email":null,"phone":"090-1234-5678","library_id":"CEN","category_id":"ADULT",
                 "expiry_date":"2026-04-20","restricted":false,"anonymized":false,"protected":false,"lang":"ja",
                 "updated_on":"2026-03-01T10:00:00+09:00","last_seen":null,"login_attempts":0,
                 "date_of_birth":"1980-05-05","privacy":1}""".formatted(email == null ? "null" : "\"" + email + "\"");
    }
}

package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.circulation.testing.TestCertificates.Issued;
import org.opackiosk.circulation.testing.TestCertificates;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.ServerSettings;

/** Pinned and CA-file TLS against a real HTTPS server. */
class KohaTlsTest {

    private static final String LIBRARIES = "[{\"library_id\":\"CEN\",\"name\":\"中央図書館\",\"pickup_location\":true}]";

    @TempDir
    Path dir;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private FakeKoha koha;
    private KohaCirculationService service;

    private FakeKoha serve(Issued identity) throws Exception {
        koha = FakeKoha.start(identity);
        koha.on("GET", "/api/v1/public/libraries", FakeKoha.json(200, LIBRARIES));
        return koha;
    }

    private KohaCirculationService connect(ServerSettings settings) {
        service = new KohaCirculationService(settings, Clock.systemUTC(), sleeper.options());
        return service;
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        if (koha != null) {
            koha.close();
        }
    }

    @Test
    void serverWithThePinnedKeyIsReached() throws Exception {
        // given
        Issued cert = TestCertificates.localhost();
        serve(cert);
        connect(TestSettings.pinned(koha.url(), cert.pin()));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of(new Library("CEN", "中央図書館", true))));
    }

    @Test
    void wrongPinFailsTheHandshakeBeforeAnyRequestReachesTheServer() throws Exception {
        // given
        serve(TestCertificates.localhost());
        connect(TestSettings.pinned(koha.url(), TestCertificates.localhost().pin()));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(((CallResult.Unreachable<?>) result).detail()).contains("TLS").contains("not pinned");
        assertThat(koha.requests()).isEmpty();
        assertThat(sleeper.waits()).as("a pin mismatch is not retried").isEmpty();
    }

    @Test
    void backupPinIsAccepted() throws Exception {
        // given
        Issued cert = TestCertificates.localhost();
        serve(cert);
        connect(TestSettings.pinned(koha.url(), TestCertificates.localhost().pin(), cert.pin()));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result.isOk()).isTrue();
    }

    @Test
    void hostNameLocalhostIsVerifiedAgainstTheDnsName() throws Exception {
        // given
        Issued cert = TestCertificates.localhost();
        serve(cert);
        connect(TestSettings.pinned(koha.url("localhost"), cert.pin()));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result.isOk()).isTrue();
    }

    @Test
    void caFileTrustReachesAServerWhoseCertificateThatCaIssued() throws Exception {
        // given
        Issued ca = TestCertificates.certificateAuthority("Midori City Library CA");
        serve(TestCertificates.issuedBy(ca, "localhost", "localhost", "127.0.0.1"));
        connect(TestSettings.caFile(koha.url(), ca.writePem(dir, "ca.pem")));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result.isOk()).isTrue();
    }

    @Test
    void certificateFromAnotherCaIsRefused() throws Exception {
        // given
        Issued ca = TestCertificates.certificateAuthority("Midori City Library CA");
        Issued stranger = TestCertificates.certificateAuthority("Someone Else's CA");
        serve(TestCertificates.issuedBy(stranger, "localhost", "localhost", "127.0.0.1"));
        connect(TestSettings.caFile(koha.url(), ca.writePem(dir, "ca.pem")));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests()).isEmpty();
    }

    @Test
    void selfSignedServerIsRefusedUnderCaFileTrust() throws Exception {
        // given
        Issued ca = TestCertificates.certificateAuthority("Midori City Library CA");
        serve(TestCertificates.localhost());
        connect(TestSettings.caFile(koha.url(), ca.writePem(dir, "ca.pem")));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests()).isEmpty();
    }

    @Test
    void expiredCertificateIsRefusedEvenWhenItsKeyIsPinned() throws Exception {
        // given
        Issued expired = TestCertificates.expiredLocalhost();
        serve(expired);
        connect(TestSettings.pinned(koha.url(), expired.pin()));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(((CallResult.Unreachable<?>) result).detail()).contains("expired");
        assertThat(koha.requests()).isEmpty();
    }

    @Test
    void certificateForAnotherHostIsRefusedEvenWhenItsKeyIsPinned() throws Exception {
        // given
        Issued elsewhere = TestCertificates.selfSigned("opac.other-library.example",
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86400), "opac.other-library.example");
        serve(elsewhere);
        connect(TestSettings.pinned(koha.url(), elsewhere.pin()));

        // when
        CallResult<List<Library>> result = service.libraries();

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests()).isEmpty();
    }

    @Test
    void malformedPinIsRejectedWhenTheServiceIsBuilt() throws Exception {
        // given
        Issued cert = TestCertificates.localhost();
        serve(cert);
        ServerSettings settings = TestSettings.pinned(koha.url(), cert.pin(), "sha256/not-a-pin");

        // when / then
        assertThatThrownBy(() -> connect(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server.pins[1]: expected \"sha256/\" followed by 44 base64 characters");
    }

    @Test
    void plainHttpIsRejectedWhenTheServiceIsBuilt() {
        // given
        ServerSettings settings = TestSettings.pinned(URI.create("http://127.0.0.1:8080"), TestCertificates.localhost().pin());

        // when / then
        assertThatThrownBy(() -> connect(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("server.url:");
    }
}

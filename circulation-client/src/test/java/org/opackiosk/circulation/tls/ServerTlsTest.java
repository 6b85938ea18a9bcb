package org.opackiosk.circulation.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.circulation.testing.TestCertificates;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;

class ServerTlsTest {

    @TempDir
    Path dir;

    private static ServerSettings withPins(List<String> pins) {
        return new ServerSettings(URI.create("https://koha.example.jp"), pins, Optional.empty(), ServerSettings.AuthMethod.OAUTH2,
                "kiosk-01", new Secret("secret"), Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    private static ServerSettings withCaFile(Path caFile) {
        return new ServerSettings(URI.create("https://koha.example.jp"), List.of(), Optional.of(caFile), ServerSettings.AuthMethod.OAUTH2,
                "kiosk-01", new Secret("secret"), Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    @Test
    void malformedPinInTheSettingsIsRejectedNamingItsIndex() {
        // given
        ServerSettings settings = withPins(List.of(TestCertificates.localhost().pin(), "sha256/short"));

        // when / then
        assertThatThrownBy(() -> ServerTls.sslContext(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server.pins[1]: expected \"sha256/\" followed by 44 base64 characters");
    }

    @Test
    void caFileTrustAcceptsAChainFromThatCaAndRejectsAnotherCa() throws Exception {
        // given
        TestCertificates.Issued ca = TestCertificates.certificateAuthority("Library CA");
        TestCertificates.Issued stranger = TestCertificates.certificateAuthority("Stranger CA");
        X509TrustManager tm = ServerTls.trustManager(withCaFile(ca.writePem(dir, "ca.pem")));

        // when / then
        X509Certificate[] good = TestCertificates.issuedBy(ca, "koha", "koha.example.jp").chain().toArray(X509Certificate[]::new);
        X509Certificate[] bad = TestCertificates.issuedBy(stranger, "koha", "koha.example.jp").chain().toArray(X509Certificate[]::new);
        assertThatCode(() -> tm.checkServerTrusted(good, "ECDHE_ECDSA")).doesNotThrowAnyException();
        assertThatThrownBy(() -> tm.checkServerTrusted(bad, "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
    }

    @Test
    void caFileThatCannotBeReadIsRejectedNamingTheKey() {
        // given
        ServerSettings settings = withCaFile(dir.resolve("missing.pem"));

        // when / then
        assertThatThrownBy(() -> ServerTls.sslContext(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("server.ca_file: cannot read");
    }

    @Test
    void caFileWithoutACertificateIsRejected() throws Exception {
        // given
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        // when / then
        assertThatThrownBy(() -> ServerTls.sslContext(withCaFile(empty)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("server.ca_file:");
    }

    @Test
    void pinsGiveAPinningTrustManagerThatTrustsNoIssuer() {
        // when
        X509TrustManager tm = ServerTls.trustManager(withPins(List.of(TestCertificates.localhost().pin())));

        // then
        assertThat(tm.getAcceptedIssuers()).isEmpty();
    }
}

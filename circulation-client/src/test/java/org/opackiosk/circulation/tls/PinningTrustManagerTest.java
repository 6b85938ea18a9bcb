package org.opackiosk.circulation.tls;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opackiosk.circulation.testing.TestCertificates.Issued;
import org.opackiosk.circulation.testing.TestCertificates;

class PinningTrustManagerTest {

    private static final String AUTH_TYPE = "ECDHE_ECDSA";

    private final Issued server = TestCertificates.localhost();
    private final Issued other = TestCertificates.localhost();

    private static PinningTrustManager trusting(Clock clock, Issued... pinned) {
        return new PinningTrustManager(Arrays.stream(pinned).map(i -> PublicKeyPin.of(i.certificate())).toList(), clock);
    }

    private static X509Certificate[] chainOf(Issued issued) {
        return issued.chain().toArray(X509Certificate[]::new);
    }

    @Test
    void pinnedLeafWithinItsValidityIsTrusted() {
        // given
        PinningTrustManager tm = trusting(Clock.systemUTC(), server);

        // when / then
        assertThatCode(() -> tm.checkServerTrusted(chainOf(server), AUTH_TYPE)).doesNotThrowAnyException();
    }

    @Test
    void backupPinIsTrusted() {
        // given
        PinningTrustManager tm = trusting(Clock.systemUTC(), other, server);

        // when / then
        assertThatCode(() -> tm.checkServerTrusted(chainOf(server), AUTH_TYPE)).doesNotThrowAnyException();
    }

    @Test
    void unpinnedLeafIsRejectedNamingItsKey() {
        // given
        PinningTrustManager tm = trusting(Clock.systemUTC(), other);

        // when / then
        assertThatThrownBy(() -> tm.checkServerTrusted(chainOf(server), AUTH_TYPE))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining(server.pin())
                .hasMessageContaining("not pinned");
    }

    @Test
    void aPinnedCaInTheChainDoesNotMakeAnUnpinnedLeafTrusted() {
        // given: anyone can append the public CA certificate to a leaf of their own
        Issued ca = TestCertificates.certificateAuthority("Library CA");
        Issued leaf = TestCertificates.issuedBy(ca, "localhost", "localhost");
        PinningTrustManager tm = trusting(Clock.systemUTC(), ca);

        // when / then
        assertThatThrownBy(() -> tm.checkServerTrusted(chainOf(leaf), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void expiredPinnedLeafIsRejected() {
        // given
        PinningTrustManager tm = trusting(Clock.offset(Clock.systemUTC(), Duration.ofDays(31)), server);

        // when / then
        assertThatThrownBy(() -> tm.checkServerTrusted(chainOf(server), AUTH_TYPE))
                .isInstanceOf(CertificateExpiredException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void notYetValidPinnedLeafIsRejected() {
        // given
        PinningTrustManager tm = trusting(Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofDays(-2)), server);

        // when / then
        assertThatThrownBy(() -> tm.checkServerTrusted(chainOf(server), AUTH_TYPE))
                .isInstanceOf(CertificateNotYetValidException.class);
    }

    @Test
    void anEmptyChainIsRejected() {
        // given
        PinningTrustManager tm = trusting(Clock.systemUTC(), server);

        // when / then
        assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[0], AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void clientsAreNeverTrusted() {
        // given
        PinningTrustManager tm = trusting(Clock.systemUTC(), server);

        // when / then
        assertThatThrownBy(() -> tm.checkClientTrusted(chainOf(server), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void itNeedsAtLeastOnePin() {
        assertThatThrownBy(() -> new PinningTrustManager(List.of(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

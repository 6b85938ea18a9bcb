package org.opackiosk.circulation.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opackiosk.circulation.testing.TestCertificates;

class PublicKeyPinTest {

    private static final String VALID = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void pinOfACertificateIsTheSha256OfItsDerSubjectPublicKeyInfo() throws Exception {
        // given
        TestCertificates.Issued server = TestCertificates.localhost();
        byte[] spki = server.certificate().getPublicKey().getEncoded();

        // when
        String pin = PublicKeyPin.pinOf(server.certificate());

        // then
        assertThat(pin).isEqualTo("sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki)));
        assertThat(pin).hasSize(7 + 44);
    }

    @Test
    void aRenewedCertificateWithTheSameKeyHasTheSamePin() {
        // given
        TestCertificates.Issued first = TestCertificates.localhost();
        TestCertificates.Issued other = TestCertificates.localhost();

        // when / then
        assertThat(PublicKeyPin.of(first.keyPair().getPublic())).isEqualTo(PublicKeyPin.of(first.certificate()));
        assertThat(PublicKeyPin.of(other.certificate())).isNotEqualTo(PublicKeyPin.of(first.certificate()));
    }

    @Test
    void aParsedPinPrintsBackAsWritten() {
        // given
        String written = TestCertificates.localhost().pin();

        // when
        PublicKeyPin pin = PublicKeyPin.parse("  " + written + "\n", "server.pins[0]");

        // then
        assertThat(pin).hasToString(written);
    }

    static List<String> malformedPins() {
        String a43 = "A".repeat(43);
        return List.of(
                "",
                "sha256/",
                a43 + "=",                               // no prefix
                "sha1/" + a43 + "=",
                "SHA256/" + a43 + "=",
                "sha256/" + "A".repeat(42) + "=",        // 43 characters
                "sha256/" + "A".repeat(44),              // 44 characters but not a 32-byte encoding
                "sha256/" + "A".repeat(46) + "=",        // too long
                "sha256/" + "A".repeat(41) + "-_=",      // base64url alphabet
                "sha256/" + "A".repeat(42) + "==",       // a 31-byte hash
                "sha256/" + a43 + "= backup");
    }

    @ParameterizedTest
    @MethodSource("malformedPins")
    void malformedPinIsRejectedNamingItsKeyIndex(String malformed) {
        // given
        List<String> pins = List.of(VALID, malformed);

        // when / then
        assertThatThrownBy(() -> PublicKeyPin.parseAll(pins))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server.pins[1]: expected \"sha256/\" followed by 44 base64 characters");
    }

    @Test
    void anEmptyPinListIsRejected() {
        assertThatThrownBy(() -> PublicKeyPin.parseAll(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("server.pins:");
    }
}

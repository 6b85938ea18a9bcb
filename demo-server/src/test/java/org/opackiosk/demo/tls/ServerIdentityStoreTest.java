package org.opackiosk.demo.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewIdentityIsAnEcP256KeyWithATenYearSelfSignedCertificate() throws Exception {
        // given
        Instant now = Instant.parse("2026-04-01T00:00:00Z");

        // when
        ServerIdentity identity = new ServerIdentityStore(Clock.fixed(now, ZoneOffset.UTC)).loadOrCreate(dataDir);

        // then
        assertThat(identity.certificate().getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) identity.certificate().getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(identity.certificate().getSubjectX500Principal()).isEqualTo(identity.certificate().getIssuerX500Principal());
        identity.certificate().verify(identity.certificate().getPublicKey());
        assertThat(ChronoUnit.DAYS.between(now, identity.certificate().getNotAfter().toInstant())).isBetween(3650L, 3660L);
        assertThat(Files.readString(dataDir.resolve(ServerIdentityStore.KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aStoredIdentityIsReusedSoThePinStays() throws Exception {
        // given
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
        String pin = new ServerIdentityStore(clock).loadOrCreate(dataDir).pin();

        // when
        ServerIdentity again = new ServerIdentityStore(clock).loadOrCreate(dataDir);

        // then
        assertThat(again.pin()).isEqualTo(pin);
    }

    @Test
    void anExpiredCertificateIsReplaced() throws Exception {
        // given a certificate made in 2000
        String old = new ServerIdentityStore(Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC))
                .loadOrCreate(dataDir).pin();

        // when it is loaded in 2026
        ServerIdentity renewed = new ServerIdentityStore(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"),
                ZoneOffset.UTC)).loadOrCreate(dataDir);

        // then
        assertThat(renewed.pin()).isNotEqualTo(old);
        assertThat(renewed.certificate().getNotAfter().toInstant()).isAfter(Instant.parse("2035-01-01T00:00:00Z"));
    }
}

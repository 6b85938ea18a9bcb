package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.staff.ServerStatus;

/** The staff dashboard's server check against the real demo server over HTTPS: what staff see in each failure. */
class KohaServerHealthIT extends DemoServerFixture {

    private static ServerSettings settings(URI url, String pin, String secret) {
        return new ServerSettings(url, List.of(pin), Optional.empty(), ServerSettings.AuthMethod.OAUTH2,
                server.clientId(), new Secret(secret), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static ServerStatus check(ServerSettings settings) {
        try (var koha = new KohaCirculationService(settings, Clock.systemUTC())) {
            return new KohaServerHealth(settings, koha, Clock.systemUTC()).check();
        }
    }

    @Test
    void aHealthyServerIsReachableWithAValidPinCertificateDaysAndToken() {
        ServerStatus status = check(settings(server.baseUrl(), server.pin(), server.clientSecret()));

        assertThat(status.reachable()).isTrue();
        assertThat(status.roundTrip()).isPresent();
        assertThat(status.pinValid()).contains(true);
        assertThat(status.certificateDays().getAsLong()).isPositive();
        assertThat(status.tokenValid()).contains(true);
        assertThat(status.problem()).isEmpty();
    }

    @Test
    void aServerWithAnotherKeyAnswersButItsPinIsNotValidAndTheTokenIsNotTried() {
        ServerStatus status = check(settings(server.baseUrl(), "sha256/" + "B".repeat(43) + "=", server.clientSecret()));

        assertThat(status.reachable()).isTrue();
        assertThat(status.pinValid()).contains(false);
        assertThat(status.certificateDays()).isPresent();
        assertThat(status.tokenValid()).isEmpty();
        assertThat(status.problem()).map(ServerStatus.Problem::kind).contains(ServerStatus.Kind.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void aWrongClientSecretShowsAsAnInvalidToken() {
        ServerStatus status = check(settings(server.baseUrl(), server.pin(), "not-the-secret"));

        assertThat(status.pinValid()).contains(true);
        assertThat(status.tokenValid()).contains(false);
        assertThat(status.problem()).map(ServerStatus.Problem::kind).contains(ServerStatus.Kind.CLIENT_REFUSED);
    }

    @Test
    void nothingListeningIsUnreachableAndSaysWhatToCheck() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServerStatus status = check(settings(URI.create("https://localhost:" + port), server.pin(), server.clientSecret()));

        assertThat(status.reachable()).isFalse();
        assertThat(status.pinValid()).isEmpty();
        assertThat(status.tokenValid()).isEmpty();
        assertThat(status.problem()).map(ServerStatus.Problem::kind).contains(ServerStatus.Kind.UNREACHABLE);
    }
}

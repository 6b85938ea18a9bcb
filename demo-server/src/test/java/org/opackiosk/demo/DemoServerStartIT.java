package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoPatron;
import org.opackiosk.demo.tls.ServerIdentity;

class DemoServerStartIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aFreshDataDirectoryGetsACertificateAConnectionFileAndTheDemoPatrons() throws Exception {
        // given an empty data directory
        // when
        try (DemoServer server = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            // then
            assertThat(dataDir.resolve("server-cert.pem")).isRegularFile();
            assertThat(dataDir.resolve("server-key.pem")).isRegularFile();
            JsonNode connection = MAPPER.readTree(dataDir.resolve("connection.json").toFile());
            assertThat(connection.path("url").asText()).isEqualTo(server.baseUrl().toString())
                    .startsWith("https://127.0.0.1:");
            assertThat(connection.path("pin").asText()).isEqualTo(server.pin()).matches("sha256/[A-Za-z0-9+/]{43}=");
            assertThat(connection.path("client_id").asText()).isEqualTo(server.clientId()).isNotBlank();
            assertThat(connection.path("client_secret").asText()).isEqualTo(server.clientSecret()).isNotBlank();

            JsonNode patrons = MAPPER.readTree(dataDir.resolve("demo-patrons.json").toFile()).path("patrons");
            List<DemoPatron> expected = DemoCatalogue.load().patrons();
            assertThat(patrons).hasSize(expected.size());
            DemoPatron first = expected.getFirst();
            assertThat(patrons.get(0).path("cardnumber").asText()).isEqualTo(first.cardNumber());
            assertThat(patrons.get(0).path("password").isNull()).isEqualTo(first.password().isEmpty());
            assertThat(patrons.get(0).path("demonstrates_ja").asText()).isEqualTo(first.demonstratesJa());
            assertThat(patrons.get(0).path("demonstrates_en").asText()).isEqualTo(first.demonstratesEn());
        }
    }

    @Test
    void thePinInTheConnectionFileIsThePinOfTheCertificateServed() throws Exception {
        // given
        try (DemoServer server = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            String pinInFile = MAPPER.readTree(dataDir.resolve("connection.json").toFile()).path("pin").asText();

            // when
            HttpResponse<String> response = ApiClient.of(server).get("/api/v1/public/libraries");

            // then
            Certificate[] chain = response.sslSession().orElseThrow().getPeerCertificates();
            assertThat(ServerIdentity.pinOf(chain[0])).isEqualTo(pinInFile);
            X509Certificate served = (X509Certificate) chain[0];
            List<String> names = served.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
            assertThat(names).contains("localhost", "127.0.0.1");
            assertThat(served.getNotAfter().toInstant())
                    .isAfter(served.getNotBefore().toInstant().plus(java.time.Duration.ofDays(3600)));
        }
    }

    @Test
    void aRestartKeepsThePinTheClientAndTheSecret() throws Exception {
        // given a server that ran once
        String pin;
        String clientId;
        String secret;
        try (DemoServer first = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            pin = first.pin();
            clientId = first.clientId();
            secret = first.clientSecret();
        }

        // when it starts again on the same directory
        try (DemoServer second = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            // then
            assertThat(second.pin()).isEqualTo(pin);
            assertThat(second.clientId()).isEqualTo(clientId);
            assertThat(second.clientSecret()).isEqualTo(secret);
            ApiClient client = ApiClient.of(second);
            assertThat(client.get("/api/v1/biblios", client.token(clientId, secret)).statusCode()).isEqualTo(200);
            JsonNode connection = MAPPER.readTree(dataDir.resolve("connection.json").toFile());
            assertThat(connection.path("url").asText()).isEqualTo(second.baseUrl().toString());
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() throws Exception {
        // given
        try (DemoServer running = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            // when / then
            assertThatThrownBy(() -> DemoServer.start(DemoServerOptions.defaults(dataDir)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use");
            assertThat(ApiClient.of(running).get("/api/v1/public/libraries").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theSecretFilesAreReadableByTheOwnerOnly() throws Exception {
        // given / when
        try (DemoServer ignored = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            // then
            if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                for (String file : List.of("server-key.pem", "connection.json", "demo-patrons.json")) {
                    assertThat(Files.getPosixFilePermissions(dataDir.resolve(file)))
                            .as(file).containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                }
            }
        }
    }

    @Test
    void closingTwiceIsHarmlessAndFreesTheDataDirectory() throws Exception {
        // given
        DemoServer server = DemoServer.start(DemoServerOptions.defaults(dataDir));

        // when
        server.close();
        server.close();

        // then
        try (DemoServer again = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            assertThat(again.port()).isPositive();
        }
    }
}

package org.opackiosk.provisioning.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.opackiosk.provisioning.DemoServerFixture;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.KioskctlRun;
import org.opackiosk.provisioning.ServerCa;

class CatalogueCommandIT extends DemoServerFixture {

    @TempDir
    static Path work;

    @Test
    void syncsThenSearchesTheDemoCatalogue() throws IOException {
        Path index = work.resolve("catalogue");
        // when
        KioskctlRun sync = KioskctlRun.of("catalogue", "sync", "--url", server.baseUrl().toString(), "--pin", server.pin(),
                "--client-id", server.clientId(), "--client-secret", server.clientSecret(), "--index", index.toString());
        // then
        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("Rebuild complete");
        // when: a second sync only updates
        KioskctlRun again = KioskctlRun.of("catalogue", "sync", "--url", server.baseUrl().toString(), "--pin", server.pin(),
                "--client-id", server.clientId(), "--client-secret", server.clientSecret(), "--index", index.toString(),
                "--format", "marc-in-json");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Update complete");

        KioskctlRun search = KioskctlRun.of("catalogue", "search", "--index", index.toString(), "--json", "--limit", "3", "の");
        assertThat(search.exit()).isZero();
        JsonNode answer = new ObjectMapper().readTree(search.out());
        assertThat(answer.get("total").asLong()).isPositive();
        assertThat(answer.get("hits")).hasSize(3);
        assertThat(answer.get("hits").get(0).has("biblio_id")).isTrue();

        Path queries = work.resolve("queries.txt");
        Files.write(queries, List.of("の", "AND \"*", "", "9784000000000"));
        KioskctlRun batch = KioskctlRun.of("catalogue", "search", "--index", index.toString(), "--queries", queries.toString());
        assertThat(batch.exit()).isZero();
        List<String> lines = batch.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode node = new ObjectMapper().readTree(line);
            assertThat(node.has("took_ms")).isTrue();
            assertThat(node.has("hits")).isTrue();
        }
    }

    @Test
    void syncsWithTheLibrarysCaFileInsteadOfAPin() throws IOException {
        // given the server's certificate as the library's CA, and no pin
        Path ca = ServerCa.writePem(server.baseUrl(), work.resolve("library-ca.pem"));
        Path index = work.resolve("catalogue-ca");
        // when
        KioskctlRun sync = KioskctlRun.of("catalogue", "sync", "--url", server.baseUrl().toString(), "--ca", ca.toString(),
                "--client-id", server.clientId(), "--client-secret", server.clientSecret(), "--index", index.toString());
        // then
        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("Rebuild complete");
        KioskctlRun search = KioskctlRun.of("catalogue", "search", "--index", index.toString(), "--json", "--limit", "1", "の");
        assertThat(new ObjectMapper().readTree(search.out()).get("total").asLong()).isPositive();
    }

    @Test
    void aCaFileThatDoesNotSignTheServerStopsTheSync() throws IOException {
        // given a CA file that is not the server's: another server's certificate
        try (DemoServer other = DemoServer.start(DemoServerOptions.defaults(work.resolve("other-server")))) {
            Path wrong = ServerCa.writePem(other.baseUrl(), work.resolve("other-ca.pem"));
            // when
            KioskctlRun sync = KioskctlRun.of("catalogue", "sync", "--url", server.baseUrl().toString(), "--ca", wrong.toString(),
                    "--client-id", server.clientId(), "--client-secret", server.clientSecret(), "--index",
                    work.resolve("catalogue-wrong-ca").toString());
            // then
            assertThat(sync.exit()).isEqualTo(1);
            assertThat(sync.out()).doesNotContain("complete");
            assertThat(sync.err()).contains("TLS handshake failed, nothing sent");
        }
    }

    @Test
    void searchingWithoutAnIndexSaysWhatToDo() {
        KioskctlRun run = KioskctlRun.of("catalogue", "search", "--index", work.resolve("nothing").toString(), "こころ");
        assertThat(run.exit()).isEqualTo(KioskCtl.EXIT_INVALID);
        assertThat(run.err()).contains("kioskctl catalogue sync");
    }

    @Test
    void anUnreachableServerStopsTheSyncWithExitOne() {
        KioskctlRun run = KioskctlRun.of("catalogue", "sync", "--url", "https://127.0.0.1:1", "--pin", server.pin(),
                "--client-id", "x", "--client-secret", "y", "--index", work.resolve("unreached").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("resumes");
    }
}

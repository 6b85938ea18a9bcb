package org.opackiosk.provisioning.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.provisioning.DemoServerFixture;
import org.opackiosk.provisioning.KioskCtl;

import picocli.CommandLine;

/** kioskctl check-server against the real demo server over HTTPS. */
class CheckServerCommandIT extends DemoServerFixture {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("check-server", "--url", server.baseUrl().toString(),
                "--client-id", server.clientId()));
        args.addAll(List.of(extra));
        CommandLine cl = KioskCtl.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args.toArray(String[]::new));
    }

    @Test
    void everyCheckPassesAgainstAGoodServerWithItsPin() {
        int code = run("--pin", server.pin(), "--client-secret", server.clientSecret());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("OK   TLS")
                .contains("key pin " + server.pin())
                .contains("OK   token")
                .containsPattern("OK   libraries\\s+4 libraries")
                .containsPattern("OK   catalogue\\s+347 records; the first is 「")
                .contains("All checks passed.");
    }

    @Test
    void aWrongPinFailsAtTlsAndShowsThePinTheServerActuallyHas() {
        int code = run("--pin", "sha256/" + "A".repeat(43) + "=", "--client-secret", server.clientSecret());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL TLS")
                .contains("The server presented the key pin " + server.pin())
                .contains("put its pin in server.pins")
                .doesNotContain("token");
    }

    @Test
    void aWrongSecretFailsAtTheTokenWithAHint(@TempDir Path tmp) throws IOException {
        Path secretFile = tmp.resolve("secret");
        Files.writeString(secretFile, "not-the-secret\n");

        int code = run("--pin", server.pin(), "--client-secret-file", secretFile.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("OK   TLS").contains("FAIL token").contains("RESTOAuth2ClientCredentials");
        assertThat(out.toString() + err).doesNotContain("not-the-secret");
    }

    @Test
    void aTestCardLogsInAndCountsLoansAndHoldsWithoutPrintingTheCardOrPassword() {
        int code = run("--pin", server.pin(), "--client-secret", server.clientSecret(),
                "--card", "01000016", "--password", "yoko1616");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("OK   login")
                .contains("****0016")
                .containsPattern("OK   loans and holds\\s+\\d+ loan\\(s\\), \\d+ hold\\(s\\)")
                .doesNotContain("01000016").doesNotContain("yoko1616");
    }

    @Test
    void aWrongTestPasswordFailsTheLoginCheck() {
        int code = run("--pin", server.pin(), "--client-secret", server.clientSecret(),
                "--card", "01000016", "--password", "wrong99");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL login").doesNotContain("wrong99");
    }

    @Test
    void jsonOutputListsEveryCheck() throws IOException {
        int code = run("--pin", server.pin(), "--client-secret", server.clientSecret(), "--json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isZero();
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("checks")).extracting(c -> c.get("name").asText())
                .containsExactly("TLS", "token", "libraries", "catalogue");
    }

    @Test
    void aPlainHttpUrlIsRefusedBeforeAnythingIsSent() {
        CommandLine cl = KioskCtl.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("check-server", "--url", "http://koha.example.jp", "--pin", server.pin(),
                "--client-id", "x", "--client-secret", "y");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--url: expected an https:// URL");
    }
}

package org.opackiosk.provisioning.devices;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.cards.CardCheck;
import org.opackiosk.core.cards.CardProfiles;
import org.opackiosk.device.testing.SocatPty;
import org.opackiosk.provisioning.KioskCtl;

import picocli.CommandLine;

/**
 * {@code kioskctl scanner listen} against a real pseudo-terminal pair (socat): the command opens the
 * device end with jSerialComm exactly as the kiosk does; the test plays the scanner on the other end.
 */
class ScannerListenCommandIT {

    @TempDir
    Path dir;

    private SocatPty pty;

    @BeforeEach
    void plugIn() throws Exception {
        pty = new SocatPty(dir);
    }

    @AfterEach
    void unplug() throws Exception {
        pty.close();
    }

    private record Run(int exit, String out, String err) {
    }

    /** Completes when the command says on stderr that it listens: codes sent before could be flushed away on open. */
    private final CompletableFuture<Void> listening = new CompletableFuture<>();

    /** Runs the command on another thread (it blocks reading the port) and returns it when it ends. */
    private CompletableFuture<Run> start(String... args) {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter() {
                @Override
                public void flush() {
                    if (toString().contains("Listening on")) {
                        listening.complete(null);
                    }
                }
            };
            CommandLine cli = KioskCtl.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(), err.toString());
        });
    }

    private void scanWhenListening(CompletableFuture<Run> run, String... codes) throws Exception {
        CompletableFuture.anyOf(listening, run).get(20, TimeUnit.SECONDS);
        assertThat(run).as("the command is listening, not ended").isNotDone();
        for (String code : codes) {
            pty.send(code.getBytes(UTF_8));
        }
    }

    /** The check digit that makes {@code body} a valid card of the 9-digit modulus-11 profile. */
    private static String validNineDigitCard(String body) {
        for (char d = '0'; d <= '9'; d++) {
            if (CardProfiles.NINE_DIGITS_CHECK_DIGIT.check(body + d) instanceof CardCheck.Accepted) {
                return body + d;
            }
        }
        throw new AssertionError("no check digit for " + body);
    }

    @Test
    void printsEachScanAsJsonAndExitsAfterCount() throws Exception {
        CompletableFuture<Run> run = start("scanner", "listen", "--serial", pty.devicePath().toString(), "--suffix", "CRLF",
                "--count", "3", "--json");

        // a card with Codabar start/stop, a book, and a shop's barcode; two of them in one write
        scanWhenListening(run, "A01000001A\r\n", "9784865200171\r\n4901234567894\r\n");

        Run done = run.get(20, TimeUnit.SECONDS);
        assertThat(done.exit()).as(done.err()).isZero();
        List<String> lines = done.out().lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode card = json.readTree(lines.get(0));
        assertThat(card.get("kind").asText()).isEqualTo("card");
        assertThat(card.get("raw").asText()).isEqualTo("A01000001A");
        assertThat(card.get("card_number").asText()).isEqualTo("01000001");
        assertThat(card.get("symbology").asText()).isEqualTo("UNKNOWN");
        JsonNode book = json.readTree(lines.get(1));
        assertThat(book.get("kind").asText()).isEqualTo("isbn");
        assertThat(book.has("card_number")).isFalse();
        JsonNode other = json.readTree(lines.get(2));
        assertThat(other.get("kind").asText()).isEqualTo("other");
        assertThat(other.get("raw").asText()).isEqualTo("4901234567894");
    }

    @Test
    void usesTheCardProfileOfAConfigurationFileAndPrintsPlainLines() throws Exception {
        // given: a library whose cards are 9 digits with a modulus-11 check digit shown after a hyphen
        Path toml = dir.resolve("kiosk.toml");
        Files.writeString(toml, "[cards]\nprofile = \"nine-digits-check-digit\"\n", UTF_8);
        CompletableFuture<Run> run = start("scanner", "listen", "--serial", pty.devicePath().toString(), "--profile",
                toml.toString(), "--count", "2");

        String valid = validNineDigitCard("12345678");

        // when: the demo library's 8-digit card, then a valid 9-digit one
        scanWhenListening(run, "01000001\r", valid + "\r");

        Run done = run.get(20, TimeUnit.SECONDS);
        assertThat(done.exit()).as(done.err()).isZero();
        List<String> lines = done.out().lines().toList();
        assertThat(lines.get(0)).startsWith("other  01000001").contains("not a card: length");
        assertThat(lines.get(1)).isEqualTo("card   12345678-" + valid.charAt(8) + "  (raw " + valid + ")");
        assertThat(done.err()).contains("card profile nine-digits-check-digit");
    }

    @Test
    void aPortThatIsNotThereIsAnActionableErrorNotAHang() throws Exception {
        Run done = start("scanner", "listen", "--serial", dir.resolve("ttyNothing").toString(), "--count", "1")
                .get(20, TimeUnit.SECONDS);

        assertThat(done.exit()).isEqualTo(ScannerCommand.EXIT_DEVICE);
        assertThat(done.err()).contains("Cannot open").contains("dialout").contains("by-id");
    }

    @Test
    void anUnknownProfileIsRefusedWithTheNamesThatExist() throws Exception {
        Run done = start("scanner", "listen", "--serial", pty.devicePath().toString(), "--profile", "ten-digits")
                .get(20, TimeUnit.SECONDS);

        assertThat(done.exit()).isEqualTo(KioskCtl.EXIT_INVALID);
        assertThat(done.err()).contains("eight-digits-leading-zero").contains("nine-digits-check-digit");
    }
}

package org.opackiosk.provisioning.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.provisioning.DemoServerFixture;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.ServerCa;
import org.opackiosk.provisioning.cli.Terminal;

import picocli.CommandLine;

/** kioskctl enroll against the real demo server over HTTPS, writing into a temp folder. */
class EnrollCommandIT extends DemoServerFixture {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> owners = new ArrayList<>();

    private Path config() {
        return dir.resolve("etc").resolve("kiosk.toml");
    }

    /** Runs kioskctl enroll with the demo server's URL, client and --config; {@code answers} is what the technician types. */
    private int enroll(String answers, String... extra) {
        List<String> args = new ArrayList<>(List.of("enroll", "--server", server.baseUrl().toString(),
                "--client-id", server.clientId(), "--config", config().toString()));
        args.addAll(List.of(extra));
        CommandLine cl = KioskCtl.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        EnrollCommand command = cl.getSubcommands().get("enroll").getCommand();
        command.terminal = Terminal.lines(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)));
        command.ownership = new FileOwnership() {
            @Override
            public void apply(Path file, String user, String group) {
                String name = file.getFileName().toString().replaceAll("^\\.(.*?)[0-9]*\\.new$", "$1");
                owners.add(name + " " + user + ":" + group);
            }

            @Override
            public boolean changesOwners() {
                return true;
            }
        };
        return cl.execute(args.toArray(String[]::new));
    }

    private int enrollWithPin(String... extra) {
        List<String> args = new ArrayList<>(List.of("--pin", server.pin(), "--client-secret", server.clientSecret()));
        args.addAll(List.of(extra));
        return enroll("", args.toArray(String[]::new));
    }

    private KioskConfig load() {
        ConfigResult result = new ConfigLoader().load(config(), dir.resolve("state"));
        assertThat(result).as(() -> result.toString()).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aFirstEnrollmentChecksTheServerAndWritesAValidConfigurationAndASecretOnlyTheKioskReads() throws IOException {
        // when
        int code = enrollWithPin("--branch", "CEN");

        // then the same checks as check-server, and the branch
        assertThat(code).as(err::toString).isZero();
        assertThat(out.toString())
                .contains("OK   TLS").contains("OK   token").contains("OK   libraries").contains("OK   catalogue")
                .contains("OK   branch").contains("CEN is 「中央図書館」")
                .contains("Enrolled: wrote " + config())
                .doesNotContain(server.clientSecret());

        // and a configuration the kiosk loads as it is
        KioskConfig c = load();
        ServerSettings s = c.server().orElseThrow();
        assertThat(s.url()).isEqualTo(server.baseUrl());
        assertThat(s.pins()).containsExactly(server.pin());
        assertThat(s.clientId()).isEqualTo(server.clientId());
        assertThat(s.clientSecret().reveal()).isEqualTo(server.clientSecret());
        assertThat(c.library().branchId()).isEqualTo("CEN");
        assertThat(c.library().nameJa()).isEqualTo("中央図書館");

        // with the modes and owners of docs/installation.md
        assertThat(mode(config())).isEqualTo("rw-r-----");
        assertThat(mode(config().resolveSibling("client-secret"))).isEqualTo("r--------");
        assertThat(mode(config().getParent())).isEqualTo("rwxr-x---");
        assertThat(owners).contains("etc root:opac-kiosk", "kiosk.toml root:opac-kiosk", "client-secret opac-kiosk:opac-kiosk");
        assertThat(Files.readString(config())).doesNotContain(server.clientSecret());
    }

    @Test
    void enrollingAgainTheSameWayChangesNothing() throws IOException {
        assertThat(enrollWithPin("--branch", "CEN")).isZero();
        byte[] first = Files.readAllBytes(config());
        out.getBuffer().setLength(0);

        int code = enrollWithPin("--branch", "CEN");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Already enrolled this way").doesNotContain("What changed");
        assertThat(Files.readAllBytes(config())).isEqualTo(first);
    }

    @Test
    void enrollingAgainPutsALoosenedModeRight() throws IOException {
        assertThat(enrollWithPin("--branch", "CEN")).isZero();
        Files.setPosixFilePermissions(config().resolveSibling("client-secret"), PosixFilePermissions.fromString("rw-r--r--"));
        out.getBuffer().setLength(0);

        int code = enrollWithPin("--branch", "CEN");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("client-secret: mode rw-r--r-- → r--------");
        assertThat(mode(config().resolveSibling("client-secret"))).isEqualTo("r--------");
    }

    @Test
    void enrollingAgainUpdatesInPlaceKeepsTheTechniciansEditsAndSaysWhatChanged() throws IOException {
        // given an enrolled kiosk whose file the technician edited
        assertThat(enrollWithPin("--branch", "CEN")).isZero();
        Files.writeString(config(), Files.readString(config())
                .replace("name = \"中央図書館\"", "name = \"みどり市立図書館\"   # as on the library's sign")
                + "\n# visitors from abroad use this kiosk\n[ui]\nlanguage = \"en\"\n");
        out.getBuffer().setLength(0);

        // when it is moved to another branch with an explicit card profile
        int code = enrollWithPin("--branch", "NISHI", "--card-profile", "eight-digits-leading-zero");

        // then
        assertThat(code).as(err::toString).isZero();
        assertThat(out.toString())
                .contains("Enrolled: updated")
                .contains("What changed:")
                .contains("library.branch: \"CEN\" → \"NISHI\"")
                .contains("cards.profile: set to \"eight-digits-leading-zero\"")
                .doesNotContain("server.url").doesNotContain("client secret");
        String text = Files.readString(config());
        assertThat(text).contains("name = \"みどり市立図書館\"   # as on the library's sign")
                .contains("# visitors from abroad use this kiosk\n[ui]\nlanguage = \"en\"");
        KioskConfig c = load();
        assertThat(c.library().branchId()).isEqualTo("NISHI");
        assertThat(c.library().nameJa()).isEqualTo("みどり市立図書館");
        assertThat(c.ui().defaultLanguage().getLanguage()).isEqualTo("en");
    }

    @Test
    void anInlineSecretMovesToTheSecretFileWithoutBeingPrinted() throws IOException {
        // given a hand-written file with the secret inline
        Files.createDirectories(config().getParent());
        Files.writeString(config(), "[library]\nname = \"みどり市立図書館\"\nbranch = \"CEN\"\n\n[server]\nurl = \"" + server.baseUrl()
                + "\"\npins = [\n  \"" + server.pin() + "\",\n]\nclient_id = \"" + server.clientId() + "\"\nclient_secret = \""
                + server.clientSecret() + "\"\n");

        int code = enrollWithPin("--branch", "CEN");

        assertThat(code).as(err::toString).isZero();
        assertThat(out.toString()).contains("server.client_secret: removed (now in client-secret)")
                .contains("client secret: written")
                .doesNotContain("server.pins").doesNotContain(server.clientSecret());
        assertThat(Files.readString(config())).doesNotContain(server.clientSecret()).contains("client_secret_file = \"client-secret\"");
        assertThat(load().server().orElseThrow().clientSecret().reveal()).isEqualTo(server.clientSecret());
    }

    @Test
    void aFailedCheckWritesNothing() {
        int code = enroll("", "--pin", "sha256/" + "A".repeat(43) + "=", "--client-secret", server.clientSecret(), "--branch", "CEN");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL TLS").contains("Not enrolled: nothing was written.");
        assertThat(config().getParent()).doesNotExist();
    }

    @Test
    void aBranchTheServerDoesNotKnowIsRefusedWithTheBranchesItKnows() {
        int code = enrollWithPin("--branch", "SOUTH");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL branch").contains("SOUTH is not one of the server's libraries (").contains("CEN")
                .contains("Not enrolled");
        assertThat(config()).doesNotExist();
    }

    @Test
    void whatTheKiosksOwnValidationRefusesIsNotWritten() {
        int code = enrollWithPin("--branch", "CEN", "--library-name", " ");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("library.name: expected").contains("Nothing was written");
        assertThat(config()).doesNotExist();
    }

    @Test
    void trustOnFirstUseShowsTheKeyPinAndTrustsItWhenTheTechnicianConfirms() {
        int code = enroll("yes\n", "--trust-on-first-use", "--client-secret", server.clientSecret(), "--branch", "CEN");

        assertThat(code).as(err::toString).isZero();
        assertThat(out.toString()).contains("key pin      " + server.pin()).contains("Type yes to trust this key")
                .contains("OK   TLS");
        assertThat(load().server().orElseThrow().pins()).containsExactly(server.pin());
    }

    @Test
    void trustOnFirstUseWithoutConfirmationWritesNothing() {
        int code = enroll("no\n", "--trust-on-first-use", "--client-secret", server.clientSecret(), "--branch", "CEN");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains(server.pin()).contains("the server's key was not confirmed").doesNotContain("OK   token");
        assertThat(config().getParent()).doesNotExist();
    }

    @Test
    void aCaFileIsCopiedBesideTheConfiguration() throws IOException {
        // given the demo server's self-signed certificate as the CA
        Path ca = ServerCa.writePem(server.baseUrl(), dir.resolve("library-ca.pem"));

        int code = enroll("", "--ca", ca.toString(), "--client-secret", server.clientSecret(), "--branch", "CEN");

        assertThat(code).as(() -> out + "\n" + err).isZero();
        assertThat(out.toString()).contains("ca.pem: copied from " + ca);
        assertThat(mode(config().resolveSibling("ca.pem"))).isEqualTo("rw-r-----");
        assertThat(load().server().orElseThrow().caFile()).contains(config().resolveSibling("ca.pem"));
    }

    @Test
    void aPlainHttpServerIsRefusedBeforeAnythingIsSent() {
        CommandLine cl = KioskCtl.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("enroll", "--server", "http://koha.example.jp", "--client-id", "x", "--pin", server.pin(),
                "--client-secret", "y", "--branch", "CEN", "--config", config().toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--server: expected an https:// URL");
        assertThat(config().getParent()).doesNotExist();
    }
}

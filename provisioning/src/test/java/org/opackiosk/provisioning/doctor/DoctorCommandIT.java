package org.opackiosk.provisioning.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.provisioning.DemoServerFixture;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.enroll.EnrollCommand;
import org.opackiosk.provisioning.enroll.EnrollCommandAccess;

import picocli.CommandLine;

/**
 * kioskctl doctor on a Pi made of a temp folder: its /etc, /dev, /usr and /var, the shipped unit
 * files, a kiosk enrolled with the real demo server, and canned answers of timedatectl, df and
 * systemctl. Accounts map the kiosk's user to whoever runs the test, so no chown is needed.
 */
class DoctorCommandIT extends DemoServerFixture {

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final Map<String, CommandRunner.Result> answers = new HashMap<>();

    private int uid() throws IOException {
        return (Integer) Files.getAttribute(root, "unix:uid");
    }

    private int gid() throws IOException {
        return (Integer) Files.getAttribute(root, "unix:gid");
    }

    private Path file(String path, String text) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private void mode(String path, String mode) throws IOException {
        Files.setPosixFilePermissions(root.resolve(path.substring(1)), PosixFilePermissions.fromString(mode));
    }

    private void accounts(int kioskUid, String gpioMembers) throws IOException {
        file("/etc/passwd", "root:x:" + uid() + ":" + gid() + ":root:/root:/bin/bash\n"
                + "opac-kiosk:x:" + kioskUid + ":" + gid() + ":OPAC kiosk:/var/lib/opac-kiosk:/usr/sbin/nologin\n");
        file("/etc/group", "opac-kiosk:x:" + gid() + ":\ndialout:x:20:opac-kiosk\ngpio:x:993:" + gpioMembers
                + "\nvideo:x:44:opac-kiosk\nrender:x:995:opac-kiosk\ninput:x:994:opac-kiosk\n");
    }

    /** A Pi as the package and `kioskctl enroll` leave it. */
    private void aWellSetUpPi() throws IOException {
        accounts(uid(), "opac-kiosk");
        file("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "");
        for (String exe : List.of("/usr/bin/cage", "/usr/bin/Xwayland", "/usr/bin/seatd")) {
            file(exe, "#!/bin/sh\n");
            mode(exe, "rwxr-xr-x");
        }
        file("/usr/lib/aarch64-linux-gnu/libgtk-3.so.0", "");
        for (String dir : List.of("/var/lib/opac-kiosk", "/var/log/opac-kiosk")) {
            Files.createDirectories(root.resolve(dir.substring(1)));
            mode(dir, "rwxr-x---");
        }
        file("/usr/lib/systemd/system/opac-kiosk.service", Files.readString(Path.of("..", "systemd", "opac-kiosk.service")));
        file("/usr/lib/systemd/journald@opac-kiosk.conf.d/opac-kiosk.conf",
                Files.readString(Path.of("..", "systemd", "journald@opac-kiosk.conf.d", "opac-kiosk.conf")));
        enroll();
        Path config = root.resolve("etc/opac-kiosk/kiosk.toml");
        Files.writeString(config, Files.readString(config) + "\n[staff]\npin_hash = \""
                + StaffPinHash.hash("482915".toCharArray(), new SecureRandom()) + "\"\n");
        answers.put("timedatectl show -p NTPSynchronized --value", new CommandRunner.Result(0, "yes\n"));
        answers.put("df -P -k " + root.resolve("var/lib/opac-kiosk"), new CommandRunner.Result(0,
                "Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/mmcblk0p2 30000000 4000000 26000000 14% /\n"));
        answers.put("systemctl is-enabled opac-kiosk.service", new CommandRunner.Result(0, "enabled\n"));
        answers.put("systemctl is-active opac-kiosk.service", new CommandRunner.Result(0, "active\n"));
        answers.put("systemctl is-active seatd.service", new CommandRunner.Result(0, "active\n"));
    }

    private void enroll() {
        CommandLine cl = KioskCtl.commandLine();
        StringWriter enrollOut = new StringWriter();
        cl.setOut(new PrintWriter(enrollOut, true));
        cl.setErr(new PrintWriter(enrollOut, true));
        EnrollCommandAccess.ownersUnchanged(cl.getSubcommands().get("enroll").<EnrollCommand>getCommand());
        int code = cl.execute("enroll", "--server", server.baseUrl().toString(), "--client-id", server.clientId(),
                "--client-secret", server.clientSecret(), "--pin", server.pin(), "--branch", "CEN",
                "--config", root.resolve("etc/opac-kiosk/kiosk.toml").toString());
        assertThat(code).as(enrollOut::toString).isZero();
    }

    private int doctor(String... extra) {
        CommandLine cl = KioskCtl.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        DoctorCommand command = cl.getSubcommands().get("doctor").getCommand();
        command.system = new SystemView(root, c -> Optional.ofNullable(answers.get(String.join(" ", c))));
        String[] args = new String[extra.length + 1];
        args[0] = "doctor";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return cl.execute(args);
    }

    @Test
    void everyCheckPassesOnAWellSetUpPi() throws IOException {
        aWellSetUpPi();

        int code = doctor();

        assertThat(code).as(out::toString).isZero();
        assertThat(out.toString())
                .contains("OK   configuration").contains("中央図書館, branch CEN")
                .contains("OK   staff PIN").contains("OK   Japanese font").contains("OK   cage").contains("OK   XWayland")
                .contains("OK   GTK 3").contains("OK   seatd").contains("OK   kiosk user").contains("OK   devices")
                .contains("OK   config file").contains("0640").contains("OK   client secret").contains("0400")
                .contains("OK   state directory").contains("OK   log directory")
                .contains("OK   TLS").contains("OK   token")
                .contains("OK   clock").contains("OK   disk space").contains("25390 MB free")
                .contains("OK   journal retention").contains("keeps entries for 24h")
                .contains("OK   service")
                .contains("All checks passed.")
                .doesNotContain(server.clientSecret());
    }

    @Test
    void aBareMachineGetsAFailWithAHintForEveryMissingPiece() throws IOException {
        // given nothing but an empty /etc/passwd and no commands
        file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");

        int code = doctor("--json");

        // then
        assertThat(code).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("passed").asBoolean()).isFalse();
        Map<String, JsonNode> byName = new HashMap<>();
        json.get("checks").forEach(c -> byName.put(c.get("name").asText(), c));
        assertThat(byName.keySet()).contains("configuration", "staff PIN", "Japanese font", "cage", "XWayland", "GTK 3", "seatd", "kiosk user",
                "config file", "client secret", "state directory", "log directory", "clock", "disk space", "journal retention", "service");
        assertThat(byName.values()).allSatisfy(c -> {
            if (!c.get("passed").asBoolean()) {
                assertThat(c.get("hint").asText()).as("hint of %s", c.get("name")).isNotBlank();
            }
        });
        assertThat(byName.get("Japanese font").get("hint").asText()).isEqualTo("sudo apt-get install fonts-noto-cjk");
        assertThat(byName.get("cage").get("hint").asText()).isEqualTo("sudo apt-get install cage");
        assertThat(byName.get("seatd").get("detail").asText()).startsWith("no /usr/bin/seatd");
        assertThat(byName.get("configuration").get("detail").asText()).contains("demo mode");
        assertThat(byName.get("kiosk user").get("detail").asText()).isEqualTo("there is no user opac-kiosk");
    }

    @Test
    void aLooseSecretAndAMissingGroupAreNamedWithWhatToDo() throws IOException {
        aWellSetUpPi();
        accounts(uid(), "");
        mode("/etc/opac-kiosk/client-secret", "rw-r--r--");

        int code = doctor();

        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL kiosk user").contains("opac-kiosk is not in the groups gpio").contains("systemd-sysusers")
                .contains("FAIL client secret").contains("mode 0644 (expected 0400 or 0600)")
                .contains("Some checks failed");
    }

    @Test
    void stateOwnedBySomeoneElseIsReported() throws IOException {
        aWellSetUpPi();
        accounts(uid() + 1, "opac-kiosk");

        doctor();

        assertThat(out.toString()).containsPattern("FAIL state directory .*owner root \\(expected opac-kiosk\\)");
    }

    @Test
    void aConfiguredScannerMustExistAndBeReadWritableByTheKiosk() throws IOException {
        aWellSetUpPi();
        Path config = root.resolve("etc/opac-kiosk/kiosk.toml");
        Files.writeString(config, Files.readString(config) + "\n[scanner]\ntype = \"serial\"\nport = \"/dev/opac-scanner\"\n"
                + "\n[printer]\ntype = \"serial\"\nport = \"/dev/ttyUSB0\"\n");
        file("/dev/ttyUSB0", "");
        mode("/dev/ttyUSB0", "rw-rw----");
        accounts(uid() + 1, "opac-kiosk");
        mode("/dev/ttyUSB0", "rw-------");

        doctor();

        assertThat(out.toString())
                .contains("FAIL scanner").contains("no device file /dev/opac-scanner").contains("ls -l /dev/serial/by-id/")
                .contains("FAIL printer").contains("/dev/ttyUSB0 (mode 0600").contains("cannot be read and written by opac-kiosk");

        // when the device's group may read and write it
        out.getBuffer().setLength(0);
        mode("/dev/ttyUSB0", "rw-rw----");
        doctor();
        assertThat(out.toString()).contains("OK   printer");
    }

    @Test
    void aKioskWhoseJournalHasNoRetentionLimitFails() throws IOException {
        aWellSetUpPi();
        file("/etc/systemd/journald@opac-kiosk.conf.d/opac-kiosk.conf", "[Journal]\nMaxRetentionSec=0\n");

        doctor();

        assertThat(out.toString()).contains("FAIL journal retention").contains("no MaxRetentionSec");
    }

    @Test
    void systemdTimeSpansAreRead() {
        assertThat(Doctor.timespan("24h")).contains(Duration.ofHours(24));
        assertThat(Doctor.timespan("1d 12h")).contains(Duration.ofHours(36));
        assertThat(Doctor.timespan("86400")).contains(Duration.ofDays(1));
        assertThat(Doctor.timespan("2weeks")).contains(Duration.ofDays(14));
        assertThat(Doctor.timespan("soon")).isEmpty();
    }
}

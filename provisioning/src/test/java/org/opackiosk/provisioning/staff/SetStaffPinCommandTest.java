package org.opackiosk.provisioning.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.cli.Terminal;
import org.opackiosk.provisioning.enroll.FileOwnership;

import picocli.CommandLine;

class SetStaffPinCommandTest {

    private static final Pattern HASH = Pattern.compile("pin_hash = \"(pbkdf2-sha256\\$310000\\$[^\"]+)\"");

    @TempDir
    Path dir;

    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aConfigurationWithAComment() throws IOException {
        config = dir.resolve("kiosk.toml");
        Files.writeString(config, "# the kiosk at the west branch\n[library]\nname = \"みどり市立図書館\"\nbranch = \"NISHI\"\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
    }

    private int setPin(String typed) {
        CommandLine cl = KioskCtl.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        SetStaffPinCommand command = cl.getSubcommands().get("set-staff-pin").getCommand();
        command.terminal = Terminal.lines(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
        command.ownership = FileOwnership.unchanged();
        return cl.execute("set-staff-pin", "--config", config.toString());
    }

    private String storedHash() throws IOException {
        Matcher m = HASH.matcher(Files.readString(config));
        assertThat(m.find()).as("a pin_hash line in %s", config).isTrue();
        return m.group(1);
    }

    @Test
    void storesOnlyASaltedSlowHashThatVerifiesThePin() throws IOException {
        int code = setPin("482915\n482915\n");

        assertThat(code).as(err::toString).isZero();
        String text = Files.readString(config);
        assertThat(text).doesNotContain("482915").startsWith("# the kiosk at the west branch\n").contains("[staff]\npin_hash = ");
        assertThat(StaffPinHash.verify("482915".toCharArray(), storedHash())).isTrue();
        assertThat(out.toString()).contains("Staff PIN set").doesNotContain("482915");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-r-----");
        assertThat(new ConfigLoader().load(config, dir)).isInstanceOf(ConfigResult.Valid.class);
    }

    @Test
    void settingItAgainReplacesTheHash() throws IOException {
        assertThat(setPin("482915\n482915\n")).isZero();
        String first = storedHash();

        assertThat(setPin("730264\n730264\n")).isZero();

        assertThat(out.toString()).contains("Staff PIN changed");
        assertThat(Files.readString(config).split("pin_hash", -1)).hasSize(2);
        assertThat(StaffPinHash.verify("730264".toCharArray(), storedHash())).isTrue();
        assertThat(storedHash()).isNotEqualTo(first);
    }

    @Test
    void twoDifferentEntriesChangeNothing() throws IOException {
        String before = Files.readString(config);

        assertThat(setPin("482915\n482916\n")).isEqualTo(1);

        assertThat(err.toString()).contains("The two PINs differ");
        assertThat(Files.readString(config)).isEqualTo(before);
    }

    @Test
    void aWeakPinIsRefused() throws IOException {
        String before = Files.readString(config);

        assertThat(setPin("5555\n5555\n")).isEqualTo(1);

        assertThat(err.toString()).contains("Not this PIN").doesNotContain("5555");
        assertThat(Files.readString(config)).isEqualTo(before);
    }

    @Test
    void noInputChangesNothing() {
        assertThat(setPin("")).isEqualTo(1);
        assertThat(err.toString()).contains("No PIN given");
    }

    @Test
    void aMissingConfigurationSaysToEnrollFirst() throws IOException {
        Files.delete(config);

        assertThat(setPin("482915\n482915\n")).isEqualTo(2);
        assertThat(err.toString()).contains("Enroll the kiosk first");
    }
}

package org.opackiosk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;

/** [staff] pin_hash in the configuration file. */
class StaffConfigTest {

    @TempDir
    Path dir;

    private ConfigResult load(String toml) throws IOException {
        Path file = dir.resolve("kiosk.toml");
        Files.writeString(file, toml);
        return new ConfigLoader().load(file, dir);
    }

    @Test
    void aHashWrittenBySetStaffPinIsAccepted() throws IOException {
        String hash = StaffPinHash.hash("482915".toCharArray(), new SecureRandom());

        assertThat(load("[staff]\npin_hash = \"" + hash + "\"\n")).isInstanceOf(ConfigResult.Valid.class);
    }

    @Test
    void aPlainPinOrAWeakHashIsAProblemThatDoesNotEchoTheValue() throws IOException {
        ConfigResult result = load("[staff]\npin_hash = \"482915\"\n");

        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        assertThat(((ConfigResult.Invalid) result).messages()).singleElement().asString()
                .contains("staff.pin_hash: expected a hash written by `kioskctl set-staff-pin`").doesNotContain("482915");
    }
}

package org.opackiosk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.config.StaffSettings;

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

    @Test
    void withoutAStaffSectionTheKeySwitchAndTheNamePressAreOnAndNoCardIsAStaffCard() throws IOException {
        StaffSettings staff = ((ConfigResult.Valid) load("")).config().staff();

        assertThat(staff).isEqualTo(StaffSettings.DEFAULTS);
        assertThat(staff.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(staff.staffCards()).isFalse();
        assertThat(staff.isStaffCard("01000001")).isFalse();
        assertThat(staff.staffCategories()).isFalse();
    }

    @Test
    void staffCategoriesAreTheServersCategoryCodesAndOnlyThoseCount() throws IOException {
        StaffSettings staff = ((ConfigResult.Valid) load("""
                [staff]
                categories = ["STAFF", " LIBSTAFF "]
                """)).config().staff();

        assertThat(staff.staffCategories()).isTrue();
        assertThat(staff.isStaffCategory("STAFF")).isTrue();
        assertThat(staff.isStaffCategory("LIBSTAFF")).isTrue();
        assertThat(staff.isStaffCategory("ADULT")).isFalse();
        assertThat(staff.isStaffCategory("")).isFalse();
    }

    @Test
    void staffCardsAreListedNumbersOrNumbersMatchingThePatternWhole() throws IOException {
        StaffSettings staff = ((ConfigResult.Valid) load("""
                [staff]
                cards = ["29990001", "29990002"]
                card_pattern = "2998\\\\d{4}"
                key_switch = false
                name_press = false
                idle_minutes = 5
                """)).config().staff();

        assertThat(staff.isStaffCard("29990002")).isTrue();
        assertThat(staff.isStaffCard("29981234")).isTrue();
        assertThat(staff.isStaffCard("129981234")).isFalse();
        assertThat(staff.isStaffCard("01000001")).isFalse();
        assertThat(staff.keySwitch()).isFalse();
        assertThat(staff.namePress()).isFalse();
        assertThat(staff.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyBadStaffKeyIsAProblemNamingTheKey() throws IOException {
        ConfigResult result = load("""
                [staff]
                cards = "29990001"
                card_pattern = "2999(\\\\d"
                key_switch = "yes"
                name_press = 1
                idle_minutes = 0
                categories = "STAFF"
                """);

        assertThat(((ConfigResult.Invalid) result).messages())
                .anySatisfy(m -> assertThat(m).contains("staff.cards: expected a list of staff card numbers"))
                .anySatisfy(m -> assertThat(m).contains("staff.card_pattern: expected a regular expression"))
                .anySatisfy(m -> assertThat(m).contains("staff.key_switch: expected true or false"))
                .anySatisfy(m -> assertThat(m).contains("staff.name_press: expected true or false"))
                .anySatisfy(m -> assertThat(m).contains("staff.idle_minutes: expected a whole number from 1 to 30"))
                .anySatisfy(m -> assertThat(m).contains("staff.categories: expected a list of the server's staff patron category codes"));
    }

    @Test
    void aBlankStaffCategoryIsAProblemNamingTheKey() throws IOException {
        ConfigResult result = load("""
                [staff]
                categories = ["STAFF", ""]
                """);

        assertThat(((ConfigResult.Invalid) result).messages())
                .anySatisfy(m -> assertThat(m).contains("staff.categories: expected category codes in quotes"));
    }
}

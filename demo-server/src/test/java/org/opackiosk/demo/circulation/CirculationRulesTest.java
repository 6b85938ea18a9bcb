package org.opackiosk.demo.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CirculationRulesTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheLibrarysDefaultsApply() throws IOException {
        // when
        CirculationRules rules = CirculationRules.load(dir);

        // then
        assertThat(rules).isEqualTo(CirculationRules.defaults());
        assertThat(rules.maxBookHolds()).isEqualTo(10);
        assertThat(rules.maxAudioVisualHolds()).isEqualTo(1);
        assertThat(rules.maxRenewals()).isEqualTo(1);
        assertThat(rules.renewalDays()).isEqualTo(14);
        assertThat(rules.pickupDays()).isEqualTo(7);
        assertThat(rules.oldHoldsDays()).isEqualTo(30);
        assertThat(rules.holdsOnlyWhenNoneOnShelf()).isTrue();
    }

    @Test
    void rulesTomlOverridesSomeRules() throws IOException {
        // given
        Files.writeString(dir.resolve("rules.toml"), "max_book_holds = 5\nholds_only_when_none_on_shelf = false\n"
                + "secondary_email = false\n");

        // when
        CirculationRules rules = CirculationRules.load(dir);

        // then
        assertThat(rules.maxBookHolds()).isEqualTo(5);
        assertThat(rules.holdsOnlyWhenNoneOnShelf()).isFalse();
        assertThat(rules.secondaryEmail()).isFalse();
        assertThat(rules.pickupDays()).isEqualTo(7);
        assertThat(CirculationRules.defaults().secondaryEmail()).isTrue();
    }

    @Test
    void unknownRulesAndWrongTypesAreReported() throws IOException {
        // given
        Files.writeString(dir.resolve("rules.toml"), "max_books = 5\npickup_days = \"seven\"\n");

        // when / then
        assertThatThrownBy(() -> CirculationRules.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("max_books: unknown rule").hasMessageContaining("pickup_days: expected");
    }
}

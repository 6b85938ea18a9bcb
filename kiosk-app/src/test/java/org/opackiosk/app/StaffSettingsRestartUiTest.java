package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.app.staff.SettingsOverrides;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.core.config.UiSettings.TextSize;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What staff changed on the dashboard before a restart is what a reopened kiosk starts with (ADR 0075, 2026-11-23): the
 * branch in the top bar, the default pickup of a hold, the language and text size of every new session.
 */
@ExtendWith(ApplicationExtension.class)
class StaffSettingsRestartUiTest {

    @TempDir
    Path state;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aReopenedKioskStartsWithWhatStaffChangedOverTheConfiguration() {
        // given: the kiosk before the restart kept staff's changes (StaffDashboardViewModelTest shows it writing them)
        new SettingsOverrides(Optional.of("KITA"), Optional.of("KITA"), Optional.of(Locale.ENGLISH), Optional.of(TextSize.LARGE))
                .save(state);

        // when: a new kiosk starts on the same state directory, as KioskMain wires it
        KioskFixture kiosk = new KioskFixture();
        Fx.run(() -> {
            kiosk.ui.attachSettingsOverrides(state);
            kiosk.show(stage);
        });
        kiosk.serverOnline();

        // then
        assertThat(Fx.call(() -> SceneQueries.visibleTexts(stage.getScene().getRoot())))
                .contains("Midori City Library", "北分館", "Search the catalogue").doesNotContain("中央図書館");
        assertThat(Fx.call(() -> kiosk.ui.holdViewModel().defaultPickup())).isEqualTo("KITA");
        assertThat(Fx.call(() -> stage.getScene().getRoot().getStyleClass())).contains("text-large");
    }
}

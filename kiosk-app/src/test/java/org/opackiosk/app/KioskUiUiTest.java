package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Parent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** How the composition root puts the kiosk on a stage. Uses its own window, not the test's primary stage. */
@ExtendWith(ApplicationExtension.class)
class KioskUiUiTest {

    private KioskFixture kiosk;
    private Stage window;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
    }

    @AfterEach
    void closeWindow() {
        Fx.run(() -> {
            if (window != null) {
                window.close();
            }
            kiosk.ui.close();
        });
    }

    @Test
    void fullScreenCannotBeLeftWithEscapeAndShowsNoHint() {
        Fx.run(() -> {
            window = new Stage();
            kiosk.ui.show(window, true);
        });

        assertThat(window.isFullScreen()).isTrue();
        assertThat(window.getFullScreenExitKeyCombination()).isEqualTo(KeyCombination.NO_MATCH);
        assertThat(window.getFullScreenExitHint()).isEmpty();
        assertThat(window.getTitle()).isEqualTo("みどり市立図書館");
    }

    @Test
    void aWindowShowsTheLandscapeKioskScaledToFit() {
        Fx.run(() -> {
            window = new Stage();
            kiosk.ui.show(window, false);
        });

        Parent root = window.getScene().getRoot();
        assertThat(window.getScene().getWidth()).isEqualTo(1280);
        assertThat(window.getScene().getHeight()).isEqualTo(800);
        Region kioskRoot = (Region) root.getChildrenUnmodifiable().get(0);
        assertThat(kioskRoot.getWidth()).isEqualTo(1920);
        assertThat(kioskRoot.getHeight()).isEqualTo(1080);
        assertThat(kioskRoot.getLocalToSceneTransform().getMxx()).isEqualTo(1280.0 / 1920);
        assertThat(root.lookup("#scanPrompt")).isNotNull();
    }
}

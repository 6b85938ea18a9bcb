package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Walks through the screens a patron meets and writes each, in landscape and portrait, to
 * {@code target/screenshots/} — the pictures a person looks at before a release (copied to
 * {@code docs/screenshots/}).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTourUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void everyScreenInBothLanguagesAndOrientations(FxRobot robot) {
        kiosk.serverOnline();
        shoot("attract-ja");

        robot.clickOn("#language-en");
        shoot("attract-en");

        robot.clickOn("#searchButton");
        shoot("search-en");

        robot.clickOn("#language-ja");
        shoot("search-ja");

        kiosk.advance(Duration.ofSeconds(60));
        shoot("countdown-ja");

        robot.clickOn("#continueButton");
        robot.clickOn("#language-en");
        kiosk.advance(Duration.ofSeconds(60));
        shoot("countdown-en");
    }

    @Test
    void theDevelopmentWindow(FxRobot robot) {
        kiosk.serverOnline();
        Screenshots.captureOffscreen(kiosk.ui::createPreviewScene, "attract-ja", Screenshots.WINDOWED);
        robot.clickOn("#searchButton");
        Screenshots.captureOffscreen(kiosk.ui::createPreviewScene, "search-ja", Screenshots.WINDOWED);
    }

    @Test
    void offlineAndLargeText(FxRobot robot) {
        kiosk.serverOffline();
        shoot("attract-offline-ja");
        robot.clickOn("#language-en");
        shoot("attract-offline-en");
        robot.clickOn("#language-ja");
        robot.clickOn("#textSize-large");
        shoot("attract-large-ja");
        robot.clickOn("#searchButton");
        shoot("search-offline-large-ja");
        kiosk.serverOnline();
        shoot("search-large-ja");
        robot.clickOn("#language-en");
        shoot("search-large-en");
    }

    private void shoot(String name) {
        Screenshots.capture(kiosk.stage(), name);
        assertThat(Path.of("target", "screenshots", name + "-portrait.png")).satisfies(p -> assertThat(Files.size(p)).isPositive());
    }
}

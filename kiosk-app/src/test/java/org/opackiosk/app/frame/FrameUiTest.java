package org.opackiosk.app.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.fx.FontCheck;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The rules of ui.md that hold on every screen: big touch targets, big text, nothing cut off, Japanese fonts. */
@ExtendWith(ApplicationExtension.class)
class FrameUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void everyButtonIsAtLeast90pxHighAndNoTextIsSmallerThan24pxOrCutOff(FxRobot robot) {
        kiosk.serverOffline(); // the longest status texts and the connection badge
        for (boolean large : new boolean[] {false, true}) {
            robot.clickOn(large ? "#textSize-large" : "#textSize-normal");
            for (String language : new String[] {"#language-ja", "#language-en"}) {
                robot.clickOn(language);
                checkEveryOrientation("attract " + language + (large ? " large" : ""));
                kiosk.serverOnline();
                robot.clickOn("#searchButton");
                checkEveryOrientation("search " + language + (large ? " large" : ""));
                kiosk.advance(Duration.ofSeconds(60));
                checkEveryOrientation("countdown " + language + (large ? " large" : ""));
                robot.clickOn("#continueButton");
                robot.clickOn("#homeButton");
                kiosk.serverOffline();
            }
        }
    }

    @Test
    void headingsAreAtLeast36px(FxRobot robot) {
        robot.clickOn("#searchButton");
        assertThat(fontSize(robot, "#searchTitle")).isGreaterThanOrEqualTo(36);
        robot.clickOn("#homeButton");
        assertThat(fontSize(robot, "#attractLibraryName")).isGreaterThanOrEqualTo(36);
        assertThat(fontSize(robot, "#scanPrompt")).isGreaterThanOrEqualTo(36);
    }

    @Test
    void japaneseIsDrawnWithAJapaneseFont(FxRobot robot) {
        Optional<String> family = Fx.call(() -> new FontCheck().japaneseFamily());
        assumeTrue(family.isPresent(), "no Japanese font on this machine (install fonts-noto-cjk)");

        List<Labeled> labels = Fx.call(() -> SceneQueries.visibleLabeled(root()));

        assertThat(labels).isNotEmpty().allSatisfy(l -> assertThat(l.getFont().getFamily()).as(l.getText()).isEqualTo(family.get()));
    }

    @Test
    void theTopBarShowsTheConnectionInWordsOnlyWhenItIsNotNormal(FxRobot robot) {
        robot.clickOn("#searchButton");
        assertThat(robot.lookup("#connectionIndicator").query().isVisible()).isTrue();
        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText()).isEqualTo("接続を確認中");

        kiosk.serverOnline();
        assertThat(robot.lookup("#connectionIndicator").query().isVisible()).isFalse();

        kiosk.serverOffline();
        assertThat(robot.lookup("#connectionIndicator").query().isVisible()).isTrue();
        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText()).isEqualTo("オフライン");
        assertThat(robot.lookup("#connectionIndicator .icon-offline").query().isVisible()).isTrue();
    }

    private void checkEveryOrientation(String where) {
        for (Screenshots.Size size : new Screenshots.Size[] {Screenshots.LANDSCAPE, Screenshots.PORTRAIT}) {
            Screenshots.resize(kiosk.stage(), size);
            String at = where + " " + size.name();
            List<String> problems = Fx.call(() -> {
                List<String> found = new ArrayList<>();
                List<Button> buttons = SceneQueries.visibleButtons(root());
                if (buttons.isEmpty()) {
                    found.add("no buttons");
                }
                for (Button b : buttons) {
                    if (b.getHeight() < 90) {
                        found.add("button '" + b.getText() + "' is " + b.getHeight() + " px high");
                    }
                }
                for (Labeled l : SceneQueries.visibleLabeled(root())) {
                    if (l.getFont().getSize() < 24) {
                        found.add("'" + l.getText() + "' is " + l.getFont().getSize() + " px");
                    }
                    if (!SceneQueries.drawnText(l).equals(l.getText())) {
                        found.add("'" + l.getText() + "' is drawn as '" + SceneQueries.drawnText(l) + "'");
                    }
                }
                return found;
            });
            assertThat(problems).as(at).isEmpty();
        }
        Screenshots.resize(kiosk.stage(), Screenshots.LANDSCAPE);
    }

    private Parent root() {
        return kiosk.stage().getScene().getRoot();
    }

    private static double fontSize(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getFont().getSize());
    }
}

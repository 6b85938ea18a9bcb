package org.opackiosk.app.frame;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TextSizeUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void largeTextScalesTextHeadingsAndGlyphsTogether(FxRobot robot) {
        // given
        double prompt = fontSize(robot, "#statusLine");
        double name = fontSize(robot, "#attractLibraryName");
        double card = Fx.call(() -> robot.lookup(".icon-card").queryAs(Region.class).getWidth());
        assertThat(prompt).isEqualTo(24.0);

        // when
        robot.clickOn("#textSize-large");

        // then
        assertThat(fontSize(robot, "#statusLine")).isEqualTo(prompt * 1.25);
        assertThat(fontSize(robot, "#attractLibraryName")).isEqualTo(name * 1.25);
        assertThat(Fx.call(() -> robot.lookup(".icon-card").queryAs(Region.class).getWidth())).isEqualTo(card * 1.25);
        assertThat(robot.lookup("#textSize-large").queryButton().getGraphic()).as("check mark on the chosen size").isNotNull();

        // when
        robot.clickOn("#textSize-normal");

        // then
        assertThat(fontSize(robot, "#statusLine")).isEqualTo(prompt);
    }

    @Test
    void largeTextStaysLargeFromScreenToScreen(FxRobot robot) {
        robot.clickOn("#textSize-large");

        robot.clickOn("#searchButton");

        assertThat(fontSize(robot, "#searchTitle")).isEqualTo(1.6 * 30);
    }

    private static double fontSize(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getFont().getSize());
    }
}

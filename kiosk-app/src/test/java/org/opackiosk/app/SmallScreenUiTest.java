package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Touch panels smaller than the 1920 × 1080 design (1280 × 800, 1024 × 600, a 800 × 1280 portrait panel)
 * get the layout of a screen of the same shape with a short side of 1080, scaled down: nothing overlaps and
 * no word is cut off, only everything is smaller.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void aSmallLandscapePanelGetsTheDesignLayoutScaledDownWithNothingCutOff(FxRobot robot) {
        kiosk.serverOnline();

        Layout attract = layoutAt(1280, 720);
        robot.clickOn("#searchButton");
        Layout search = layoutAt(1280, 720);

        for (Layout layout : List.of(attract, search)) {
            assertThat(layout.width()).isEqualTo(1920.0);
            assertThat(layout.height()).isEqualTo(1080.0);
            assertThat(layout.scale()).isCloseTo(720.0 / 1080.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(layout.cutOff()).as("texts drawn shorter than they are").isEmpty();
        }
        Screenshots.captureOffscreen(kiosk.ui::createFullScreenScene, "search-ja-small", new Screenshots.Size("1280x720", 1280, 720));
    }

    @Test
    void aPanelOfAnotherShapeKeepsItsShapeAndAPortraitPanelItsOrientation(FxRobot robot) {
        kiosk.serverOnline();

        Layout wide = layoutAt(1024, 600);
        Layout portrait = layoutAt(800, 1280);

        assertThat(wide.width()).isCloseTo(1024 * 1.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(wide.height()).isCloseTo(1080.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(portrait.width()).isCloseTo(1080.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(portrait.height()).isCloseTo(1280 * 1.35, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(wide.cutOff()).isEmpty();
        assertThat(portrait.cutOff()).isEmpty();
        Screenshots.captureOffscreen(kiosk.ui::createFullScreenScene, "attract-ja-small", new Screenshots.Size("800x1280", 800, 1280));
    }

    @Test
    void aScreenAtTheDesignSizeOrLargerIsLaidOutAtItsOwnSize(FxRobot robot) {
        kiosk.serverOnline();

        Scene scene = Fx.call(() -> {
            Scene s = kiosk.ui.createFullScreenScene(2560, 1440);
            s.snapshot(null);
            return s;
        });

        assertThat(scene.getRoot().getTransforms()).isEmpty();
        assertThat(((Region) scene.getRoot()).getWidth()).isEqualTo(2560.0);
    }

    private record Layout(double width, double height, double scale, List<String> cutOff) {
    }

    private Layout layoutAt(double width, double height) {
        return Fx.call(() -> {
            Scene scene = kiosk.ui.createFullScreenScene(width, height);
            scene.snapshot(null);
            scene.snapshot(null);
            Region design = (Region) scene.getRoot().getChildrenUnmodifiable().getFirst();
            Scale scale = (Scale) design.getTransforms().getFirst();
            List<String> cutOff = SceneQueries.visibleLabeled(design).stream()
                    .filter(SmallScreenUiTest::onScreen)
                    .filter(l -> !SceneQueries.drawnText(l).equals(l.getText()))
                    .map(Labeled::getText)
                    .toList();
            return new Layout(design.getWidth(), design.getHeight(), scale.getX(), cutOff);
        });
    }

    // Screens not shown are kept in the frame but have no size.
    private static boolean onScreen(Node node) {
        return node.getLayoutBounds().getWidth() > 0;
    }
}

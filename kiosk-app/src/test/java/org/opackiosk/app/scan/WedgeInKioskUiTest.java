package org.opackiosk.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ch.qos.logback.classic.spi.ILoggingEvent;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.RecordingLog;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The kiosk itself configured with {@code [scanner] type = "wedge"} (the default for a real server): the
 * scene's wedge detector is the one {@code KioskUi} installs from the configuration, and keys travel as the
 * toolkit sends them (pressed, typed, released, to the scene's focus owner or else the scene) while the
 * fixture's clock and scheduler move between them.
 */
@ExtendWith(ApplicationExtension.class)
class WedgeInKioskUiTest {

    private KioskFixture kiosk;
    @RegisterExtension
    final RecordingLog log = new RecordingLog();

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture(UiSettings.DEFAULTS, WedgeInKioskUiTest::withWedgeScanner);
        kiosk.show(stage);
    }

    private static KioskConfig withWedgeScanner(KioskConfig c) {
        DeviceSettings wedge = new DeviceSettings(DeviceSettings.Mode.REAL, DeviceSettings.ScannerSettings.DEFAULTS,
                DeviceSettings.PrinterSettings.NONE, DeviceSettings.LightSettings.NONE);
        return new KioskConfig(c.source(), c.library(), c.server(), c.ui(), c.stateDirectory(), c.cards(), c.search(),
                c.offline(), wedge, c.staff());
    }

    @BeforeEach
    void serverAnswers() {
        kiosk.serverOnline();
    }

    /** Where the toolkit delivers a key: the scene's focus owner, or the scene when nothing has focus. */
    private EventTarget keyTarget() {
        Scene scene = kiosk.stage().getScene();
        Node owner = scene.getFocusOwner();
        return owner != null ? owner : scene;
    }

    private void key(KeyCode code, String character, boolean shift, int gapMs) {
        Fx.run(() -> {
            Event.fireEvent(keyTarget(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false));
            Event.fireEvent(keyTarget(), new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED, shift, false, false, false));
            Event.fireEvent(keyTarget(), new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, shift, false, false, false));
        });
        kiosk.advance(Duration.ofMillis(gapMs));
    }

    private void type(String text, int gapMs) {
        for (char c : text.toCharArray()) {
            key(KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c))), String.valueOf(c), Character.isUpperCase(c), gapMs);
        }
    }

    private void enter(int gapMs) {
        key(KeyCode.ENTER, "\r", false, gapMs);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    @Test
    void aCardScannedByAWedgeScannerOnTheSearchScreenStartsALoginAndNeverReachesTheSearchBox(FxRobot robot) {
        // given: the search screen, whose box takes a keyboard's typing
        robot.clickOn("#searchButton");
        assertThat(text(robot, "#searchBox")).isEqualTo("キーワード");

        // when: the scanner types the demo card at 8 ms a key, then Enter
        type("01000001", 8);
        assertThat(text(robot, "#searchBox")).as("nothing of a burst reaches the box while it runs").isEqualTo("キーワード");
        enter(8);
        kiosk.advance(Duration.ofSeconds(1));

        // then: the patron's login asks for the password of that card, and no field holds its digits
        assertThat(robot.lookup("#loginPasswordTitle").tryQuery()).isPresent();
        assertThat(text(robot, "#passwordCard")).contains("01000001");
        assertThat(text(robot, "#passwordField")).isEmpty();
        // the log masks the card wherever it names it
        assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("01000001"));

        // and back on the search screen the box is still empty
        robot.clickOn("#homeButton");
        robot.clickOn("#searchButton");
        assertThat(text(robot, "#searchBox")).isEqualTo("キーワード");
    }

    @Test
    void slowTypingOnTheSearchScreenReachesTheSearchBoxAndIsNoScan(FxRobot robot) {
        // given
        robot.clickOn("#searchButton");

        // when: a person types at 150 ms a key
        type("soseki", 150);

        // then: each key reached the box as typed, in order, and no login started
        assertThat(text(robot, "#searchBox")).isEqualTo("soseki|");
        assertThat(robot.lookup("#loginPasswordTitle").tryQuery()).isEmpty();
    }

    @Test
    void digitsTypedByAPersonAreTypingEvenWhenTheyLookLikeACard(FxRobot robot) {
        robot.clickOn("#searchButton");

        type("01000001", 150);
        enter(150);

        // a person's eight digits and Enter search for them; no login
        assertThat(text(robot, "#resultCount")).startsWith("「01000001」の検索結果");
        assertThat(robot.lookup("#loginPasswordTitle").tryQuery()).isEmpty();
    }
}

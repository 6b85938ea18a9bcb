package org.opackiosk.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.platform.ManualScheduler;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wedge detector in a real scene with a focused text field and a default button. Keys are
 * delivered as the toolkit delivers them (pressed, typed, released, through the scene's filters to the
 * focus owner), with the test's clock moved between them.
 */
@ExtendWith(ApplicationExtension.class)
class WedgeScanFilterUiTest {

    private final MutableClock clock = new MutableClock(KioskFixture.START, KioskFixture.TOKYO);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<ScanEvent> scans = new ArrayList<>();
    private TextField field;
    private int defaultButtonPresses;

    @Start
    void start(Stage stage) {
        field = new TextField();
        field.setId("field");
        Button ok = new Button("OK");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> defaultButtonPresses++);
        Scene scene = new Scene(new VBox(field, ok), 400, 200);
        new WedgeScanFilter(Duration.ofMillis(30), 6, "", clock, scheduler, Runnable::run, scans::add).install(scene);
        stage.setScene(scene);
        stage.show();
        field.requestFocus();
    }

    /** One key as the toolkit sends it: pressed, typed, released, to the focus owner; then {@code gapMs} pass. */
    private void key(char c, int gapMs) {
        Fx.run(() -> {
            KeyCode code = Character.isDigit(c) ? KeyCode.getKeyCode(String.valueOf(c)) : KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
            boolean shift = Character.isUpperCase(c);
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false));
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, shift, false, false, false));
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, shift, false, false, false));
            clock.advance(Duration.ofMillis(gapMs));
            scheduler.advance(Duration.ofMillis(gapMs));
        });
    }

    private void enter(int gapMs) {
        Fx.run(() -> {
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, "\r", "", KeyCode.UNDEFINED, false, false, false, false));
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.ENTER, false, false, false, false));
            clock.advance(Duration.ofMillis(gapMs));
            scheduler.advance(Duration.ofMillis(gapMs));
        });
    }

    private void typeWithGap(String text, int gapMs) {
        for (char c : text.toCharArray()) {
            key(c, gapMs);
        }
    }

    private String fieldText() {
        return Fx.call(field::getText);
    }

    @Test
    void aFastBurstWithEnterIsAScanAndNeverLandsInTheTextField(FxRobot robot) {
        // when a scanner types a card at 8 ms a key and Enter
        typeWithGap("A01000001A", 8);
        // (while the burst runs nothing has reached the field)
        assertThat(fieldText()).isEmpty();
        enter(8);

        // then it is one scan, the field stays empty and Enter pressed no button
        assertThat(scans).containsExactly(new ScanEvent(Symbology.UNKNOWN, "A01000001A", ScanSource.KEYBOARD_WEDGE));
        assertThat(fieldText()).isEmpty();
        assertThat(defaultButtonPresses).isZero();
        // and long after, nothing turns up in the field either
        Fx.run(() -> scheduler.advance(Duration.ofSeconds(1)));
        assertThat(fieldText()).isEmpty();
    }

    @Test
    void slowTypingStaysTypingAndReachesTheFieldInOrder(FxRobot robot) {
        // a person types a password at 150 ms a key and presses Enter
        typeWithGap("taro1234", 150);
        assertThat(fieldText()).isEqualTo("taro1234");
        enter(150);

        assertThat(scans).isEmpty();
        assertThat(fieldText()).isEqualTo("taro1234");
        assertThat(defaultButtonPresses).isEqualTo(1);
    }

    @Test
    void aFastTypistsRolledKeysAreDelayedALittleButNeverLost(FxRobot robot) {
        // bursts of two and three keys at 15 ms, ordinary gaps between, Enter after a pause
        key('h', 15);
        key('a', 120);
        key('n', 15);
        key('a', 15);
        key('k', 110);
        key('o', 140);
        assertThat(fieldText()).isEqualTo("hanako");
        enter(100);
        assertThat(scans).isEmpty();
        assertThat(defaultButtonPresses).isEqualTo(1);
    }

    @Test
    void aKeyTypedJustBeforeAScanIsKeptAndTheScanStillCounts(FxRobot robot) {
        key('x', 200);
        typeWithGap("01000002", 6);
        enter(6);
        assertThat(fieldText()).isEqualTo("x");
        assertThat(scans).extracting(ScanEvent::text).containsExactly("01000002");
    }
}

package org.opackiosk.app.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.PatronRef;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/** The offline hold screen in the whole kiosk (fake server): reached from 予約する, fed by the scanner, wiped with the session. */
@ExtendWith(ApplicationExtension.class)
class OfflineHoldUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    private void scan(String card) {
        Fx.run(() -> kiosk.ui.scans().publish(new ScanEvent(Symbology.CODABAR, card, ScanSource.SIMULATED)));
    }

    private List<String> everyText() {
        return Fx.call(() -> SceneQueries.allTexts(kiosk.stage().getScene().getRoot()));
    }

    @Test
    void offlineAHoldTakesTheScannedCardInsteadOfALoginAndTheIdleTimeoutLeavesNothingOfIt(FxRobot robot) {
        // given the server gone, a patron on the search screen
        kiosk.serverOnline();
        robot.clickOn("#searchButton");
        kiosk.serverOffline();

        // when 予約する
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r7", "走れメロス"));

        // then the offline hold screen asks for the card, not the login
        assertThat(robot.lookup("#offlineHoldHeading").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#offlineHoldRecord").queryAs(Label.class).getText()).isEqualTo("走れメロス");

        // when the card is scanned there
        scan("01000001");

        // then it went to the hold, not to a login
        assertThat(robot.lookup("#cardDigits").match(NodeQueryUtils.isVisible()).tryQuery()).isEmpty();
        assertThat(robot.lookup("#pickup-CEN").match(NodeQueryUtils.isVisible()).tryQuery()).isPresent();
        robot.clickOn("#pickup-CEN");
        assertThat(robot.lookup("#offlineHoldReceipt").queryAs(Label.class).getText()).contains("走れメロス", "****0001");
        assertThat(kiosk.outbox.list()).extracting(OutboxEntry::operation)
                .containsExactly(Operation.PlaceHold.single(PatronRef.card("01000001"), "r7", "CEN"));

        // when nobody touches the kiosk
        kiosk.advance(Duration.ofSeconds(60 + 15));

        // then the start screen, and nothing of the card or the request anywhere in the scene
        assertThat(robot.lookup("#scanPrompt").tryQuery()).isPresent();
        assertThat(everyText()).noneMatch(t -> t.contains("0001") || t.contains("走れメロス"));
    }

    @Test
    void onlineAHoldStillGoesThroughTheLogin(FxRobot robot) {
        // given
        kiosk.serverOnline();
        robot.clickOn("#searchButton");

        // when
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r7", "走れメロス"));

        // then
        assertThat(robot.lookup("#cardDigits").match(NodeQueryUtils.isVisible()).tryQuery()).isPresent();
        assertThat(robot.lookup("#offlineHoldHeading").match(NodeQueryUtils.isVisible()).tryQuery()).isEmpty();
    }
}

package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.testing.FakeStaffKey;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.RecordingLog;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.config.StaffSettings;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.Scanner;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.core.staff.StaffEntry;
import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.core.staff.SystemActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The way into maintenance mode on the whole kiosk (fake server): the PIN screen, the lock, the key switch, and no patron left. */
@ExtendWith(ApplicationExtension.class)
class StaffEntryUiTest {

    private static final String PIN = "482915";
    private static final String HASH = StaffPinHash.hash(PIN.toCharArray(), new SecureRandom());
    private static final String STAFF_CARD = "29990001";
    // no patron card profile reads this as a card
    private static final String ODD_STAFF_CARD = "STAFF-KEY-07";

    private KioskFixture kiosk;
    private final FakeStaffKey key = new FakeStaffKey();
    private final InMemoryStaffAudit audit = new InMemoryStaffAudit();
    @RegisterExtension
    final RecordingLog log = new RecordingLog();

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture(UiSettings.DEFAULTS, c -> c.withStaff(new StaffSettings(Optional.of(HASH), Set.of(STAFF_CARD, ODD_STAFF_CARD),
                Optional.empty(), true, true, StaffSettings.DEFAULT_IDLE)));
        kiosk.ui.attachStaff(audit, SystemActions.simulation());
        kiosk.ui.attachDevices(new KioskDevices(Scanner.none(), Indicator.none(), Optional.empty(), key), kiosk.connectivity);
        kiosk.show(stage);
    }

    @BeforeEach
    void serverAnswers() {
        kiosk.serverOnline();
    }

    private void typePin(FxRobot robot, String digits) {
        for (char c : digits.toCharArray()) {
            robot.clickOn("#staffPin-" + c);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private String breadcrumb(FxRobot robot) {
        return text(robot, "#breadcrumb");
    }

    @Test
    void theLibraryNameHeldFiveSecondsAsksForThePinAndTheRightPinOpensMaintenance(FxRobot robot) {
        // given the attract screen
        robot.moveTo("#attractLibraryName");

        // when
        robot.press(MouseButton.PRIMARY);
        kiosk.advance(StaffEntryViewModelTimes.NAME_PRESS);
        robot.release(MouseButton.PRIMARY);

        // then
        assertThat(text(robot, "#staffPinTitle")).isEqualTo("職員用暗証番号");
        typePin(robot, "4829");
        assertThat(text(robot, "#staffPinField")).isEqualTo("●●●●");
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-ja");
        robot.clickOn("#language-en");
        assertThat(text(robot, "#staffPinTitle")).isEqualTo("Staff PIN");
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-en");
        typePin(robot, "15");
        robot.clickOn("#staffPinSubmit");

        assertThat(kiosk.ui.staffSession().staff()).contains("library name");
        assertThat(breadcrumb(robot)).contains("Maintenance");
        assertThat(audit.recent(5)).extracting(StaffAuditEntry::action).contains(StaffEntry.ACTION_ENTER);
    }

    @Test
    void enteringAndLeavingWithAStaffCardReachTheLogAsStaffAuditLinesWithTheCardMaskedAndNeverThePin(FxRobot robot) {
        // given
        Fx.run(() -> kiosk.ui.cardScanned(STAFF_CARD));
        typePin(robot, PIN);

        // when
        robot.clickOn("#staffPinSubmit");
        robot.clickOn("#homeButton");

        // then: the audit's lines in the log, as in the kiosk's database, with only the card's last digits
        List<String> lines = log.events().stream().filter(e -> e.getLoggerName().endsWith("StaffAudit"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Staff audit: ****0001 " + StaffEntry.ACTION_ENTER + ": "))
                .anySatisfy(l -> assertThat(l).startsWith("Staff audit: ****0001 " + StaffEntry.ACTION_LEAVE + ": "));
        assertThat(log.events()).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(STAFF_CARD, PIN));
    }

    @Test
    void aShortTapOnTheLibraryNameDoesNothingNew(FxRobot robot) {
        robot.moveTo("#attractLibraryName");
        robot.press(MouseButton.PRIMARY);
        kiosk.advance(Duration.ofSeconds(2));
        robot.release(MouseButton.PRIMARY);
        kiosk.advance(Duration.ofSeconds(10));

        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        assertThat(robot.lookup("#staffPinTitle").tryQuery()).isEmpty();
    }

    @Test
    void fiveWrongPinsLockEntryAndTheScreenSaysUntilWhen(FxRobot robot) {
        Fx.run(() -> kiosk.ui.cardScanned(STAFF_CARD));
        assertThat(text(robot, "#staffPinWho")).isEqualTo("職員：****0001");
        typePin(robot, "111111");
        robot.clickOn("#staffPinSubmit");
        assertThat(text(robot, "#staffPinMessage")).isEqualTo("暗証番号が違います。あと4回間違えると、15分間入れなくなります。");
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-wrong-ja");
        robot.clickOn("#language-en");
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-wrong-en");
        robot.clickOn("#language-ja");

        for (int i = 0; i < 4; i++) {
            typePin(robot, "111111");
            robot.clickOn("#staffPinSubmit");
        }

        assertThat(text(robot, "#staffLocked")).isEqualTo("暗証番号の誤りが5回続いたため、14:20まで保守モードに入れません。");
        assertThat(robot.lookup("#staffPinSubmit").queryButton().isDisabled()).isTrue();
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-locked-ja");
        robot.clickOn("#language-en");
        assertThat(text(robot, "#staffLocked")).isEqualTo("Five wrong PINs in a row: maintenance mode cannot be opened until 14:20.");
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-locked-en");
        assertThat(log.events()).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("staff entry by PIN is locked until"));
        assertThat(log.events()).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(STAFF_CARD, "111111", PIN));
    }

    @Test
    void theStaffKeyEndsAPatronsSessionAndNothingOfThePatronIsLeft(FxRobot robot) {
        // given a patron logged in, on My page
        Fx.run(() -> {
            kiosk.ui.cardScanned("01000001");
            "taro1234".chars().forEach(c -> kiosk.ui.loginViewModel().passwordKey(String.valueOf((char) c)));
            kiosk.ui.loginViewModel().submit();
        });
        assertThat(text(robot, "#patronCard")).isEqualTo("****0001");
        assertThat(kiosk.visibleTexts()).contains("坊っちゃん");

        // when
        Fx.run(() -> key.turn(true));

        // then
        assertThat(kiosk.ui.staffSession().staff()).contains("key switch");
        assertThat(breadcrumb(robot)).contains("保守モード");
        Fx.run(() -> PatronTraces.assertNoneInTheSessionScreens(kiosk.ui));
        List<String> everyText = Fx.call(() -> SceneQueries.allTexts(kiosk.stage().getScene().getRoot()));
        assertThat(everyText).noneMatch(t -> t.contains("0001") || t.contains("緑川") || t.contains("坊っちゃん")
                || t.contains("吾輩") || t.contains("taro"));

        // a patron's card scanned now does not start a login
        Fx.run(() -> kiosk.ui.cardScanned("01000001"));
        assertThat(breadcrumb(robot)).contains("保守モード");
        assertThat(robot.lookup("#loginCardTitle").tryQuery()).isEmpty();

        Fx.run(() -> key.turn(false));
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        assertThat(kiosk.ui.staffSession().active()).isFalse();
    }

    @Test
    void maintenanceModeNeverShowsThePatronCountdownAndClosesAfterTwoIdleMinutes(FxRobot robot) {
        Fx.run(() -> key.turn(true));

        kiosk.advance(Duration.ofSeconds(90));
        assertThat(Fx.call(() -> SceneQueries.visibleNodes(kiosk.stage().getScene().getRoot())))
                .noneMatch(n -> "countdownTitle".equals(n.getId()));
        assertThat(kiosk.ui.staffSession().active()).isTrue();

        kiosk.advance(Duration.ofSeconds(30));

        assertThat(kiosk.ui.staffSession().active()).isFalse();
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        assertThat(audit.recent(1).getFirst().outcome()).isEqualTo("2 minutes idle");
    }

    @Test
    void aStaffCardOutsideThePatronsCardProfileStillAsksForThePin(FxRobot robot) {
        Fx.run(() -> kiosk.ui.scans().publish(new org.opackiosk.core.device.ScanEvent(
                org.opackiosk.core.device.Symbology.CODE128, ODD_STAFF_CARD, org.opackiosk.core.device.ScanSource.SERIAL)));

        assertThat(text(robot, "#staffPinTitle")).isEqualTo("職員用暗証番号");
        assertThat(text(robot, "#staffPinWho")).isEqualTo("職員：****Y-07");
    }

    @Test
    void homeFromMaintenanceModeClosesItAndIsAudited(FxRobot robot) {
        Fx.run(() -> key.turn(true));
        assertThat(kiosk.ui.staffSession().active()).isTrue();
        robot.clickOn("#language-en");

        robot.clickOn("#homeButton");

        assertThat(kiosk.ui.staffSession().active()).isFalse();
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        assertThat(audit.recent(1).getFirst().action()).isEqualTo(StaffEntry.ACTION_LEAVE);
        assertThat(robot.lookup("#language-ja").queryButton().getGraphic()).as("Japanese is chosen again").isNotNull();
    }

    /** The press length the kiosk waits for, named here so the test reads as the behaviour. */
    private static final class StaffEntryViewModelTimes {
        static final Duration NAME_PRESS = org.opackiosk.app.staff.StaffEntryViewModel.NAME_PRESS;
    }
}

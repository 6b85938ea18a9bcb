package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.RecordingLog;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.config.StaffSettings;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.core.staff.SystemActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Staff entry by the server's patron category on the whole kiosk (fake server): a scanned card is routed to the
 * staff PIN or to the patron's login by what the server says, and only while online; typed numbers never are.
 */
@ExtendWith(ApplicationExtension.class)
class StaffCategoryUiTest {

    private static final String HASH = StaffPinHash.hash("482915".toCharArray(), new SecureRandom());
    private static final String STAFF_PATRON = "01000014";
    private static final String PATRON = "01000001";

    private KioskFixture kiosk;
    private final InMemoryStaffAudit audit = new InMemoryStaffAudit();
    @RegisterExtension
    final RecordingLog log = new RecordingLog();

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture(UiSettings.DEFAULTS, c -> c.withStaff(new StaffSettings(Optional.of(HASH), Set.of(),
                Optional.empty(), true, true, StaffSettings.DEFAULT_IDLE, Set.of("STAFF"))));
        kiosk.circulation.patrons.add(STAFF_PATRON, "staff2026", "14", "松本 恵", Optional.empty(), List.of());
        kiosk.circulation.patrons.categories.put(STAFF_PATRON, "STAFF");
        kiosk.ui.attachStaff(audit, SystemActions.simulation());
        kiosk.show(stage);
    }

    @BeforeEach
    void serverAnswers() {
        kiosk.serverOnline();
    }

    private void scan(String card) {
        Fx.run(() -> kiosk.ui.scans().publish(new ScanEvent(Symbology.CODE128, card, ScanSource.SERIAL)));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private long categoryLookups() {
        return kiosk.circulation.patrons.calls.stream().filter("patronCategory"::equals).count();
    }

    @Test
    void aScannedCardOfAStaffCategoryAsksForTheStaffPin(FxRobot robot) {
        scan(STAFF_PATRON);

        assertThat(text(robot, "#staffPinTitle")).isEqualTo("職員用暗証番号");
        assertThat(text(robot, "#staffPinWho")).isEqualTo("職員：****0014");
        assertThat(robot.lookup("#loginPasswordTitle").tryQuery()).isEmpty();
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-category-ja");
        robot.clickOn("#language-en");
        Screenshots.captureWhole(kiosk.stage(), "staff-pin-category-en");
        assertThat(log.events()).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(STAFF_PATRON));
    }

    @Test
    void aScannedCardOfAnotherCategoryStartsThePatronsLogin(FxRobot robot) {
        scan(PATRON);

        assertThat(text(robot, "#loginPasswordTitle")).isEqualTo("パスワードを入力してください");
        assertThat(robot.lookup("#staffPinTitle").tryQuery()).isEmpty();
        assertThat(categoryLookups()).isEqualTo(1);
    }

    @Test
    void whileTheServerIsAskedNothingChangesAndAFailedLookupStartsThePatronsLogin(FxRobot robot) {
        // given the lookup in flight
        kiosk.scheduler.setHoldWork(true);
        scan(STAFF_PATRON);
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();

        // when the server fails it
        kiosk.circulation.setReachable(false);
        kiosk.completeWork();

        // then
        assertThat(text(robot, "#loginPasswordTitle")).isEqualTo("パスワードを入力してください");
        assertThat(robot.lookup("#staffPinTitle").tryQuery()).isEmpty();
        assertThat(log.events()).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(STAFF_PATRON));
    }

    @Test
    void noAnswerWithinThreeSecondsStartsThePatronsLogin(FxRobot robot) {
        kiosk.scheduler.setHoldWork(true);
        scan(STAFF_PATRON);

        kiosk.advance(Duration.ofSeconds(3));

        assertThat(text(robot, "#loginPasswordTitle")).isEqualTo("パスワードを入力してください");
        kiosk.completeWork();
        assertThat(robot.lookup("#staffPinTitle").tryQuery()).isEmpty();
    }

    @Test
    void offlineTheScannedCardStartsTheLoginWithoutAskingTheServer(FxRobot robot) {
        // given the kiosk offline, though a lookup would now reach the server
        kiosk.serverOffline();
        kiosk.circulation.setReachable(true);

        scan(STAFF_PATRON);

        assertThat(categoryLookups()).isZero();
        assertThat(robot.lookup("#staffPinTitle").tryQuery()).isEmpty();
        assertThat(text(robot, "#loginPasswordTitle")).isEqualTo("パスワードを入力してください");
    }

    @Test
    void aCardNumberTypedOnTheLoginPadIsNeverLookedUp(FxRobot robot) {
        robot.clickOn("#typeCardButton");
        PatronLogin.typeCard(robot, STAFF_PATRON);

        robot.clickOn("#cardNextButton");

        assertThat(text(robot, "#loginPasswordTitle")).isEqualTo("パスワードを入力してください");
        assertThat(categoryLookups()).isZero();
    }
}

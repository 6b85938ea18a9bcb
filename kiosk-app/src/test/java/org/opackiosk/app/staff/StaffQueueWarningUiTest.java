package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.outbox.InMemoryOutbox;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An outbox that had to start over (its database file was unreadable and moved aside, H2Outbox.open) reports it to
 * staff: the dashboard's queue tab says what that means in the staff's language, with the kiosk's own words for the
 * technician (issue 7: "reported to staff").
 */
@ExtendWith(ApplicationExtension.class)
class StaffQueueWarningUiTest {

    private static final String WARNING = "The outbox database was unreadable and was moved to "
            + "outbox.mv.db.corrupt-20261123T050500Z; the kiosk started with an empty queue. "
            + "Operations saved in it were not sent: check them.";

    private KioskFixture kiosk;
    private Stage stage;
    private final StaffFakes.FakeStaffKey staffKey = new StaffFakes.FakeStaffKey();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        kiosk = new KioskFixture();
        InMemoryStaffAudit audit = new InMemoryStaffAudit();
        StaffFakes.FakeSystem system = new StaffFakes.FakeSystem();
        kiosk.ui.attachStaff(audit, system);
        kiosk.ui.attachStaffDashboard(new StaffDashboardPorts(StaffFakes.config(DeviceSettings.ScannerSettings.Type.NONE),
                audit, () -> StaffFakes.HEALTHY, kiosk.circulation.service(), Optional.empty(),
                new InMemoryOutbox(kiosk.clock, WARNING), () -> { }, system, () -> StaffFakes.HOST, StaffFakes.log(kiosk.clock)));
        kiosk.ui.attachDevices(new KioskDevices(new StaffFakes.FakeScanner(), new StaffFakes.RecordingIndicator(),
                Optional.empty(), staffKey), kiosk.connectivity);
        kiosk.show(stage);
        kiosk.serverOnline();
    }

    private List<String> texts() {
        return Fx.call(() -> SceneQueries.visibleTexts(stage.getScene().getRoot()));
    }

    @Test
    void theQueueTabSaysTheQueueStartedOverAndWhatToDoWithTheDetailForTheTechnician(FxRobot robot) {
        // given
        Fx.run(() -> staffKey.turn(true));

        // when
        robot.clickOn("#staff-tab-queue");

        // then
        assertThat(texts()).contains("注意：未送信の操作を保存するデータベースが使えなかったため、空の状態から始めました。"
                        + "それまでに保存されていた操作は送られていないおそれがあります。技術担当者に連絡してください。",
                "技術情報：" + WARNING, "送信待ち・拒否・要対応の操作はありません。");
        Screenshots.captureWhole(stage, "staff-queue-warning-ja");
        robot.clickOn("#language-en");
        assertThat(texts()).contains("Attention: the database of queued operations could not be used, so the kiosk started "
                + "with an empty queue. Operations saved before may not have been sent. Please contact the technician.",
                "Technical: " + WARNING);
        Screenshots.captureWhole(stage, "staff-queue-warning-en");
    }
}

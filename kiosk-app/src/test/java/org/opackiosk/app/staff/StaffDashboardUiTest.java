package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.staff.StaffDashboardViewModel.Section;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.outbox.InMemoryOutbox;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The staff dashboard in the whole kiosk UI on fakes: every section in Japanese and English, landscape and portrait
 * (target/screenshots/staff-*), the actions through touches, and nothing of a patron on it but masked card numbers.
 */
@ExtendWith(ApplicationExtension.class)
class StaffDashboardUiTest {

    private KioskFixture kiosk;
    private Stage stage;
    private final InMemoryStaffAudit audit = new InMemoryStaffAudit();
    private InMemoryOutbox outbox;
    private final StaffFakes.FakeScanner scanner = new StaffFakes.FakeScanner();
    private final StaffFakes.FakePrinter printer = new StaffFakes.FakePrinter();
    private final StaffFakes.FakeSystem system = new StaffFakes.FakeSystem();
    private final StaffFakes.FakeCatalogue catalogue = new StaffFakes.FakeCatalogue();
    private final StaffFakes.FakeStaffKey staffKey = new StaffFakes.FakeStaffKey();
    private volatile org.opackiosk.core.staff.ServerStatus serverStatus = StaffFakes.HEALTHY;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        kiosk = new KioskFixture();
        outbox = new InMemoryOutbox(kiosk.clock);
        OutboxEntry refused = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000002"), "r2", "CEN"));
        outbox.markRefused(refused.id(), new Refusal("too_many_reserves", "refusal.too_many_reserves"));
        outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "r1", "CEN"));
        OutboxEntry stuck = outbox.enqueue(new Operation.CancelHold(PatronRef.id(new PatronId("7")), "h9"));
        outbox.markNeedsStaff(stuck.id(), "the server answered twice; check the hold at the counter");
        system.simulated = true;
        catalogue.titles.put("r2", "はらぺこあおむし"); // r1 is not in the local index
        LogRing log = StaffFakes.log(kiosk.clock, Level.INFO, "Catalogue index: 347 records", Level.WARN,
                "Login refused for card 01000001 (wrong password)", Level.ERROR, "Printer on /dev/usb/lp0: paper out");
        kiosk.ui.attachStaff(audit, system); // one audit for the way in and the dashboard, as KioskMain wires it
        kiosk.ui.attachStaffDashboard(new StaffDashboardPorts(StaffFakes.config(DeviceSettings.ScannerSettings.Type.NONE),
                audit, () -> serverStatus, kiosk.circulation.service(), Optional.of(catalogue), outbox, () -> { },
                system, () -> StaffFakes.HOST, log, () -> Optional.of(new org.opackiosk.core.connectivity.RequestFailures.Failure(
                        KioskFixture.START.minusSeconds(180), "placeHold", false, "HTTP request timed out"))));
        kiosk.ui.attachDevices(new KioskDevices(scanner, new StaffFakes.RecordingIndicator(), Optional.of(printer),
                staffKey), kiosk.connectivity);
        kiosk.show(stage);
        kiosk.serverOnline();
    }

    /** Staff turn the key switch: maintenance mode opens on the dashboard (staff entry's way in without a PIN). */
    private void open() {
        Fx.run(() -> staffKey.turn(true));
        assertThat(Fx.call(() -> kiosk.ui.staffSession().active())).isTrue();
    }

    private List<String> texts() {
        return Fx.call(() -> SceneQueries.visibleTexts(stage.getScene().getRoot()));
    }

    /** Scrolls the dashboard so that {@code id} is on the screen, as staff would with a finger; then touches it. */
    private void touch(FxRobot robot, String id) {
        scrollTo(robot, id);
        robot.clickOn(id);
    }

    /** Scrolls the dashboard so that {@code id} is near the top of what is shown. */
    private void scrollTo(FxRobot robot, String id) {
        Fx.run(() -> {
            javafx.scene.Node node = robot.lookup(id).query();
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) robot.from(robot.lookup("#staffDashboard").queryAs(javafx.scene.Node.class)).lookup(".record-scroll").query();
            javafx.scene.Node content = scroll.getContent();
            double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 80) / room)));
            scroll.layout();
        });
    }

    @Test
    void everySectionInJapaneseAndEnglishLandscapeAndPortrait(FxRobot robot) {
        open();
        Fx.run(() -> scanner.scan(Symbology.CODE128, "01\u001D4912345\t"));
        robot.clickOn("#staff-tab-devices");
        robot.clickOn("#staffTestBuzzer");
        robot.clickOn("#staffTestPrint");
        for (String language : List.of("ja", "en")) {
            if (language.equals("en")) {
                robot.clickOn("#language-en");
            }
            for (Section s : Section.values()) {
                robot.clickOn("#staff-tab-" + s.name().toLowerCase(Locale.ROOT));
                Screenshots.captureWhole(stage, "staff-" + s.name().toLowerCase(Locale.ROOT) + "-" + language);
                if (s == Section.DEVICES) {
                    assertThat(texts()).contains("01<0x1D>4912345⇥");
                }
            }
        }
        assertThat(texts()).contains("Leave maintenance");
    }

    @Test
    void aRebuildsProgressIsShownAsItGoesOn(FxRobot robot) {
        open();
        robot.clickOn("#staff-tab-catalogue");

        Fx.run(() -> catalogue.publish(new org.opackiosk.core.catalogue.SyncProgress(
                org.opackiosk.core.catalogue.SyncProgress.State.REBUILDING, 120, 347, catalogue.stats.lastSync(), Optional.empty())));

        assertThat(texts()).contains("作り直し中", "347 件中 120 件（34%）",
                "最後の全件同期", "2026-11-23 03:00:00", "最後の差分同期", "2026-11-23 13:00:00");
        assertThat(Fx.call(() -> robot.lookup("#staffSyncProgress").queryAs(javafx.scene.control.ProgressBar.class).getProgress()))
                .isEqualTo(0.34);
        Screenshots.captureWhole(stage, "staff-catalogue-rebuilding-ja");
        robot.clickOn("#language-en");
        Screenshots.captureWhole(stage, "staff-catalogue-rebuilding-en");
    }

    @Test
    void anUnreachableServerIsSaidInPlainWordsWithWhatToCheck(FxRobot robot) {
        serverStatus = org.opackiosk.core.staff.ServerStatus.unreachable(java.net.URI.create("https://koha.example.jp"),
                "Connect timed out");
        open();

        assertThat(texts()).contains("いいえ",
                "応答がありません。LANケーブルやWi-Fi、サーバーが動いているかを確認してください。（Connect timed out）");
        Screenshots.captureWhole(stage, "staff-server-unreachable-ja");
        robot.clickOn("#language-en");
        Screenshots.captureWhole(stage, "staff-server-unreachable-en");
    }

    @Test
    void theServerSectionShowsTheCheckInPlainWords(FxRobot robot) {
        open();

        assertThat(texts()).contains("保守モード", "職員：キースイッチ", "https://koha.example.jp", "42 ミリ秒", "あと 200 日", "ありません",
                "最後に失敗した通信", "2026-11-23 14:02:00　サーバーから応答がありませんでした。（placeHold: HTTP request timed out）");
    }

    @Test
    void noPatronDataIsReachableFromTheDashboardEvenWithAPatronLoggedInWhenStaffCame(FxRobot robot) {
        // given: 緑川 太郎 (01000001 / taro1234) logged in, on My page with his loans and holds
        Fx.run(() -> kiosk.ui.cardScanned(PATRON_CARD));
        PatronLogin.typePassword(robot, PATRON_PASSWORD);
        robot.clickOn("#loginButton");
        assertThat(texts()).contains("****0001", "坊っちゃん");

        // when: staff turn the key and walk every tab, the discard question, and Back
        open();
        for (Section s : Section.values()) {
            robot.clickOn("#staff-tab-" + s.name().toLowerCase(Locale.ROOT));
            assertNothingOfThePatronAnywhere("tab " + s);
        }
        robot.clickOn("#staff-tab-queue");
        // the queue shows whose operation only masked; the log masks a card number that slipped into it
        assertThat(String.join("\n", texts())).contains("****0001", "****0002", "（ログイン中の操作）");
        touch(robot, "#staffDiscard-1");
        assertThat(robot.lookup("#staffDiscard-duplicate").tryQuery()).isPresent();
        assertNothingOfThePatronAnywhere("the discard question");
        robot.clickOn("#backButton");

        // then
        assertThat(Fx.call(() -> kiosk.ui.staffSession().active())).isFalse();
        assertNothingOfThePatronAnywhere("after Back");
    }

    private static final String PATRON_CARD = "01000001";
    private static final String PATRON_PASSWORD = "taro1234";

    /** Every text of the scene, shown or hidden, typed or drawn: the card unmasked, the name, loans, holds, password, e-mail. */
    private void assertNothingOfThePatronAnywhere(String where) {
        List<String> all = Fx.call(() -> SceneQueries.allTexts(stage.getScene().getRoot()));
        assertThat(all).as(where).isNotEmpty().noneMatch(t -> t.contains(PATRON_CARD) || t.contains("緑川")
                || t.contains("太郎") || t.contains("坊っちゃん") || t.contains("銀河鉄道の夜") || t.contains("吾輩は猫である")
                || t.contains(PATRON_PASSWORD) || t.contains("taro@example.jp"));
    }

    @Test
    void aQueueRowSaysWhichBookWhereAndWhyInTheStaffsLanguageWithTheCodeForTheTechnician(FxRobot robot) {
        open();

        robot.clickOn("#staff-tab-queue");

        // then: the title from the index (or the record id it lacks), the pickup library's name, the reason in words
        assertThat(texts()).contains("#1 予約 — 拒否", "資料：はらぺこあおむし（書誌番号 r2） ・ 受取館：中央図書館",
                "サーバーの理由：予約できる点数の上限に達しています。予約中の資料を受け取るか、取り消してから予約してください。",
                "技術情報：too_many_reserves",
                "資料：書誌番号 r1（この端末の索引にない資料） ・ 受取館：中央図書館",
                "予約番号：h9", "結果を確かめられませんでした。図書館システムで確かめてから、再送か破棄を選んでください。",
                "技術情報：the server answered twice; check the hold at the counter");
        assertThat(String.join("\n", texts())).doesNotContain("refused: too_many_reserves", "端末のメモ");
        touch(robot, "#staffDiscard-1");
        assertThat(texts()).contains("資料：はらぺこあおむし（書誌番号 r2） ・ 受取館：中央図書館");
        robot.clickOn("#staffDiscardCancel");

        // when
        robot.clickOn("#language-en");

        // then
        assertThat(texts()).contains("Item: はらぺこあおむし (record r2) · Pickup: 中央図書館",
                "Server: You have reached the maximum number of holds. Pick up or cancel a hold, then try again.",
                "Technical: too_many_reserves", "Hold no. h9",
                "The outcome could not be checked. Check it in the library system, then retry or discard.");
        Screenshots.captureWhole(stage, "staff-queue-items-en");
    }

    @Test
    void aCardScannedOnTheDashboardIsAScannerTestNotALogin(FxRobot robot) {
        open();
        robot.clickOn("#staff-tab-devices");

        Fx.run(() -> scanner.scan(Symbology.CODABAR, "A01000001A"));

        assertThat(Fx.call(() -> kiosk.ui.staffSession().active())).isTrue();
        assertThat(texts()).contains("A01000001A");
        assertThat(robot.lookup("#staffScanArea").tryQuery()).isPresent();
    }

    @Test
    void discardingAskForAReasonAndTheHistoryShowsIt(FxRobot robot) {
        open();
        robot.clickOn("#staff-tab-queue");
        touch(robot, "#staffDiscard-1");

        Screenshots.captureWhole(stage, "staff-queue-discard-ja");
        robot.clickOn("#language-en");
        Screenshots.captureWhole(stage, "staff-queue-discard-en");
        robot.clickOn("#language-ja");
        touch(robot, "#staffDiscard-duplicate");

        assertThat(outbox.list().get(0).refusal()).contains(org.opackiosk.core.outbox.Outbox.DISCARDED);
        assertThat(robot.lookup("#staffQueue-1").tryQuery()).as("done with: no longer listed: %s", texts()).isEmpty();
        robot.clickOn("#staff-tab-history");
        assertThat(String.join("\n", texts())).contains("discard place hold #1 card ****0002 because duplicate — discarded");
    }

    @Test
    void aRebootInDemoModeIsConfirmedThenSimulatedAndSaysSo(FxRobot robot) {
        open();
        robot.clickOn("#staff-tab-settings");
        assertThat(texts()).contains("デモモード：以下は模擬動作です。実際には再起動も電源断もしません。");

        touch(robot, "#staffSystem-reboot");
        scrollTo(robot, "#staffSystemQuestion");
        Screenshots.captureWhole(stage, "staff-kiosk-reboot-confirm-ja");
        robot.clickOn("#language-en");
        scrollTo(robot, "#staffSystemQuestion");
        Screenshots.captureWhole(stage, "staff-kiosk-reboot-confirm-en");
        robot.clickOn("#language-ja");
        assertThat(system.performed).isEmpty();
        touch(robot, "#staffSystemConfirm");

        assertThat(texts()).contains("デモモード：端末の再起動は模擬動作で、実際には何もしていません。");
        assertThat(system.performed).containsExactly(org.opackiosk.core.staff.SystemActions.Action.REBOOT);
    }

    @Test
    void aBranchChangedByStaffIsKeptIsShownAsChangedAndGoesBackToTheConfiguredValue(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path state) {
        // given: the kiosk keeps staff's settings in its state directory, as KioskMain wires it
        Fx.run(() -> kiosk.ui.attachSettingsOverrides(state));
        open();
        robot.clickOn("#staff-tab-settings");
        assertThat(texts()).contains("変更はすぐに反映され、端末を再起動しても保たれます（この端末の状態フォルダに保存）。設定ファイル（kiosk.toml）は変わりません。")
                .doesNotContain("職員が変更した設定：設置館");

        // when
        touch(robot, "#staffBranch-KITA");

        // then
        assertThat(texts()).contains("職員が変更した設定：設置館", "設定ファイルの値に戻す");
        assertThat(SettingsOverrides.load(state).branch()).contains("KITA");
        scrollTo(robot, "#staffSettingsChanged");
        Screenshots.captureWhole(stage, "staff-settings-changed-ja");
        robot.clickOn("#language-en");
        assertThat(texts()).contains("Changed by staff: Branch", "Back to the configured values");
        scrollTo(robot, "#staffSettingsChanged");
        Screenshots.captureWhole(stage, "staff-settings-changed-en");

        // when
        touch(robot, "#staffSettingsReset");

        // then
        assertThat(texts()).doesNotContain("Changed by staff: Branch");
        assertThat(SettingsOverrides.load(state)).isEqualTo(SettingsOverrides.NONE);
        assertThat(audit.recent(1)).extracting(e -> e.action())
                .containsExactly("back to the configured settings (were branch KITA)");
    }

    @Test
    void leavingWithANewDefaultLanguageGreetsTheNextPatronInIt(FxRobot robot) {
        open();
        robot.clickOn("#staff-tab-settings");
        touch(robot, "#staffLanguage-en");
        robot.clickOn("#staffLeave");

        assertThat(Fx.call(() -> kiosk.ui.staffSession().active())).isFalse();
        assertThat(texts()).doesNotContain("Leave maintenance").contains("Midori City Library");
        assertThat(audit.recent(5)).extracting(e -> e.action()).contains("change default language from ja to en", "leave staff mode");
    }

    @Test
    void homeInTheTopBarEndsStaffModeToo(FxRobot robot) {
        open();

        robot.clickOn("#homeButton");

        assertThat(Fx.call(() -> kiosk.ui.staffSession().active())).isFalse();
        assertThat(texts()).doesNotContain("保守モードを終わる");
        assertThat(audit.recent(1)).extracting(e -> e.action(), e -> e.outcome())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("leave staff mode", "left"));
    }
}

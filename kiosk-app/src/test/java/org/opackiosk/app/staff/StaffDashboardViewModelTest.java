package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.staff.StaffDashboardViewModel.DiscardReason;
import org.opackiosk.app.staff.StaffDashboardViewModel.LogFilter;
import org.opackiosk.app.staff.StaffDashboardViewModel.Notice;
import org.opackiosk.app.staff.StaffDashboardViewModel.Section;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.SyncProgress;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.UiSettings.TextSize;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Scanner;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.outbox.InMemoryOutbox;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.core.staff.StaffSession;
import org.opackiosk.core.staff.SystemActions;

class StaffDashboardViewModelTest {

    private final MutableClock clock = new MutableClock(KioskFixture.START, KioskFixture.TOKYO);
    private final QueuedScheduler scheduler = new QueuedScheduler(false);
    private final InMemoryStaffAudit audit = new InMemoryStaffAudit();
    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    private final StaffFakes.FakeCatalogue catalogue = new StaffFakes.FakeCatalogue();
    private final StaffFakes.FakeSystem system = new StaffFakes.FakeSystem();
    private final StaffFakes.FakeSettings settings = new StaffFakes.FakeSettings();
    private final StaffFakes.RecordingIndicator indicator = new StaffFakes.RecordingIndicator();
    private final StaffFakes.FakePrinter printer = new StaffFakes.FakePrinter();
    private final StaffSession session = new StaffSession();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger lightRestored = new AtomicInteger();
    private final AtomicInteger left = new AtomicInteger();
    private LogRing log = StaffFakes.log(clock);
    private KioskDevices devices = new KioskDevices(Scanner.none(), indicator, Optional.of(printer), StaffKey.none());

    private StaffDashboardViewModel dashboard(KioskConfig config) {
        StaffDashboardPorts ports = new StaffDashboardPorts(config, audit, () -> StaffFakes.HEALTHY,
                FakeCirculationService.withSampleCatalogue().service(), Optional.of(catalogue), outbox,
                replays::incrementAndGet, system, () -> StaffFakes.HOST, log);
        StaffDashboardViewModel vm = new StaffDashboardViewModel(ports, session, settings, () -> devices,
                lightRestored::incrementAndGet, clock, scheduler, KioskFixture.IMMEDIATE);
        vm.setOnLeave(left::incrementAndGet);
        session.begin("****1234");
        return vm;
    }

    private StaffDashboardViewModel dashboard() {
        return dashboard(StaffFakes.config(DeviceSettings.ScannerSettings.Type.NONE));
    }

    private StaffAuditEntry lastAudit() {
        return audit.recent(1).get(0);
    }

    @Test
    void openingShowsTheServerCheckIndexQueueKioskAndWhoIsIn() {
        StaffDashboardViewModel vm = dashboard();

        vm.open();

        assertThat(vm.staffProperty().get()).isEqualTo("****1234");
        assertThat(vm.serverStatusProperty().get()).isEqualTo(StaffFakes.HEALTHY);
        assertThat(vm.indexStatsProperty().get().records()).isEqualTo(347);
        assertThat(vm.lastRebuildProperty().get()).isEqualTo(catalogue.lastRebuild);
        assertThat(vm.hostProperty().get()).isEqualTo(StaffFakes.HOST);
        assertThat(vm.libraries()).extracting(l -> l.id()).containsExactly("CEN", "KITA");
        assertThat(vm.branchProperty().get()).isEqualTo("CEN");
        assertThat(vm.sectionProperty().get()).isEqualTo(Section.SERVER);
    }

    @Test
    void aServerCheckAlreadyRunningIsNotStartedTwice() {
        scheduler.setHoldWork(true);
        StaffDashboardViewModel vm = dashboard();
        vm.checkServer();
        vm.checkServer();

        assertThat(vm.checkingServerProperty().get()).isTrue();
        assertThat(scheduler.queuedWork()).isEqualTo(1);
        scheduler.runQueuedWork();
        assertThat(vm.checkingServerProperty().get()).isFalse();
        assertThat(vm.serverStatusProperty().get()).isEqualTo(StaffFakes.HEALTHY);
    }

    @Test
    void syncNowRunsTheSyncShowsItsOutcomeAndRecordsIt() {
        StaffDashboardViewModel vm = dashboard();

        vm.syncNow();

        assertThat(catalogue.runs).containsExactly("sync");
        assertThat(vm.noticeProperty().get()).isEqualTo(new Notice("staff.catalogue.done", List.of(3L, 1L)));
        assertThat(vm.syncRunningProperty().get()).isFalse();
        assertThat(lastAudit()).extracting(StaffAuditEntry::staff, StaffAuditEntry::action, StaffAuditEntry::outcome)
                .containsExactly("****1234", "sync catalogue now", "completed: 3 written, 1 deleted");
    }

    @Test
    void aRebuildThatStopsEarlySaysWhyAndIsRecordedAsFailed() {
        StaffDashboardViewModel vm = dashboard();
        catalogue.next = new CatalogueSync.Outcome.Failed("the server did not answer");

        vm.rebuild();

        assertThat(catalogue.runs).containsExactly("rebuild");
        assertThat(vm.noticeProperty().get().key()).isEqualTo("staff.catalogue.failed");
        assertThat(lastAudit().outcome()).isEqualTo("failed: the server did not answer");
    }

    @Test
    void syncProgressReachesTheDashboardWhileARunGoesOn() {
        StaffDashboardViewModel vm = dashboard();
        SyncProgress halfway = new SyncProgress(SyncProgress.State.REBUILDING, 150, 300, Optional.empty(), Optional.empty());

        catalogue.publish(halfway);

        assertThat(vm.syncProgressProperty().get().percent()).isEqualTo(50);
    }

    @Test
    void syncAndRebuildWaitForARunningOne() {
        scheduler.setHoldWork(true);
        StaffDashboardViewModel vm = dashboard();
        vm.syncNow();
        vm.rebuild();
        scheduler.runQueuedWork();

        assertThat(catalogue.runs).containsExactly("sync");
    }

    @Test
    void theQueueShowsWaitingRefusedAndNeedsStaffWithTheCardMaskedAndTheServersReason() {
        OutboxEntry pending = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "r1", "CEN"));
        OutboxEntry refused = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000002"), "r2", "CEN"));
        outbox.markRefused(refused.id(), new Refusal("too_many_reserves", "refusal.too_many_reserves"));
        OutboxEntry stuck = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000003"), "r3", "CEN"));
        outbox.markNeedsStaff(stuck.id(), "the server answered twice");
        OutboxEntry done = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000004"), "r4", "CEN"));
        outbox.markSending(done.id());
        outbox.markDone(done.id());
        StaffDashboardViewModel vm = dashboard();

        vm.show(Section.QUEUE);

        assertThat(vm.queue()).extracting(StaffDashboardViewModel.QueueRow::state)
                .containsExactly(OutboxState.PENDING, OutboxState.REFUSED, OutboxState.NEEDS_STAFF);
        assertThat(vm.queue()).extracting(r -> r.maskedCard().orElseThrow()).containsExactly("****0001", "****0002", "****0003");
        assertThat(vm.queue().get(1).refusalKey()).contains("refusal.too_many_reserves");
        assertThat(vm.queue().get(2).note()).contains("the server answered twice");
        assertThat(vm.queue().toString()).doesNotContain("01000001", "01000002", "01000003");
        assertThat(pending.id()).isEqualTo(vm.queue().get(0).id());
    }

    @Test
    void theServerSectionShowsTheLastRealRequestThatFailedEvenWhenTheCheckPasses() {
        // given: the kiosk's requests go through the observed port, as KioskMain wires it; a hold finds no server
        FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
        org.opackiosk.core.connectivity.ConnectivityMonitor monitor = new org.opackiosk.core.connectivity.ConnectivityMonitor(
                () -> true, scheduler, Duration.ofSeconds(10));
        org.opackiosk.core.connectivity.RequestFailures failures = new org.opackiosk.core.connectivity.RequestFailures(clock);
        var observed = new org.opackiosk.core.connectivity.ObservedCirculationService(server.service(), monitor,
                new org.opackiosk.core.connectivity.RequestsInFlight(scheduler), failures);
        StaffDashboardViewModel vm = new StaffDashboardViewModel(new StaffDashboardPorts(
                StaffFakes.config(DeviceSettings.ScannerSettings.Type.NONE), audit, () -> StaffFakes.HEALTHY, observed,
                Optional.of(catalogue), outbox, replays::incrementAndGet, system, () -> StaffFakes.HOST, log, failures::last),
                session, settings, () -> devices, lightRestored::incrementAndGet, clock, scheduler, KioskFixture.IMMEDIATE);
        session.begin("****1234");
        vm.open();
        assertThat(vm.lastRequestFailureProperty().get()).isEmpty();
        server.setReachable(false);
        observed.placeHold(new org.opackiosk.core.holds.HoldRequest(new org.opackiosk.core.patron.PatronId("1"), List.of("1001"),
                "CEN", org.opackiosk.core.holds.ContactMethod.EMAIL));
        server.setReachable(true);
        clock.advance(Duration.ofMinutes(3));
        observed.libraries(); // an answer afterwards does not hide the failure

        // when
        vm.checkServer();

        // then: the check passed, and the failed hold is there beside it
        assertThat(vm.serverStatusProperty().get().problem()).isEmpty();
        assertThat(vm.lastRequestFailureProperty().get()).contains(new org.opackiosk.core.connectivity.RequestFailures.Failure(
                KioskFixture.START, "placeHold", false, "fake server switched off"));
    }

    @Test
    void eachQueuedOperationSaysWhichItemWithTheTitleFromTheIndexOrTheRecordIdAndTheServersCode() {
        // given: r2 is in the local index, r1 is not (a record added on the server since the last sync)
        catalogue.titles.put("r2", "はらぺこあおむし");
        outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "r1", "KITA"));
        OutboxEntry refused = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000002"), "r2", "CEN"));
        outbox.markRefused(refused.id(), new Refusal("too_many_reserves", "refusal.too_many_reserves"));
        outbox.enqueue(new Operation.PlaceHold(PatronRef.card("01000003"), List.of("r2", "r5", "r6"), "CEN", Optional.empty()));
        outbox.enqueue(new Operation.ChangePickupLibrary(PatronRef.id(new org.opackiosk.core.patron.PatronId("7")), "h9", "KITA"));
        outbox.enqueue(new Operation.RenewLoan(PatronRef.id(new org.opackiosk.core.patron.PatronId("7")), "c4",
                java.time.LocalDate.parse("2026-11-30")));
        StaffDashboardViewModel vm = dashboard();
        vm.open();

        // when
        vm.show(Section.QUEUE);

        // then
        assertThat(vm.queue()).extracting(StaffDashboardViewModel.QueueRow::item).containsExactly(
                new StaffDashboardViewModel.Item(List.of("r1"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("KITA")),
                new StaffDashboardViewModel.Item(List.of("r2"), Optional.of("はらぺこあおむし"), Optional.empty(), Optional.empty(),
                        Optional.of("CEN")),
                new StaffDashboardViewModel.Item(List.of("r2", "r5", "r6"), Optional.of("はらぺこあおむし"), Optional.empty(),
                        Optional.empty(), Optional.of("CEN")),
                new StaffDashboardViewModel.Item(List.of(), Optional.empty(), Optional.of("h9"), Optional.empty(), Optional.of("KITA")),
                new StaffDashboardViewModel.Item(List.of(), Optional.empty(), Optional.empty(), Optional.of("c4"), Optional.empty()));
        assertThat(vm.queue().get(1).refusalCode()).contains("too_many_reserves");
        assertThat(vm.queue().get(1).refusalKey()).contains("refusal.too_many_reserves");
        assertThat(vm.queue().get(0).refusalCode()).isEmpty();
        assertThat(vm.libraryName("CEN")).isEqualTo(vm.libraries().get(0).name()).isNotEqualTo("CEN");
        assertThat(vm.libraryName("NOWHERE")).isEqualTo("NOWHERE");
    }

    @Test
    void retryPutsARefusedOperationBackInTheQueueAsksReplayToRunAndRecordsIt() {
        OutboxEntry refused = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000002"), "r2", "CEN"));
        outbox.markRefused(refused.id(), new Refusal("x", "refusal.generic"));
        StaffDashboardViewModel vm = dashboard();
        vm.show(Section.QUEUE);

        vm.retry(refused.id());

        assertThat(outbox.find(refused.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
        assertThat(replays.get()).isEqualTo(1);
        assertThat(vm.noticeProperty().get().key()).isEqualTo("staff.queue.retried");
        assertThat(lastAudit().action()).isEqualTo("retry place hold #1 card ****0002");
        assertThat(lastAudit().outcome()).isEqualTo("back in the queue");
    }

    @Test
    void discardAsksForAReasonFirstThenRemovesTheOperationAndRecordsTheReason() {
        OutboxEntry stuck = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000003"), "r3", "CEN"));
        outbox.markNeedsStaff(stuck.id(), "cannot tell");
        StaffDashboardViewModel vm = dashboard();
        vm.show(Section.QUEUE);

        vm.askDiscard(stuck.id());

        assertThat(vm.discardingProperty().get().id()).isEqualTo(stuck.id());
        assertThat(outbox.find(stuck.id())).as("nothing discarded before a reason").isPresent();

        vm.discard(DiscardReason.DONE_AT_COUNTER);

        OutboxEntry discarded = outbox.find(stuck.id()).orElseThrow();
        assertThat(discarded.state()).isEqualTo(OutboxState.REFUSED);
        assertThat(discarded.refusal()).contains(org.opackiosk.core.outbox.Outbox.DISCARDED);
        assertThat(discarded.lastError()).contains("discarded by staff ****1234 on the kiosk: done at counter");
        assertThat(vm.queue()).isEmpty();
        assertThat(vm.discardingProperty().get()).isNull();
        assertThat(lastAudit().action()).isEqualTo("discard place hold #1 card ****0003 because done at counter");
        assertThat(lastAudit().outcome()).isEqualTo("discarded");
    }

    @Test
    void aDiscardCancelledLeavesTheOperationAlone() {
        OutboxEntry pending = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "r1", "CEN"));
        StaffDashboardViewModel vm = dashboard();
        vm.show(Section.QUEUE);
        vm.askDiscard(pending.id());

        vm.cancelDiscard();
        vm.discard(DiscardReason.TEST);

        assertThat(outbox.find(pending.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
        assertThat(audit.recent(10)).isEmpty();
    }

    @Test
    void theScanTestShowsInvisibleCharactersAndScansAreNotRecordedWhole() {
        StaffDashboardViewModel vm = dashboard();

        vm.scanned(new ScanEvent(Symbology.CODE128, "01\u001D4912345\t", ScanSource.SERIAL));

        assertThat(vm.lastScanProperty().get().visibleText()).isEqualTo("01<0x1D>4912345⇥");
        assertThat(vm.lastScanProperty().get().length()).isEqualTo(11);
        assertThat(audit.recent(10)).isEmpty();
    }

    @Test
    void aTestPrintPrintsASlipAndIsRecorded() {
        StaffDashboardViewModel vm = dashboard();

        vm.testPrint();

        assertThat(printer.printed).hasSize(1);
        assertThat(vm.noticeProperty().get().key()).isEqualTo("staff.devices.printed");
        assertThat(lastAudit()).extracting(StaffAuditEntry::action, StaffAuditEntry::outcome).containsExactly("test print", "printed");
    }

    @Test
    void aTestPrintWithoutPaperSaysSoAndIsRecordedAsNotPrinted() {
        printer.status = PrinterStatus.PAPER_OUT;
        StaffDashboardViewModel vm = dashboard();

        vm.testPrint();

        assertThat(vm.noticeProperty().get()).isEqualTo(new Notice("staff.devices.notPrinted", List.of("PAPER_OUT", "no paper")));
        assertThat(vm.printerStatusProperty().get()).contains(PrinterStatus.PAPER_OUT);
        assertThat(lastAudit().outcome()).startsWith("not printed");
    }

    @Test
    void theLightTestShowsEachStateInTurnThenTheRealStateAgain() {
        StaffDashboardViewModel vm = dashboard();

        vm.testLight();
        assertThat(indicator.shown).containsExactly(LightState.READY);
        scheduler.advance(StaffDashboardViewModel.LIGHT_STEP.multipliedBy(3));
        assertThat(indicator.shown).containsExactly(LightState.READY, LightState.WORKING, LightState.OFFLINE, LightState.FAULT);
        assertThat(lightRestored.get()).isZero();
        scheduler.advance(StaffDashboardViewModel.LIGHT_STEP);

        assertThat(lightRestored.get()).isEqualTo(1);
        assertThat(vm.lightTestProperty().get()).isNull();
        assertThat(lastAudit().action()).isEqualTo("status light test");
    }

    @Test
    void leavingDuringALightTestPutsTheLightBackAtOnce() {
        StaffDashboardViewModel vm = dashboard();
        vm.testLight();

        vm.leave();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(lightRestored.get()).isEqualTo(1);
        assertThat(indicator.shown).containsExactly(LightState.READY);
    }

    @Test
    void theBuzzerTestBeepsOnceThenTwice() {
        StaffDashboardViewModel vm = dashboard();

        vm.testBuzzer();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(indicator.beeps).containsExactly(Beep.GOOD_SCAN, Beep.REJECTED);
        assertThat(lastAudit().action()).isEqualTo("buzzer test");
    }

    @Test
    void withoutACameraTheCameraTestSaysNoCameraIsConfigured() {
        StaffDashboardViewModel vm = dashboard();

        vm.testCamera();

        assertThat(vm.hasCamera()).isFalse();
        assertThat(vm.cameraWaitingProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get().key()).isEqualTo("staff.devices.noCamera");
    }

    @Test
    void theCameraTestShowsOneDecodedFrameFromTheCamera() {
        StaffDashboardViewModel vm = dashboard(StaffFakes.config(DeviceSettings.ScannerSettings.Type.CAMERA));

        vm.testCamera();
        vm.scanned(new ScanEvent(Symbology.EAN13, "9784101010014", ScanSource.SERIAL));
        assertThat(vm.cameraWaitingProperty().get()).as("another scanner's scan is not the camera's").isTrue();
        vm.scanned(new ScanEvent(Symbology.EAN13, "9784101010014", ScanSource.CAMERA));

        assertThat(vm.cameraWaitingProperty().get()).isFalse();
        assertThat(vm.cameraResultProperty().get().visibleText()).isEqualTo("9784101010014");
        assertThat(lastAudit().outcome()).isEqualTo("decoded one frame: EAN13, 13 characters");
    }

    @Test
    void aCameraThatDecodesNothingIsReportedAfterTheWait() {
        StaffDashboardViewModel vm = dashboard(StaffFakes.config(DeviceSettings.ScannerSettings.Type.CAMERA));

        vm.testCamera();
        scheduler.advance(StaffDashboardViewModel.CAMERA_WAIT);

        assertThat(vm.cameraWaitingProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get().key()).isEqualTo("staff.devices.cameraNothing");
        assertThat(lastAudit().outcome()).isEqualTo("nothing decoded in 30 s");
    }

    @Test
    void settingsChangeTheRunningKioskAndAreRecordedAsNotSaved() {
        StaffDashboardViewModel vm = dashboard();
        vm.open();

        vm.chooseBranch("KITA");
        vm.chooseDefaultPickup("KITA");
        vm.chooseDefaultLanguage(Locale.ENGLISH);
        vm.chooseDefaultTextSize(TextSize.LARGE);
        vm.chooseDefaultTextSize(TextSize.LARGE); // the same again changes nothing

        assertThat(settings.branch).isEqualTo("KITA");
        assertThat(settings.pickup).isEqualTo("KITA");
        assertThat(settings.language).isEqualTo(Locale.ENGLISH);
        assertThat(settings.size).isEqualTo(TextSize.LARGE);
        assertThat(vm.branchProperty().get()).isEqualTo("KITA");
        assertThat(vm.defaultTextSizeProperty().get()).isEqualTo(TextSize.LARGE);
        assertThat(audit.recent(10)).extracting(StaffAuditEntry::action).containsExactly(
                "change default text size from normal to large", "change default language from ja to en",
                "change default pickup branch from CEN to KITA", "change branch from CEN to KITA");
        assertThat(lastAudit().outcome()).isEqualTo("applied until the kiosk restarts (not saved)");
    }

    @Test
    void settingsChangedByStaffAreKeptInTheStateDirectoryAndGoBackToTheConfiguredValues(@org.junit.jupiter.api.io.TempDir
                                                                                            java.nio.file.Path state) {
        // given
        StaffDashboardViewModel vm = dashboard();
        vm.keepSettingsIn(state);
        vm.open();

        // when
        vm.chooseBranch("KITA");
        vm.chooseDefaultLanguage(Locale.ENGLISH);

        // then: kept for the next start, only what differs from kiosk.toml, and said so
        SettingsOverrides kept = new SettingsOverrides(Optional.of("KITA"), Optional.empty(), Optional.of(Locale.ENGLISH),
                Optional.empty());
        assertThat(SettingsOverrides.load(state)).isEqualTo(kept);
        assertThat(vm.overrides()).isEqualTo(kept);
        assertThat(lastAudit()).extracting(StaffAuditEntry::action, StaffAuditEntry::outcome)
                .containsExactly("change default language from ja to en", "applied and kept across restarts");
        assertThat(vm.noticeProperty().get().key()).isEqualTo("staff.kiosk.changedKept");

        // when
        vm.backToConfigured();

        // then
        assertThat(settings.branch).isEqualTo("CEN");
        assertThat(settings.language).isEqualTo(Locale.JAPANESE);
        assertThat(vm.overrides().isEmpty()).isTrue();
        assertThat(state.resolve(SettingsOverrides.FILE)).doesNotExist();
        assertThat(SettingsOverrides.load(state)).isEqualTo(SettingsOverrides.NONE);
        assertThat(lastAudit()).extracting(StaffAuditEntry::action, StaffAuditEntry::outcome).containsExactly(
                "back to the configured settings (were branch KITA, default language en)", "applied and kept across restarts");
    }

    @Test
    void anUnreadableSettingsFileIsIgnoredAndTheKioskStartsAsConfigured(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state)
            throws java.io.IOException {
        java.nio.file.Files.writeString(state.resolve(SettingsOverrides.FILE), "text_size = huge\n");

        assertThat(SettingsOverrides.load(state)).isEqualTo(SettingsOverrides.NONE);
    }

    @Test
    void rebootNeedsASecondStepAndCancellingDoesNothing() {
        StaffDashboardViewModel vm = dashboard();

        vm.askSystem(SystemActions.Action.REBOOT);
        assertThat(vm.confirmingSystemProperty().get()).isEqualTo(SystemActions.Action.REBOOT);
        vm.cancelSystem();
        vm.confirmSystem();

        assertThat(system.performed).isEmpty();
        assertThat(audit.recent(10)).isEmpty();
    }

    @Test
    void aConfirmedShutdownIsPerformedAndRecordedBeforeAndAfter() {
        StaffDashboardViewModel vm = dashboard();

        vm.askSystem(SystemActions.Action.SHUT_DOWN);
        vm.confirmSystem();

        assertThat(system.performed).containsExactly(SystemActions.Action.SHUT_DOWN);
        assertThat(audit.recent(2)).extracting(StaffAuditEntry::outcome).containsExactly("started", "requested");
        assertThat(vm.noticeProperty().get().key()).isEqualTo("staff.system.started.shut_down");
    }

    @Test
    void inDemoModeARestartIsSimulatedAndSaysSo() {
        system.simulated = true;
        StaffDashboardViewModel vm = dashboard();

        vm.askSystem(SystemActions.Action.RESTART_APP);
        vm.confirmSystem();

        assertThat(vm.systemSimulated()).isTrue();
        assertThat(vm.noticeProperty().get().key()).isEqualTo("staff.system.simulated.restart_app");
        assertThat(lastAudit().outcome()).isEqualTo("simulated (demo mode): nothing was done");
    }

    @Test
    void aRefusedRebootSaysWhatTheSystemSaid() {
        system.answer = new SystemActions.Outcome.Failed("Access denied");
        StaffDashboardViewModel vm = dashboard();

        vm.askSystem(SystemActions.Action.REBOOT);
        vm.confirmSystem();

        assertThat(vm.noticeProperty().get()).isEqualTo(new Notice("staff.system.failed", List.of("Access denied")));
        assertThat(lastAudit().outcome()).isEqualTo("failed: Access denied");
    }

    @Test
    void leavingEndsStaffModeIsRecordedAndGoesBackToThePatrons() {
        StaffDashboardViewModel vm = dashboard();
        vm.open();

        vm.leave();

        assertThat(session.active()).isFalse();
        assertThat(left.get()).isEqualTo(1);
        assertThat(lastAudit()).extracting(StaffAuditEntry::staff, StaffAuditEntry::action).containsExactly("****1234", "leave staff mode");
    }

    @Test
    void closingTheDashboardStopsALightTestAndDropsAQuestionLeftOpen() {
        StaffDashboardViewModel vm = dashboard();
        vm.open();
        vm.testLight();
        vm.askSystem(SystemActions.Action.REBOOT);

        vm.closed();
        vm.confirmSystem();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(lightRestored.get()).isEqualTo(1);
        assertThat(indicator.shown).containsExactly(LightState.READY);
        assertThat(system.performed).isEmpty();
    }

    @Test
    void theLogShowsTheNewestLinesFirstFilteredByLevel() {
        log = StaffFakes.log(clock, Level.INFO, "started", Level.WARN, "slow answer", Level.ERROR, "outbox failed",
                Level.DEBUG, "detail");
        StaffDashboardViewModel vm = dashboard();
        vm.show(Section.LOG);
        assertThat(vm.logLines()).extracting(LogRing.Line::message).containsExactly("detail", "outbox failed", "slow answer", "started");

        vm.setLogFilter(LogFilter.WARN);

        assertThat(vm.logLines()).extracting(LogRing.Line::message).containsExactly("outbox failed", "slow answer");
    }

    @Test
    void theHistoryShowsTheRecentStaffActionsNewestFirst() {
        StaffDashboardViewModel vm = dashboard();
        vm.testBuzzer();
        vm.testLight();

        vm.show(Section.HISTORY);

        assertThat(vm.history()).extracting(StaffAuditEntry::action).containsExactly("status light test", "buzzer test");
    }
}

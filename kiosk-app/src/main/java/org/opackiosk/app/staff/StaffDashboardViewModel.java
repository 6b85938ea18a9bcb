package org.opackiosk.app.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.IndexStats;
import org.opackiosk.core.catalogue.SyncProgress;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.config.UiSettings.TextSize;
import org.opackiosk.core.connectivity.RequestFailures;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OperationKind;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.core.privacy.CardNumbers;
import org.opackiosk.core.staff.ServerStatus;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.core.staff.StaffEntry;
import org.opackiosk.core.staff.StaffSession;
import org.opackiosk.core.staff.SystemActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff dashboard (issue 8): one section at a time of server, catalogue index, offline queue, devices, this kiosk,
 * log and audit history, and every action staff can take from them. Each action is recorded in the staff audit
 * (who, what, outcome) after it ends. Nothing of a patron is held here but masked card numbers in the queue.
 *
 * <p>UI thread. Everything that blocks (the network, the disk, a command) runs on the {@link Scheduler} and comes
 * back through the {@link UiDispatcher}; so does recording in the audit.
 */
public final class StaffDashboardViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StaffDashboardViewModel.class);

    public enum Section { SERVER, CATALOGUE, QUEUE, DEVICES, KIOSK, SETTINGS, LOG, HISTORY }

    /** What the last action did, as a message key and its arguments, for the screen to say in the staff's language. */
    public record Notice(String key, List<Object> args) {
        public Notice {
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }

        static Notice of(String key, Object... args) {
            return new Notice(key, List.of(args));
        }
    }

    /**
     * One operation in the offline queue as staff see it: never more of the patron than the masked card number.
     *
     * @param maskedCard  the card scanned offline, masked; empty when the patron was logged in (the server's id only)
     * @param refusalKey  the server's refusal as a message key for {@link org.opackiosk.core.circulation.RefusalMessages}
     *                    (the sentence the patron gets, in the staff's language); empty when there is none
     * @param note        the kiosk's last error or note, technical and in English, for the technician; empty when none
     * @param item        which item or hold the operation is about
     * @param refusalCode the server's own code for the refusal (e.g. {@code too_many_reserves}), for the technician
     */
    public record QueueRow(UUID id, long sequence, OperationKind kind, Instant createdAt, OutboxState state,
                           Optional<String> maskedCard, Optional<String> refusalKey, Optional<String> note,
                           Item item, Optional<String> refusalCode) {
    }

    /**
     * What a queued operation is about, so that staff can tell which book before they retry or discard it.
     *
     * @param recordIds the records of a hold (several: a series in order); empty for an operation on a hold or loan
     * @param title     the first record's title from the local index; empty when the index does not know it
     * @param holdId    the server's hold an operation changes or cancels
     * @param loanId    the server's checkout a renewal is for
     * @param libraryId the pickup library asked for (a new hold, or a change of pickup)
     */
    public record Item(List<String> recordIds, Optional<String> title, Optional<String> holdId, Optional<String> loanId,
                       Optional<String> libraryId) {
        public Item {
            recordIds = List.copyOf(recordIds);
        }
    }

    /** The last scan read in the test area: what it contained, made visible. */
    public record ScanReading(String visibleText, int length, Symbology symbology, ScanSource source, Instant at) {
    }

    /** Why staff discard an operation: one of these, chosen by touch (no keyboard needed). */
    public enum DiscardReason { DONE_AT_COUNTER, DUPLICATE, PATRON_WITHDREW, TEST }

    /** Level filter of the log section: this level and above. */
    public enum LogFilter {
        ALL(Level.ALL), INFO(Level.INFO), WARN(Level.WARN), ERROR(Level.ERROR);

        private final Level level;

        LogFilter(Level level) {
            this.level = level;
        }

        boolean shows(Level l) {
            return l.isGreaterOrEqual(level);
        }
    }

    static final Duration LIGHT_STEP = Duration.ofSeconds(2);
    static final Duration CAMERA_WAIT = Duration.ofSeconds(30);
    static final int HISTORY_SIZE = 50;
    private static final List<LightState> LIGHT_SEQUENCE = List.of(LightState.READY, LightState.WORKING,
            LightState.OFFLINE, LightState.FAULT);

    private final StaffDashboardPorts ports;
    private final StaffSession session;
    private final LiveSettings settings;
    private final Supplier<KioskDevices> devices;
    private final Runnable restoreLight;
    private final Clock clock;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private Runnable onLeave = () -> { };
    private Optional<java.nio.file.Path> keepIn = Optional.empty();

    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(this, "section", Section.SERVER);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyStringWrapper staff = new ReadOnlyStringWrapper(this, "staff", "");
    // server
    private final ReadOnlyObjectWrapper<ServerStatus> serverStatus = new ReadOnlyObjectWrapper<>(this, "serverStatus");
    private final ReadOnlyBooleanWrapper checkingServer = new ReadOnlyBooleanWrapper(this, "checkingServer");
    private final ReadOnlyObjectWrapper<Optional<RequestFailures.Failure>> lastRequestFailure =
            new ReadOnlyObjectWrapper<>(this, "lastRequestFailure", Optional.empty());
    // catalogue
    private final ReadOnlyObjectWrapper<IndexStats> indexStats = new ReadOnlyObjectWrapper<>(this, "indexStats");
    private final ReadOnlyObjectWrapper<Optional<Instant>> lastRebuild =
            new ReadOnlyObjectWrapper<>(this, "lastRebuild", Optional.empty());
    private final ReadOnlyObjectWrapper<SyncProgress> syncProgress = new ReadOnlyObjectWrapper<>(this, "syncProgress", SyncProgress.NONE);
    private final ReadOnlyBooleanWrapper syncRunning = new ReadOnlyBooleanWrapper(this, "syncRunning");
    // queue
    private final ObservableList<QueueRow> queue = FXCollections.observableArrayList();
    // the read-only views are made once: a view listens to its list weakly, so a view made per call loses its listeners
    private final ObservableList<QueueRow> queueView = FXCollections.unmodifiableObservableList(queue);
    private final ReadOnlyObjectWrapper<QueueRow> discarding = new ReadOnlyObjectWrapper<>(this, "discarding");
    // devices
    private final ReadOnlyObjectWrapper<ScanReading> lastScan = new ReadOnlyObjectWrapper<>(this, "lastScan");
    private final ReadOnlyObjectWrapper<ScannerStatus> scannerStatus = new ReadOnlyObjectWrapper<>(this, "scannerStatus", ScannerStatus.NONE);
    private final ReadOnlyStringWrapper scannerDescription = new ReadOnlyStringWrapper(this, "scannerDescription", "");
    private final ReadOnlyObjectWrapper<Optional<PrinterStatus>> printerStatus =
            new ReadOnlyObjectWrapper<>(this, "printerStatus", Optional.empty());
    private final ReadOnlyObjectWrapper<LightState> lightTest = new ReadOnlyObjectWrapper<>(this, "lightTest");
    private final ReadOnlyBooleanWrapper cameraWaiting = new ReadOnlyBooleanWrapper(this, "cameraWaiting");
    private final ReadOnlyObjectWrapper<ScanReading> cameraResult = new ReadOnlyObjectWrapper<>(this, "cameraResult");
    private Scheduler.Cancellable cameraTimeout;
    private final List<Scheduler.Cancellable> lightSteps = new ArrayList<>();
    // this kiosk
    private final ReadOnlyObjectWrapper<HostFacts.Snapshot> host = new ReadOnlyObjectWrapper<>(this, "host");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ObservableList<Library> libraries = FXCollections.observableArrayList();
    private final ObservableList<Library> librariesView = FXCollections.unmodifiableObservableList(libraries);
    private final ReadOnlyStringWrapper branch = new ReadOnlyStringWrapper(this, "branch");
    private final ReadOnlyStringWrapper defaultPickup = new ReadOnlyStringWrapper(this, "defaultPickup");
    private final ReadOnlyObjectWrapper<Locale> defaultLanguage = new ReadOnlyObjectWrapper<>(this, "defaultLanguage");
    private final ReadOnlyObjectWrapper<TextSize> defaultTextSize = new ReadOnlyObjectWrapper<>(this, "defaultTextSize");
    private final ReadOnlyObjectWrapper<SystemActions.Action> confirmingSystem = new ReadOnlyObjectWrapper<>(this, "confirmingSystem");
    // log and history
    private final ReadOnlyObjectWrapper<LogFilter> logFilter = new ReadOnlyObjectWrapper<>(this, "logFilter", LogFilter.ALL);
    private final ObservableList<LogRing.Line> logLines = FXCollections.observableArrayList();
    private final ObservableList<LogRing.Line> logLinesView = FXCollections.unmodifiableObservableList(logLines);
    private final ObservableList<StaffAuditEntry> history = FXCollections.observableArrayList();
    private final ObservableList<StaffAuditEntry> historyView = FXCollections.unmodifiableObservableList(history);

    /**
     * @param devices      the devices attached now (they may be attached after the dashboard is built)
     * @param restoreLight puts the status light back to what the kiosk's state says, after a light test
     */
    public StaffDashboardViewModel(StaffDashboardPorts ports, StaffSession session, LiveSettings settings,
                                   Supplier<KioskDevices> devices, Runnable restoreLight, Clock clock, Scheduler scheduler,
                                   UiDispatcher dispatcher) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.session = Objects.requireNonNull(session, "session");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.restoreLight = Objects.requireNonNull(restoreLight, "restoreLight");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        ports.catalogue().ifPresent(c -> c.addListener(p -> dispatcher.dispatch(() -> syncProgress.set(p))));
    }

    /** What happens after staff leave (the frame goes to the attract screen). */
    public void setOnLeave(Runnable action) {
        onLeave = Objects.requireNonNull(action, "action");
    }

    // ---- the dashboard as a whole

    /** The dashboard was opened: everything is read afresh, the server checked. */
    public void open() {
        staff.set(session.staff().orElse(""));
        notice.set(null);
        discarding.set(null);
        confirmingSystem.set(null);
        readSettings();
        refreshDevices();
        refreshLog();
        checkServer();
        refreshCatalogue();
        refreshQueue();
        refreshKiosk();
        refreshHistory();
    }

    public void show(Section s) {
        section.set(Objects.requireNonNull(s, "s"));
        notice.set(null); // what the last action did belongs to the section it was done in
        discarding.set(null);
        confirmingSystem.set(null);
        switch (s) {
            case LOG -> refreshLog();
            case HISTORY -> refreshHistory();
            case DEVICES -> refreshDevices();
            case QUEUE -> refreshQueue();
            case KIOSK, SETTINGS -> refreshKiosk();
            case CATALOGUE -> refreshCatalogue();
            case SERVER -> {
                // checked on opening and on request: a handshake per tab touch would be noise in the server's log
            }
        }
    }

    /** Staff leave maintenance mode: recorded, the session ended, back to the patrons' start screen. */
    public void leave() {
        cancelTests();
        record(StaffEntry.ACTION_LEAVE, "left");
        session.end();
        staff.set("");
        onLeave.run();
    }

    /**
     * The dashboard is no longer shown (its leave button, the top bar's Home, staff mode's idle exit): the device
     * tests stop and no question is left waiting. Closing maintenance mode itself, and recording it, is staff entry's.
     */
    public void closed() {
        cancelTests();
        discarding.set(null);
        confirmingSystem.set(null);
    }

    // ---- server

    public void checkServer() {
        if (checkingServer.get()) {
            return;
        }
        checkingServer.set(true);
        scheduler.execute(() -> {
            ServerStatus status = ports.server().check();
            // the kiosk's real requests can fail while the check passes (a hold route refused, a stall): both are shown
            Optional<RequestFailures.Failure> failure = ports.lastRequestFailure().get();
            dispatcher.dispatch(() -> {
                checkingServer.set(false);
                serverStatus.set(status);
                lastRequestFailure.set(failure);
            });
        });
    }

    // ---- catalogue

    public void refreshCatalogue() {
        ports.catalogue().ifPresent(c -> scheduler.execute(() -> {
            IndexStats stats = c.stats();
            Optional<Instant> rebuilt = c.lastRebuild();
            SyncProgress progress = c.progress();
            dispatcher.dispatch(() -> {
                indexStats.set(stats);
                lastRebuild.set(rebuilt);
                syncProgress.set(progress);
            });
        }));
    }

    public boolean hasCatalogue() {
        return ports.catalogue().isPresent();
    }

    /** Fetches what changed on the server now (or resumes an interrupted run). */
    public void syncNow() {
        runSync("sync catalogue now", false);
    }

    /** Builds the index afresh beside the searchable one; searching goes on meanwhile. */
    public void rebuild() {
        runSync("rebuild catalogue", true);
    }

    private void runSync(String action, boolean full) {
        if (ports.catalogue().isEmpty() || syncRunning.get()) {
            return;
        }
        CatalogueMaintenance catalogue = ports.catalogue().get();
        syncRunning.set(true);
        notice.set(Notice.of(full ? "staff.catalogue.rebuilding" : "staff.catalogue.syncing"));
        String who = who();
        scheduler.execute(() -> {
            CatalogueSync.Outcome outcome = full ? catalogue.rebuild() : catalogue.sync();
            String result = switch (outcome) {
                case CatalogueSync.Outcome.Completed c -> "completed: " + c.written() + " written, " + c.deleted() + " deleted";
                case CatalogueSync.Outcome.Failed f -> "failed: " + f.detail();
            };
            recordNow(who, action, result);
            IndexStats stats = catalogue.stats();
            Optional<Instant> rebuilt = catalogue.lastRebuild();
            dispatcher.dispatch(() -> {
                syncRunning.set(false);
                indexStats.set(stats);
                lastRebuild.set(rebuilt);
                syncProgress.set(catalogue.progress());
                notice.set(switch (outcome) {
                    case CatalogueSync.Outcome.Completed c -> Notice.of("staff.catalogue.done", c.written(), c.deleted());
                    case CatalogueSync.Outcome.Failed f -> Notice.of("staff.catalogue.failed", f.detail());
                });
            });
        });
    }

    // ---- offline queue

    public void refreshQueue() {
        scheduler.execute(() -> {
            List<QueueRow> rows = currentQueue();
            dispatcher.dispatch(() -> queue.setAll(rows));
        });
    }

    /** On a worker: the title comes from the local index (the disk, not the network). */
    private QueueRow row(OutboxEntry e) {
        Optional<String> card = e.operation().patron() instanceof PatronRef.Card c
                ? Optional.of(CardNumbers.mask(c.cardNumber())) : Optional.empty();
        return new QueueRow(e.id(), e.sequence(), e.kind(), e.createdAt(), e.state(), card,
                e.refusal().map(r -> r.messageKey()), e.lastError(), item(e.operation()), e.refusal().map(r -> r.code()));
    }

    private Item item(Operation op) {
        return switch (op) {
            case Operation.PlaceHold h -> new Item(h.recordIds(), title(h.recordIds().get(0)), Optional.empty(), Optional.empty(),
                    Optional.of(h.pickupLibraryId()));
            case Operation.CancelHold c -> new Item(List.of(), Optional.empty(), Optional.of(c.holdId()), Optional.empty(),
                    Optional.empty());
            case Operation.ChangePickupLibrary c -> new Item(List.of(), Optional.empty(), Optional.of(c.holdId()),
                    Optional.empty(), Optional.of(c.libraryId()));
            case Operation.ChangeContactMethod c -> new Item(List.of(), Optional.empty(), Optional.of(c.holdId()),
                    Optional.empty(), Optional.empty());
            case Operation.DismissCancelledHold d -> new Item(List.of(), Optional.empty(), Optional.of(d.holdId()),
                    Optional.empty(), Optional.empty());
            case Operation.RenewLoan r -> new Item(List.of(), Optional.empty(), Optional.empty(), Optional.of(r.checkoutId()),
                    Optional.empty());
        };
    }

    private Optional<String> title(String recordId) {
        try {
            return ports.catalogue().flatMap(c -> c.title(recordId));
        } catch (RuntimeException e) {
            // the row still says which record by its id
            LOG.warn("Title of record {} not read from the local index for the staff queue", recordId, e);
            return Optional.empty();
        }
    }

    /** The name of a library the server listed (read when the dashboard opened), or its id when it is not known. */
    public String libraryName(String libraryId) {
        return libraries.stream().filter(l -> l.id().equals(libraryId)).map(Library::name).findFirst().orElse(libraryId);
    }

    /** Why the queue is not durable now (its database had to start over, or cannot be used); empty when all is well. */
    public Optional<String> queueWarning() {
        return ports.outbox().staffWarning();
    }

    /** A refused or stuck operation goes back in the queue, due now, and replay is asked to run. */
    public void retry(UUID id) {
        String who = who();
        String what = describe(id);
        scheduler.execute(() -> {
            boolean requeued = ports.outbox().requeue(id);
            if (requeued) {
                ports.replayNow().run();
            }
            recordNow(who, "retry " + what, requeued ? "back in the queue" : "not changed (no longer waiting)");
            List<QueueRow> rows = currentQueue();
            dispatcher.dispatch(() -> {
                queue.setAll(rows);
                notice.set(Notice.of(requeued ? "staff.queue.retried" : "staff.queue.unchanged"));
            });
        });
    }

    /** Discarding asks why first: the row waits for a reason. */
    public void askDiscard(UUID id) {
        queue.stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(discarding::set);
    }

    public void cancelDiscard() {
        discarding.set(null);
    }

    /** Removes the operation asked about, for {@code reason}; recorded with the reason. */
    public void discard(DiscardReason reason) {
        Objects.requireNonNull(reason, "reason");
        QueueRow row = discarding.get();
        if (row == null) {
            return;
        }
        discarding.set(null);
        String who = who();
        String what = describe(row);
        scheduler.execute(() -> {
            String why = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            // the outbox keeps it as refused, with who and why, and never sends it (ADR 0048)
            boolean gone = ports.outbox().discard(row.id(), "discarded by staff " + who + " on the kiosk: " + why);
            recordNow(who, "discard " + what + " because " + why, gone ? "discarded" : "not discarded (already done or gone)");
            List<QueueRow> rows = currentQueue();
            dispatcher.dispatch(() -> {
                queue.setAll(rows);
                notice.set(Notice.of(gone ? "staff.queue.discarded" : "staff.queue.notDiscarded"));
            });
        });
    }

    // what still needs a decision: discarded entries stay in the outbox as refused, but are done with
    private List<QueueRow> currentQueue() {
        return ports.outbox().list(OutboxState.PENDING, OutboxState.SENDING, OutboxState.REFUSED, OutboxState.NEEDS_STAFF)
                .stream().filter(e -> !e.refusal().equals(Optional.of(Outbox.DISCARDED))).map(this::row).toList();
    }

    private String describe(UUID id) {
        return queue.stream().filter(r -> r.id().equals(id)).findFirst().map(StaffDashboardViewModel::describe)
                .orElse("operation " + id);
    }

    private static String describe(QueueRow row) {
        return row.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " #" + row.sequence()
                + row.maskedCard().map(c -> " card " + c).orElse("");
    }

    // ---- devices

    public void refreshDevices() {
        KioskDevices d = devices.get();
        scannerStatus.set(d.scanner().status());
        scannerDescription.set(d.scanner().describe());
        Optional<ReceiptPrinter> printer = d.printer();
        if (printer.isEmpty()) {
            printerStatus.set(Optional.empty());
        } else {
            scheduler.execute(() -> {
                PrinterStatus status = printer.get().status();
                dispatcher.dispatch(() -> printerStatus.set(Optional.of(status)));
            });
        }
    }

    /** Every scan while the dashboard is open lands in the test area (and answers a camera test). */
    public void scanned(ScanEvent scan) {
        ScanReading reading = new ScanReading(ScanText.visible(scan.text()), scan.text().length(), scan.symbology(),
                scan.source(), clock.instant());
        lastScan.set(reading);
        if (cameraWaiting.get() && scan.source() == ScanSource.CAMERA) {
            cameraWaiting.set(false);
            cancel(cameraTimeout);
            cameraResult.set(reading);
            record("camera test", "decoded one frame: " + scan.symbology() + ", " + scan.text().length() + " characters");
        }
    }

    public boolean hasPrinter() {
        return devices.get().printer().isPresent();
    }

    public void testPrint() {
        Optional<ReceiptPrinter> printer = devices.get().printer();
        if (printer.isEmpty()) {
            notice.set(Notice.of("staff.devices.noPrinter"));
            return;
        }
        String who = who();
        Instant at = clock.instant();
        String branchId = settings.branch();
        notice.set(Notice.of("staff.devices.printing"));
        scheduler.execute(() -> {
            Slip slip = Slip.builder().heading("TEST / テスト").text(ports.config().library().nameJa())
                    .text(ports.config().library().nameEn() + " (" + branchId + ")").text(at.toString())
                    .barcode(Slip.BarcodeType.CODE39, "TEST123").qr("OPAC KIOSK TEST").rule().build();
            PrintResult result = printer.get().print(slip);
            PrinterStatus status = printer.get().status();
            recordNow(who, "test print", switch (result) {
                case PrintResult.Printed p -> "printed";
                case PrintResult.NotPrinted n -> "not printed: " + n.status() + " " + n.detail();
            });
            dispatcher.dispatch(() -> {
                printerStatus.set(Optional.of(status));
                notice.set(switch (result) {
                    case PrintResult.Printed p -> Notice.of("staff.devices.printed");
                    case PrintResult.NotPrinted n -> Notice.of("staff.devices.notPrinted", n.status().name(), n.detail());
                });
            });
        });
    }

    /** Shows green, amber, red blinking and red, {@link #LIGHT_STEP} each, then the light's real state again. */
    public void testLight() {
        cancelLight();
        var indicator = devices.get().indicator();
        for (int i = 0; i < LIGHT_SEQUENCE.size(); i++) {
            LightState state = LIGHT_SEQUENCE.get(i);
            Runnable step = () -> {
                indicator.show(state);
                lightTest.set(state);
            };
            if (i == 0) {
                step.run();
            } else {
                lightSteps.add(scheduler.schedule(LIGHT_STEP.multipliedBy(i), () -> dispatcher.dispatch(step)));
            }
        }
        lightSteps.add(scheduler.schedule(LIGHT_STEP.multipliedBy(LIGHT_SEQUENCE.size()), () -> dispatcher.dispatch(() -> {
            lightSteps.clear();
            lightTest.set(null);
            restoreLight.run();
        })));
        record("status light test", "green, amber, red blinking, red shown");
    }

    public void testBuzzer() {
        var indicator = devices.get().indicator();
        indicator.beep(Beep.GOOD_SCAN);
        lightSteps.add(scheduler.schedule(Duration.ofSeconds(1), () -> dispatcher.dispatch(() -> indicator.beep(Beep.REJECTED))));
        notice.set(Notice.of("staff.devices.beeped"));
        record("buzzer test", "one beep, then two");
    }

    public boolean hasCamera() {
        return ports.config().devices().scanner().type() == DeviceSettings.ScannerSettings.Type.CAMERA;
    }

    /** Waits for one decoded camera frame (up to {@link #CAMERA_WAIT}); the code shown is what the camera read. */
    public void testCamera() {
        if (!hasCamera()) {
            notice.set(Notice.of("staff.devices.noCamera"));
            return;
        }
        cameraResult.set(null);
        cameraWaiting.set(true);
        cancel(cameraTimeout);
        cameraTimeout = scheduler.schedule(CAMERA_WAIT, () -> dispatcher.dispatch(() -> {
            if (cameraWaiting.get()) {
                cameraWaiting.set(false);
                notice.set(Notice.of("staff.devices.cameraNothing", CAMERA_WAIT.toSeconds()));
                record("camera test", "nothing decoded in " + CAMERA_WAIT.toSeconds() + " s");
            }
        }));
    }

    private void cancelTests() {
        if (!lightSteps.isEmpty()) {
            cancelLight();
            lightTest.set(null);
            restoreLight.run();
        }
        cameraWaiting.set(false);
        cancel(cameraTimeout);
    }

    private void cancelLight() {
        lightSteps.forEach(Scheduler.Cancellable::cancel);
        lightSteps.clear();
    }

    private static void cancel(Scheduler.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    // ---- this kiosk: facts, settings and the box

    public void refreshKiosk() {
        now.set(clock.instant());
        readSettings();
        scheduler.execute(() -> {
            HostFacts.Snapshot snapshot = ports.host().read();
            CallResult<List<Library>> answer = ports.libraries().libraries();
            dispatcher.dispatch(() -> {
                host.set(snapshot);
                if (answer instanceof CallResult.Ok<List<Library>> ok) {
                    libraries.setAll(ok.value());
                }
            });
        });
    }

    public List<ConfigSummary.Entry> configuration() {
        return ConfigSummary.of(ports.config());
    }

    private void readSettings() {
        branch.set(settings.branch());
        defaultPickup.set(settings.defaultPickup());
        defaultLanguage.set(settings.defaultLanguage());
        defaultTextSize.set(settings.defaultTextSize());
    }

    public void chooseBranch(String branchId) {
        String before = settings.branch();
        if (before.equals(branchId)) {
            return;
        }
        settings.setBranch(branchId);
        readSettings();
        changed("branch", before, branchId);
    }

    public void chooseDefaultPickup(String branchId) {
        String before = settings.defaultPickup();
        if (before.equals(branchId)) {
            return;
        }
        settings.setDefaultPickup(branchId);
        readSettings();
        changed("default pickup branch", before, branchId);
    }

    public void chooseDefaultLanguage(Locale language) {
        Locale before = settings.defaultLanguage();
        if (before.equals(language)) {
            return;
        }
        settings.setDefaultLanguage(language);
        readSettings();
        changed("default language", before.getLanguage(), language.getLanguage());
    }

    public void chooseDefaultTextSize(TextSize size) {
        TextSize before = settings.defaultTextSize();
        if (before == size) {
            return;
        }
        settings.setDefaultTextSize(size);
        readSettings();
        changed("default text size", before.name().toLowerCase(Locale.ROOT), size.name().toLowerCase(Locale.ROOT));
    }

    private void changed(String what, String before, String after) {
        keep("change " + what + " from " + before + " to " + after);
    }

    /**
     * From now on staff's setting changes are kept in {@code stateDirectory} ({@link SettingsOverrides}) and survive a
     * restart; without it they last until the kiosk restarts.
     */
    public void keepSettingsIn(java.nio.file.Path stateDirectory) {
        keepIn = Optional.of(stateDirectory);
    }

    /** What staff changed against the configuration, now; {@link SettingsOverrides#NONE} when nothing. */
    public SettingsOverrides overrides() {
        var ui = ports.config().ui();
        String configuredBranch = ports.config().library().branchId();
        return new SettingsOverrides(Optional.of(settings.branch()).filter(b -> !b.equals(configuredBranch)),
                Optional.of(settings.defaultPickup()).filter(b -> !b.equals(configuredBranch)),
                Optional.of(settings.defaultLanguage()).filter(l -> !l.equals(ui.defaultLanguage())),
                Optional.of(settings.defaultTextSize()).filter(t -> t != ui.textSize()));
    }

    /** Whether the changes are kept across a restart (the screen says which). */
    public boolean keepsSettings() {
        return keepIn.isPresent();
    }

    /** Every setting staff changed goes back to the configuration's value; recorded. */
    public void backToConfigured() {
        SettingsOverrides before = overrides();
        if (before.isEmpty()) {
            return;
        }
        var ui = ports.config().ui();
        String configuredBranch = ports.config().library().branchId();
        settings.setBranch(configuredBranch);
        settings.setDefaultPickup(configuredBranch);
        settings.setDefaultLanguage(ui.defaultLanguage());
        settings.setDefaultTextSize(ui.textSize());
        readSettings();
        keep("back to the configured settings (were " + describe(before) + ")");
    }

    private static String describe(SettingsOverrides o) {
        List<String> parts = new ArrayList<>();
        o.branch().ifPresent(v -> parts.add("branch " + v));
        o.defaultPickup().ifPresent(v -> parts.add("default pickup branch " + v));
        o.language().ifPresent(v -> parts.add("default language " + v.getLanguage()));
        o.textSize().ifPresent(v -> parts.add("default text size " + v.name().toLowerCase(Locale.ROOT)));
        return String.join(", ", parts);
    }

    // saved on a worker (the disk), then recorded with whether it was kept
    private void keep(String action) {
        String who = who();
        SettingsOverrides overrides = overrides();
        Optional<java.nio.file.Path> dir = keepIn;
        scheduler.execute(() -> {
            boolean kept = false;
            String outcome = "applied until the kiosk restarts (not saved)";
            if (dir.isPresent()) {
                try {
                    overrides.save(dir.get());
                    kept = true;
                    outcome = "applied and kept across restarts";
                } catch (java.io.UncheckedIOException e) {
                    LOG.error("Staff settings not saved; they apply until the kiosk restarts", e);
                    outcome = "applied until the kiosk restarts (not saved: " + e.getMessage() + ")";
                }
            }
            recordNow(who, action, outcome);
            boolean wasKept = kept;
            dispatcher.dispatch(() -> notice.set(Notice.of(wasKept ? "staff.kiosk.changedKept" : "staff.kiosk.changed")));
        });
    }

    public boolean systemSimulated() {
        return ports.system().simulated();
    }

    /** Restart, reboot and shut down are confirmed on a second step; this is the first. */
    public void askSystem(SystemActions.Action action) {
        confirmingSystem.set(Objects.requireNonNull(action, "action"));
    }

    public void cancelSystem() {
        confirmingSystem.set(null);
    }

    public void confirmSystem() {
        SystemActions.Action action = confirmingSystem.get();
        if (action == null) {
            return;
        }
        confirmingSystem.set(null);
        String who = who();
        String what = switch (action) {
            case RESTART_APP -> "restart the kiosk app";
            case REBOOT -> "reboot";
            case SHUT_DOWN -> "shut down";
        };
        scheduler.execute(() -> {
            // recorded before it happens as well as after: after a real reboot there is no "after"
            recordNow(who, what, "requested");
            SystemActions.Outcome outcome = ports.system().perform(action);
            recordNow(who, what, switch (outcome) {
                case SystemActions.Outcome.Started s -> "started";
                case SystemActions.Outcome.Simulated s -> "simulated (demo mode): nothing was done";
                case SystemActions.Outcome.Failed f -> "failed: " + f.detail();
            });
            dispatcher.dispatch(() -> notice.set(switch (outcome) {
                case SystemActions.Outcome.Started s -> Notice.of("staff.system.started." + action.name().toLowerCase(Locale.ROOT));
                case SystemActions.Outcome.Simulated s -> Notice.of("staff.system.simulated." + action.name().toLowerCase(Locale.ROOT));
                case SystemActions.Outcome.Failed f -> Notice.of("staff.system.failed", f.detail());
            }));
        });
    }

    // ---- log and history

    public void setLogFilter(LogFilter filter) {
        logFilter.set(Objects.requireNonNull(filter, "filter"));
        refreshLog();
    }

    public void refreshLog() {
        LogFilter filter = logFilter.get();
        // newest first: what staff look for is what just went wrong
        logLines.setAll(ports.log().lines().reversed().stream().filter(l -> filter.shows(l.level())).toList());
    }

    public void refreshHistory() {
        scheduler.execute(() -> {
            List<StaffAuditEntry> recent = ports.audit().recent(HISTORY_SIZE);
            dispatcher.dispatch(() -> history.setAll(recent));
        });
    }

    // ---- the audit

    private String who() {
        return session.staff().orElse("?");
    }

    /** Records from the UI thread: the write happens on a worker, then the history shows it. */
    private void record(String action, String outcome) {
        String who = who();
        scheduler.execute(() -> recordNow(who, action, outcome));
    }

    /** On a worker thread. A failing audit store is logged and does not undo what staff did. */
    private void recordNow(String who, String action, String outcome) {
        try {
            ports.audit().record(new StaffAuditEntry(clock.instant(), who, action, outcome));
        } catch (RuntimeException e) {
            LOG.error("Staff action not recorded in the audit: {} by {}: {}", action, who, outcome, e);
        }
        List<StaffAuditEntry> recent = ports.audit().recent(HISTORY_SIZE);
        dispatcher.dispatch(() -> history.setAll(recent));
    }

    // ---- state for the screen

    /** The kiosk's time zone, for showing instants. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty staffProperty() {
        return staff.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ServerStatus> serverStatusProperty() {
        return serverStatus.getReadOnlyProperty();
    }

    /** The last real request to the server that failed (time, operation, detail); empty when none has. */
    public ReadOnlyObjectProperty<Optional<RequestFailures.Failure>> lastRequestFailureProperty() {
        return lastRequestFailure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingServerProperty() {
        return checkingServer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IndexStats> indexStatsProperty() {
        return indexStats.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Instant>> lastRebuildProperty() {
        return lastRebuild.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncProgress> syncProgressProperty() {
        return syncProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncRunningProperty() {
        return syncRunning.getReadOnlyProperty();
    }

    public ObservableList<QueueRow> queue() {
        return queueView;
    }

    public ReadOnlyObjectProperty<QueueRow> discardingProperty() {
        return discarding.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScanReading> lastScanProperty() {
        return lastScan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScannerStatus> scannerStatusProperty() {
        return scannerStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scannerDescriptionProperty() {
        return scannerDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<PrinterStatus>> printerStatusProperty() {
        return printerStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LightState> lightTestProperty() {
        return lightTest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraWaitingProperty() {
        return cameraWaiting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScanReading> cameraResultProperty() {
        return cameraResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostFacts.Snapshot> hostProperty() {
        return host.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ObservableList<Library> libraries() {
        return librariesView;
    }

    public ReadOnlyStringProperty branchProperty() {
        return branch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty defaultPickupProperty() {
        return defaultPickup.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Locale> defaultLanguageProperty() {
        return defaultLanguage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TextSize> defaultTextSizeProperty() {
        return defaultTextSize.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SystemActions.Action> confirmingSystemProperty() {
        return confirmingSystem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LogFilter> logFilterProperty() {
        return logFilter.getReadOnlyProperty();
    }

    public ObservableList<LogRing.Line> logLines() {
        return logLinesView;
    }

    public ObservableList<StaffAuditEntry> history() {
        return historyView;
    }
}

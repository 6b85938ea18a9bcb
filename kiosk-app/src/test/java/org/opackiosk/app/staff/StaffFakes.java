package org.opackiosk.app.staff;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.core.catalogue.IndexStats;
import org.opackiosk.core.catalogue.SyncProgress;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.UiSettings.TextSize;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.staff.ServerStatus;
import org.opackiosk.core.staff.SystemActions;

/** Hand-written doubles of the dashboard's ports, shared by its view-model and screen tests. */
final class StaffFakes {

    private StaffFakes() {
    }

    static final ServerStatus HEALTHY = new ServerStatus(URI.create("https://koha.example.jp"), true,
            Optional.of(Duration.ofMillis(42)), Optional.of(true), OptionalLong.of(200), Optional.of(true), Optional.empty());

    static final HostFacts.Snapshot HOST = new HostFacts.Snapshot("1.0.0", Duration.ofHours(26).plusMinutes(5),
            OptionalLong.of(1_500_000_000L), OptionalLong.of(20_000_000_000L), Optional.of(true));

    static KioskConfig config(DeviceSettings.ScannerSettings.Type scanner) {
        KioskConfig demo = KioskConfig.demo(Path.of("target", "kiosk-state"));
        DeviceSettings.ScannerSettings settings = scanner == DeviceSettings.ScannerSettings.Type.CAMERA
                ? new DeviceSettings.ScannerSettings(scanner, Optional.empty(), 9600, "", DeviceSettings.Terminator.CR,
                        Duration.ofMillis(30), 6, List.of("rpicam-vid", "-o", "-"), Duration.ofSeconds(1))
                : DeviceSettings.ScannerSettings.NONE;
        return new KioskConfig(demo.source(), demo.library(), demo.server(), demo.ui(), demo.stateDirectory(), demo.cards(),
                demo.search(), demo.offline(), new DeviceSettings(DeviceSettings.Mode.SIMULATED, settings,
                        DeviceSettings.PrinterSettings.NONE, DeviceSettings.LightSettings.NONE));
    }

    /** A catalogue whose sync answers what the test sets, and tells its listeners as a real one would. */
    static final class FakeCatalogue implements CatalogueMaintenance {
        IndexStats stats = new IndexStats(347, 4_000_000, Optional.of(Instant.parse("2026-11-23T04:00:00Z")),
                Optional.of(Instant.parse("2026-11-23T04:00:00Z")),
                Optional.of(Instant.parse("2026-11-23T03:59:00Z")), Optional.empty());
        Optional<Instant> lastRebuild = Optional.of(Instant.parse("2026-11-22T18:00:00Z"));
        SyncProgress progress = SyncProgress.NONE;
        CatalogueSync.Outcome next = new CatalogueSync.Outcome.Completed(false, 3, 1);
        final List<String> runs = new ArrayList<>();
        private final List<Consumer<SyncProgress>> listeners = new ArrayList<>();

        @Override
        public IndexStats stats() {
            return stats;
        }

        @Override
        public Optional<Instant> lastRebuild() {
            return lastRebuild;
        }

        @Override
        public SyncProgress progress() {
            return progress;
        }

        @Override
        public void addListener(Consumer<SyncProgress> listener) {
            listeners.add(listener);
        }

        void publish(SyncProgress p) {
            progress = p;
            listeners.forEach(l -> l.accept(p));
        }

        @Override
        public CatalogueSync.Outcome sync() {
            runs.add("sync");
            return next;
        }

        @Override
        public CatalogueSync.Outcome rebuild() {
            runs.add("rebuild");
            return next;
        }

        /** The local index's titles by record id. */
        final java.util.Map<String, String> titles = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Optional<String> title(String recordId) {
            return Optional.ofNullable(titles.get(recordId));
        }
    }

    static final class FakeSystem implements SystemActions {
        final List<Action> performed = new ArrayList<>();
        boolean simulated;
        Outcome answer = new Outcome.Started();

        @Override
        public Outcome perform(Action action) {
            performed.add(action);
            return simulated ? new Outcome.Simulated() : answer;
        }

        @Override
        public boolean simulated() {
            return simulated;
        }
    }

    static final class FakeSettings implements LiveSettings {
        String branch = "CEN";
        String pickup = "CEN";
        Locale language = Locale.JAPANESE;
        TextSize size = TextSize.NORMAL;

        @Override
        public String branch() {
            return branch;
        }

        @Override
        public String defaultPickup() {
            return pickup;
        }

        @Override
        public Locale defaultLanguage() {
            return language;
        }

        @Override
        public TextSize defaultTextSize() {
            return size;
        }

        @Override
        public void setBranch(String branchId) {
            branch = branchId;
        }

        @Override
        public void setDefaultPickup(String branchId) {
            pickup = branchId;
        }

        @Override
        public void setDefaultLanguage(Locale l) {
            language = l;
        }

        @Override
        public void setDefaultTextSize(TextSize s) {
            size = s;
        }
    }

    static final class RecordingIndicator implements Indicator {
        final List<LightState> shown = new ArrayList<>();
        final List<Beep> beeps = new ArrayList<>();

        @Override
        public void show(LightState state) {
            shown.add(state);
        }

        @Override
        public void beep(Beep beep) {
            beeps.add(beep);
        }

        @Override
        public void close() {
        }
    }

    static final class FakePrinter implements ReceiptPrinter {
        final List<Slip> printed = new ArrayList<>();
        PrinterStatus status = PrinterStatus.READY;

        @Override
        public PrinterStatus status() {
            return status;
        }

        @Override
        public PrintResult print(Slip slip) {
            if (status != PrinterStatus.READY) {
                return new PrintResult.NotPrinted(status, "no paper");
            }
            printed.add(slip);
            return new PrintResult.Printed();
        }

        @Override
        public String describe() {
            return "test printer";
        }

        @Override
        public void close() {
        }
    }

    /** A serial scanner the test drives. */
    static final class FakeScanner implements org.opackiosk.core.device.Scanner {
        final org.opackiosk.core.device.Listeners<org.opackiosk.core.device.ScanEvent> scans = new org.opackiosk.core.device.Listeners<>();

        void scan(org.opackiosk.core.device.Symbology s, String text) {
            scans.fire(new org.opackiosk.core.device.ScanEvent(s, text, org.opackiosk.core.device.ScanSource.SERIAL));
        }

        @Override
        public org.opackiosk.core.device.Subscription onScan(Consumer<? super org.opackiosk.core.device.ScanEvent> listener) {
            return scans.add(listener);
        }

        @Override
        public org.opackiosk.core.device.Subscription onStatus(Consumer<? super org.opackiosk.core.device.ScannerStatus> listener) {
            return () -> { };
        }

        @Override
        public org.opackiosk.core.device.ScannerStatus status() {
            return org.opackiosk.core.device.ScannerStatus.READY;
        }

        @Override
        public String describe() {
            return "serial scanner on /dev/opac-scanner";
        }

        @Override
        public void close() {
        }
    }

    /** The key switch, turned by the test. */
    static final class FakeStaffKey implements org.opackiosk.core.device.StaffKey {
        private final org.opackiosk.core.device.Listeners<Boolean> changes = new org.opackiosk.core.device.Listeners<>();
        private boolean on;

        void turn(boolean to) {
            on = to;
            changes.fire(to);
        }

        @Override
        public org.opackiosk.core.device.Subscription onChange(Consumer<? super Boolean> listener) {
            return changes.add(listener);
        }

        @Override
        public boolean isOn() {
            return on;
        }

        @Override
        public void close() {
        }
    }

    /** A ring that has heard {@code lines} (level, message), oldest first. */
    static LogRing log(Clock clock, Object... levelsAndMessages) {
        LogRing ring = new LogRing();
        LoggerContext context = new LoggerContext();
        ring.setContext(context);
        ring.start();
        for (int i = 0; i < levelsAndMessages.length; i += 2) {
            LoggingEvent event = new LoggingEvent();
            event.setLevel((Level) levelsAndMessages[i]);
            event.setMessage((String) levelsAndMessages[i + 1]);
            event.setLoggerName("org.opackiosk.test.Thing");
            event.setTimeStamp(clock.millis());
            event.setLoggerContext(context);
            ring.doAppend(event);
        }
        return ring;
    }
}

package org.opackiosk.app.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.opackiosk.app.scan.ScanEvents;
import org.opackiosk.core.cards.ScannedCode;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.RequestsInFlight;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.Subscription;
import org.opackiosk.core.platform.UiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the devices' events to the UI thread and answers them: every scan (from a device scanner or
 * the wedge detector) counts as activity, is classified and published to the view models, and beeps
 * — once for a card or a book, twice for anything else; the scanner's status reaches the frame
 * (「スキャナーが接続されていません」); the status light follows the scanner, the connection and the
 * requests in flight.
 * UI thread except where noted.
 */
public final class DeviceBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceBridge.class);

    private final UiDispatcher dispatcher;
    private final ScanEvents scans;
    private final Runnable activity;
    private final Consumer<Boolean> scannerMissing;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private KioskDevices devices = KioskDevices.none();
    private StatusLight light = new StatusLight(devices.indicator());
    private boolean working;
    private boolean staffLocked;
    private Consumer<Boolean> staffKey = on -> { };
    private Consumer<ScanEvent> scanWatcher = scan -> { };

    /**
     * @param activity       a sign of a patron, for the idle timer
     * @param scannerMissing tells the frame whether to show the scanner as missing
     */
    public DeviceBridge(UiDispatcher dispatcher, ScanEvents scans, Runnable activity, Consumer<Boolean> scannerMissing) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.scans = Objects.requireNonNull(scans, "scans");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.scannerMissing = Objects.requireNonNull(scannerMissing, "scannerMissing");
    }

    /** Starts listening to {@code devices} (any thread; its events come back through the dispatcher). */
    public void attach(KioskDevices attached, ConnectivityMonitor connectivity) {
        dispatcher.dispatch(() -> {
            devices = Objects.requireNonNull(attached, "attached");
            light = new StatusLight(devices.indicator());
            light.working(working);
            light.staffLocked(staffLocked);
            subscriptions.add(devices.staffKey().onChange(on -> dispatcher.dispatch(() -> staffKey.accept(on))));
            subscriptions.add(devices.scanner().onScan(scan -> dispatcher.dispatch(() -> scanned(scan))));
            subscriptions.add(devices.scanner().onStatus(status -> dispatcher.dispatch(() -> scannerStatus(status))));
            scannerStatus(devices.scanner().status());
            LOG.info("Devices attached: {}", devices.scanner().describe());
        });
        connectivity.addListener(state -> dispatcher.dispatch(() -> light.connection(state)));
    }

    /** The light shows "working" while {@code requests} says the kiosk waits for the server (any thread). */
    public void followRequests(RequestsInFlight requests) {
        dispatcher.dispatch(() -> subscriptions.add(requests.addListener(busy -> dispatcher.dispatch(() -> {
            working = busy;
            light.working(busy);
        }))));
    }

    /** Where turning the staff key switch goes (UI thread): {@code true} turned on, {@code false} off. */
    public void onStaffKey(Consumer<Boolean> listener) {
        staffKey = Objects.requireNonNull(listener, "listener");
    }

    /** Staff entry is locked after wrong PINs, or no longer (UI thread): the light shows it. */
    public void staffLocked(boolean locked) {
        staffLocked = locked;
        light.staffLocked(locked);
    }

    public KioskDevices devices() {
        return devices;
    }

    /** A scan from any scanner (UI thread). */
    public void scanned(ScanEvent scan) {
        activity.run();
        scanWatcher.accept(scan);
        ScannedCode code = scans.publish(scan);
        LOG.info("Scanned {} from {}", code.getClass().getSimpleName(), scan);
        devices.indicator().beep(code instanceof ScannedCode.Other ? Beep.REJECTED : Beep.GOOD_SCAN);
    }

    /** Hears every scan as read, before it is classified (the staff dashboard's scan test). UI thread. */
    public void watchScans(Consumer<ScanEvent> watcher) {
        scanWatcher = Objects.requireNonNull(watcher, "watcher");
    }

    /** Shows on the status light what the kiosk's state says again (after staff tested the light). UI thread. */
    public void restoreLight() {
        light.refresh();
    }

    private void scannerStatus(ScannerStatus status) {
        scannerMissing.accept(status == ScannerStatus.MISSING);
        light.scanner(status);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
        devices.indicator().show(LightState.OFF);
    }
}

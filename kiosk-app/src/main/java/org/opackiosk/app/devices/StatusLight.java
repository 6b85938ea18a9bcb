package org.opackiosk.app.devices;

import java.util.Objects;

import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.ScannerStatus;

/**
 * What the status light shows, from what the kiosk knows: red when staff are needed (the configured
 * scanner is missing), amber while a request to the circulation server has been waiting a moment
 * (ADR 0024), red blinking when the server cannot be reached, green otherwise; red while staff entry is
 * locked after five wrong PINs (ADR 0070). UI thread only.
 */
public final class StatusLight {

    private final Indicator indicator;
    private ConnectionState connection = ConnectionState.CHECKING;
    private ScannerStatus scanner = ScannerStatus.NONE;
    private boolean working;
    private boolean staffLocked;

    public StatusLight(Indicator indicator) {
        this.indicator = Objects.requireNonNull(indicator, "indicator");
    }

    public void connection(ConnectionState state) {
        connection = Objects.requireNonNull(state, "state");
        update();
    }

    public void scanner(ScannerStatus status) {
        scanner = Objects.requireNonNull(status, "status");
        update();
    }

    /** Whether the kiosk is waiting for the circulation server (already debounced: see RequestsInFlight). */
    public void working(boolean busy) {
        working = busy;
        update();
    }

    /** Whether staff entry is locked after wrong PINs: the light asks for staff (fault) until it ends. */
    public void staffLocked(boolean locked) {
        staffLocked = locked;
        update();
    }

    static LightState of(ConnectionState connection, ScannerStatus scanner) {
        return of(connection, scanner, false);
    }

    static LightState of(ConnectionState connection, ScannerStatus scanner, boolean working) {
        if (scanner == ScannerStatus.MISSING) {
            return LightState.FAULT;
        }
        if (working) {
            return LightState.WORKING;
        }
        return switch (connection) {
            case ONLINE -> LightState.READY;
            case OFFLINE -> LightState.OFFLINE;
            case CHECKING -> LightState.WORKING;
        };
    }

    /** Shows the state again, e.g. after a light test showed something else. */
    public void refresh() {
        update();
    }

    private void update() {
        indicator.show(staffLocked ? LightState.FAULT : of(connection, scanner, working));
    }
}

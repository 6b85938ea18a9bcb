package org.opackiosk.app.devices;

import java.util.Objects;

import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.ScannerStatus;

/**
 * What the status light shows, from what the kiosk knows: red when staff are needed (the configured
 * scanner is missing), red blinking when the circulation server cannot be reached, green otherwise.
 * UI thread only.
 */
public final class StatusLight {

    private final Indicator indicator;
    private ConnectionState connection = ConnectionState.CHECKING;
    private ScannerStatus scanner = ScannerStatus.NONE;

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

    static LightState of(ConnectionState connection, ScannerStatus scanner) {
        if (scanner == ScannerStatus.MISSING) {
            return LightState.FAULT;
        }
        return switch (connection) {
            case ONLINE -> LightState.READY;
            case OFFLINE -> LightState.OFFLINE;
            case CHECKING -> LightState.WORKING;
        };
    }

    private void update() {
        indicator.show(of(connection, scanner));
    }
}

package org.opackiosk.device.simulated;

import java.util.function.Consumer;

import org.opackiosk.core.device.Listeners;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.device.Subscription;

/** A staff key the device panel turns. Thread-safe. */
public final class SimulatedStaffKey implements StaffKey {

    private final Listeners<Boolean> listeners = new Listeners<>();
    private volatile boolean on;

    public void turn(boolean nowOn) {
        if (nowOn != on) {
            on = nowOn;
            listeners.fire(nowOn);
        }
    }

    @Override
    public Subscription onChange(Consumer<? super Boolean> listener) {
        return listeners.add(listener);
    }

    @Override
    public boolean isOn() {
        return on;
    }

    @Override
    public void close() {
    }
}

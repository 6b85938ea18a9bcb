package org.opackiosk.app.testing;

import java.util.function.Consumer;

import org.opackiosk.core.device.Listeners;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.device.Subscription;

/** A staff key switch the test turns (the app's tests may not use device-drivers' simulated one). */
public final class FakeStaffKey implements StaffKey {

    private final Listeners<Boolean> turns = new Listeners<>();
    private volatile boolean on;

    public void turn(boolean now) {
        on = now;
        turns.fire(now);
    }

    @Override
    public Subscription onChange(Consumer<? super Boolean> listener) {
        return turns.add(listener);
    }

    @Override
    public boolean isOn() {
        return on;
    }

    @Override
    public void close() {
    }
}

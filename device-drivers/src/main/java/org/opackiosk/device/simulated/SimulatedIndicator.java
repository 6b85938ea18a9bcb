package org.opackiosk.device.simulated;

import java.util.function.Consumer;

import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.Listeners;
import org.opackiosk.core.device.Subscription;

/** A status light and buzzer that only tell their listeners (the device panel shows them). Thread-safe. */
public final class SimulatedIndicator implements Indicator {

    private final Listeners<LightState> lights = new Listeners<>();
    private final Listeners<Beep> beeps = new Listeners<>();
    private volatile LightState state = LightState.OFF;

    @Override
    public void show(LightState next) {
        if (next != state) {
            state = next;
            lights.fire(next);
        }
    }

    @Override
    public void beep(Beep beep) {
        beeps.fire(beep);
    }

    public LightState state() {
        return state;
    }

    public Subscription onLight(Consumer<? super LightState> listener) {
        return lights.add(listener);
    }

    public Subscription onBeep(Consumer<? super Beep> listener) {
        return beeps.add(listener);
    }

    @Override
    public void close() {
        show(LightState.OFF);
    }
}

package org.opackiosk.device.light;

import java.util.Objects;
import java.util.function.Consumer;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import org.opackiosk.core.device.Listeners;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.device.Subscription;

/**
 * The staff key switch on a GPIO input: wired between the line and ground, with the Pi's pull-up, so
 * "on" is a low level and a broken wire reads as off (never as an open maintenance mode). Debounced
 * by Pi4J. Listeners run on Pi4J's event thread. Thread-safe.
 */
public final class GpioStaffKey implements StaffKey {

    /** Contacts of a key switch bounce for a few milliseconds. */
    static final long DEBOUNCE_MICROSECONDS = 20_000;

    private final DigitalInput input;
    private final Listeners<Boolean> listeners = new Listeners<>();
    private final DigitalStateChangeListener onChange;

    public GpioStaffKey(Context pi4j, int bcm) {
        Objects.requireNonNull(pi4j, "pi4j");
        DigitalInputConfig config = DigitalInput.newConfigBuilder(pi4j)
                .id("staff-key").name("staff key").address(bcm)
                .pull(PullResistance.PULL_UP).debounce(DEBOUNCE_MICROSECONDS).build();
        input = pi4j.create(config);
        onChange = e -> listeners.fire(e.state() == DigitalState.LOW);
        input.addListener(onChange);
    }

    @Override
    public Subscription onChange(Consumer<? super Boolean> listener) {
        return listeners.add(listener);
    }

    @Override
    public boolean isOn() {
        return input.state() == DigitalState.LOW;
    }

    @Override
    public void close() {
        input.removeListener(onChange);
    }
}

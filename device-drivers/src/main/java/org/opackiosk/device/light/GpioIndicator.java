package org.opackiosk.device.light;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmConfig;
import com.pi4j.io.pwm.PwmType;
import org.opackiosk.core.config.DeviceSettings.LightSettings;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.device.light.LightPattern.Lamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status light (green, amber, red lamps, each optional) and a buzzer on GPIO lines, through Pi4J 3
 * (the gpiod provider on a Pi, the mock providers in tests): an active buzzer is a digital output switched
 * on and off, a passive one a PWM output sounding each beep at its pitch. Outputs are set up in the
 * constructor, all off; blinking and beeps are timed on the {@link Scheduler}. A failing line is
 * logged once per call, never thrown. Thread-safe.
 */
public final class GpioIndicator implements Indicator {

    private static final Logger LOG = LoggerFactory.getLogger(GpioIndicator.class);

    private final Scheduler scheduler;
    private final boolean activeLow;
    private final Map<Lamp, DigitalOutput> lamps = new EnumMap<>(Lamp.class);
    private final Optional<DigitalOutput> buzzer;
    private final Optional<Pwm> tone;
    private LightState state = LightState.OFF;
    private Scheduler.Cancellable blinker;
    private boolean blinkOn;
    private long beepGeneration;
    private boolean closed;

    public GpioIndicator(Context pi4j, LightSettings settings, Scheduler scheduler) {
        Objects.requireNonNull(pi4j, "pi4j");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.activeLow = settings.activeLow();
        settings.greenPin().ifPresent(p -> lamps.put(Lamp.GREEN, output(pi4j, "light-green", p)));
        settings.amberPin().ifPresent(p -> lamps.put(Lamp.AMBER, output(pi4j, "light-amber", p)));
        settings.redPin().ifPresent(p -> lamps.put(Lamp.RED, output(pi4j, "light-red", p)));
        boolean passive = settings.buzzerType() == LightSettings.BuzzerType.PASSIVE;
        this.buzzer = passive ? Optional.empty() : settings.buzzerPin().map(p -> output(pi4j, "buzzer", p));
        this.tone = passive ? settings.buzzerPin().flatMap(p -> pwm(pi4j, p)) : Optional.empty();
    }

    // A passive buzzer needs a PWM provider in the Pi4J context; without one the light still works, silently.
    private static Optional<Pwm> pwm(Context pi4j, int bcm) {
        try {
            PwmConfig config = Pwm.newConfigBuilder(pi4j)
                    .id("buzzer").name("buzzer").address(bcm).pwmType(PwmType.HARDWARE).initial(0).shutdown(0).build();
            return Optional.of(pi4j.create(config));
        } catch (RuntimeException e) {
            LOG.warn("The passive buzzer on GPIO {} could not be opened as a PWM output ({}); the kiosk runs without a beep."
                    + " Check light.buzzer_pin and the Pi's PWM overlay, or set light.buzzer_type = \"active\".", bcm, e.getMessage());
            return Optional.empty();
        }
    }

    private DigitalOutput output(Context pi4j, String id, int bcm) {
        DigitalState off = activeLow ? DigitalState.HIGH : DigitalState.LOW;
        DigitalOutputConfig config = DigitalOutput.newConfigBuilder(pi4j)
                .id(id).name(id).address(bcm).initial(off).shutdown(off).build();
        return pi4j.create(config);
    }

    @Override
    public synchronized void show(LightState next) {
        if (closed || next == state) {
            return;
        }
        state = next;
        if (blinker != null) {
            blinker.cancel();
            blinker = null;
        }
        List<Lamp> steady = LightPattern.steady(next);
        lamps.forEach((lamp, out) -> set(out, steady.contains(lamp)));
        List<Lamp> blinking = LightPattern.blinking(next);
        if (!blinking.isEmpty()) {
            blinkOn = true;
            blinking.forEach(l -> set(lamps.get(l), true));
            blinker = scheduler.scheduleEvery(LightPattern.BLINK, () -> toggle(blinking));
        }
    }

    private synchronized void toggle(List<Lamp> blinking) {
        if (closed) {
            return;
        }
        blinkOn = !blinkOn;
        blinking.forEach(l -> set(lamps.get(l), blinkOn));
    }

    @Override
    public synchronized void beep(Beep beep) {
        if (closed || (buzzer.isEmpty() && tone.isEmpty())) {
            return;
        }
        // a new beep cuts a running one short, so two quick scans never blur into one long tone
        long generation = ++beepGeneration;
        List<Duration> pattern = LightPattern.beep(beep);
        int hz = LightPattern.toneHz(beep);
        sound(true, hz);
        Duration at = Duration.ZERO;
        for (int i = 0; i < pattern.size(); i++) {
            at = at.plus(pattern.get(i));
            boolean on = i % 2 == 1;
            scheduler.schedule(at, () -> {
                synchronized (this) {
                    if (generation == beepGeneration && !closed) {
                        sound(on, hz);
                    }
                }
            });
        }
    }

    private void sound(boolean on, int hz) {
        buzzer.ifPresent(out -> set(out, on));
        tone.ifPresent(pwm -> {
            try {
                if (on) {
                    pwm.on(50, hz); // half the period high: the loudest a piezo gets at that pitch
                } else {
                    pwm.off();
                }
            } catch (RuntimeException e) {
                LOG.warn("The passive buzzer's PWM output could not be set: {}", e.getMessage());
            }
        });
    }

    /** What the light shows now. */
    public synchronized LightState state() {
        return state;
    }

    private void set(DigitalOutput out, boolean on) {
        if (out == null) {
            return;
        }
        try {
            out.state(on != activeLow ? DigitalState.HIGH : DigitalState.LOW);
        } catch (RuntimeException e) {
            LOG.warn("GPIO line {} of the status light could not be set: {}", out.id(), e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (blinker != null) {
            blinker.cancel();
        }
        lamps.values().forEach(o -> set(o, false));
        sound(false, 0);
        closed = true;
    }
}

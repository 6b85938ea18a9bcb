package org.opackiosk.device.light;

import java.time.Duration;
import java.util.List;

import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;

/**
 * What each light state and beep means on the wires: which lamps are on, what blinks, how long the
 * buzzer sounds. Pure data, shared by the GPIO driver and the simulated light.
 */
public final class LightPattern {

    public enum Lamp { GREEN, AMBER, RED }

    /** Blink half-period of the offline light. */
    public static final Duration BLINK = Duration.ofMillis(500);

    private LightPattern() {
    }

    /** The lamps steadily on for {@code state}. */
    public static List<Lamp> steady(LightState state) {
        return switch (state) {
            case READY -> List.of(Lamp.GREEN);
            case WORKING -> List.of(Lamp.AMBER);
            case FAULT -> List.of(Lamp.RED);
            case OFFLINE, OFF -> List.of();
        };
    }

    /** The lamp that blinks for {@code state}, if any. */
    public static List<Lamp> blinking(LightState state) {
        return state == LightState.OFFLINE ? List.of(Lamp.RED) : List.of();
    }

    /**
     * The buzzer's on and off times, alternating and starting with on: one short beep for a good scan;
     * two longer ones for a rejected scan (an active buzzer has one pitch, so "low" is said by length; a
     * passive one also sounds them at {@link #toneHz}).
     */
    public static List<Duration> beep(Beep beep) {
        return switch (beep) {
            case GOOD_SCAN -> List.of(Duration.ofMillis(80));
            case REJECTED -> List.of(Duration.ofMillis(250), Duration.ofMillis(150), Duration.ofMillis(250));
        };
    }

    /**
     * The pitch of a passive buzzer's beep, in hertz: a high short beep for a good scan, low ones for a rejected
     * scan, as issue 6 asks (same on and off times as {@link #beep}).
     */
    public static int toneHz(Beep beep) {
        return switch (beep) {
            case GOOD_SCAN -> 2000;
            case REJECTED -> 400;
        };
    }
}

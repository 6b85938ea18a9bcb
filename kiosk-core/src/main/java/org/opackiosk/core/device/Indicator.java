package org.opackiosk.core.device;

/**
 * The status light and the buzzer. Thread-safe and non-blocking: both return at once, the
 * patterns (blinking, beeps) run on the implementation's scheduler. A failing GPIO line is logged,
 * never thrown. Implementations: GPIO (Pi4J), simulated, {@link #none()}.
 */
public interface Indicator extends AutoCloseable {

    void show(LightState state);

    void beep(Beep beep);

    /** Turns everything off and releases the pins; idempotent. */
    @Override
    void close();

    static Indicator none() {
        return new Indicator() {
            @Override
            public void show(LightState state) {
            }

            @Override
            public void beep(Beep beep) {
            }

            @Override
            public void close() {
            }
        };
    }
}

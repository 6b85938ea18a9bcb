package org.opackiosk.device.testing;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The device a {@code *HardwareTest} talks to, from a system property given on Maven's command line
 * ({@code ./mvnw -Phardware … -Dopac.serial=/dev/ttyACM0}). A test whose property is missing is skipped
 * with a message saying what to set, never failed: a kiosk may have some devices and not others.
 */
public final class HardwareProperty {

    private HardwareProperty() {
    }

    /** The property's value, or the test is skipped with "set -DNAME=EXAMPLE: WHAT". */
    public static String required(String name, String example, String what) {
        String value = System.getProperty(name, "").strip();
        Assumptions.assumeFalse(value.isEmpty(), () -> "skipped: set -D" + name + "=" + example + " to test " + what);
        return value;
    }

    public static Optional<String> optional(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}

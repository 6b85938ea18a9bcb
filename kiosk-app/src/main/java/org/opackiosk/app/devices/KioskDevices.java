package org.opackiosk.app.devices;

import java.util.Objects;
import java.util.Optional;

import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Scanner;
import org.opackiosk.core.device.StaffKey;

/**
 * The devices the screens use, as kiosk-core ports; built by the composition root (real or simulated).
 * A keyboard-wedge scanner is not among them: the scene detects it.
 */
public record KioskDevices(Scanner scanner, Indicator indicator, Optional<ReceiptPrinter> printer, StaffKey staffKey) {

    public KioskDevices {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(staffKey, "staffKey");
    }

    /** No device at all (tests, or a kiosk with only a keyboard-wedge scanner). */
    public static KioskDevices none() {
        return new KioskDevices(Scanner.none(), Indicator.none(), Optional.empty(), StaffKey.none());
    }
}

package org.opackiosk.app.devices;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.Symbology;

/**
 * What the device panel can do to the simulated devices, and hear from them. The composition root
 * implements it over device-drivers' simulated devices; the panel itself knows no adapter.
 * Listeners may be called on any thread.
 */
public interface SimulatorControls {

    /** "Scans" {@code text} as a barcode of {@code symbology}. */
    void scan(Symbology symbology, String text);

    /** Plugs the simulated scanner in or pulls its cable. */
    void setScannerConnected(boolean connected);

    void setPrinterStatus(PrinterStatus status);

    void turnStaffKey(boolean on);

    void onLight(Consumer<LightState> listener);

    void onBeep(Consumer<Beep> listener);

    /** The PNG of each slip the simulated printer prints. */
    void onSlipPrinted(Consumer<Path> listener);
}

package org.opackiosk.device.simulated;

import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.device.scanner.ScannerBase;

/**
 * A scanner the device panel (or a test) drives: {@link #scan} as if a barcode were read,
 * {@link #setConnected} to pull its cable. Scans are delivered on the caller's thread. Thread-safe.
 */
public final class SimulatedScanner extends ScannerBase {

    public SimulatedScanner() {
        super(ScannerStatus.READY);
    }

    /** Reads {@code text} as a barcode of {@code symbology}; ignored while "unplugged". */
    public void scan(Symbology symbology, String text) {
        if (status() == ScannerStatus.READY && !text.isEmpty()) {
            emit(new ScanEvent(symbology, text, ScanSource.SIMULATED));
        }
    }

    public void setConnected(boolean connected) {
        setStatus(connected ? ScannerStatus.READY : ScannerStatus.MISSING);
    }

    @Override
    public String describe() {
        return "simulated scanner";
    }

    @Override
    public void close() {
    }
}

package org.opackiosk.core.device;

/**
 * A receipt printer (ESC/POS over serial or a USB printer device file, or simulated to PNG files).
 * {@link #print} and {@link #status} block on the device (up to a few seconds): call them on a worker
 * thread, never the UI thread. Thread-safe: concurrent calls are serialised.
 */
public interface ReceiptPrinter extends AutoCloseable {

    /** Asks the printer how it is, where it can tell; {@link PrinterStatus#UNKNOWN} otherwise. */
    PrinterStatus status();

    /** Prints and cuts; checks the status first where the printer reports one. */
    PrintResult print(Slip slip);

    String describe();

    @Override
    void close();
}

package org.opackiosk.core.device;

import java.util.function.Consumer;

/**
 * A barcode scanner as a stream of {@link ScanEvent}s. Implementations: serial (jSerialComm), camera
 * (ZXing over an MJPEG command), simulated; the keyboard-wedge kind is detected in the UI's scene.
 *
 * <p>Thread-safety: all methods may be called from any thread. Listeners are called on the scanner's
 * own thread (a reader or worker thread, never the UI thread): hop to the UI thread through the
 * {@link org.opackiosk.core.platform.UiDispatcher} before touching UI state. A scanner reaches its
 * first state in its constructor and never throws for a missing device: it reports
 * {@link ScannerStatus#MISSING} and keeps trying to reopen it until {@link #close}d.
 */
public interface Scanner extends AutoCloseable {

    /** Calls {@code listener} with every scan from now on. */
    Subscription onScan(Consumer<? super ScanEvent> listener);

    /** Calls {@code listener} with every change of {@link #status()} from now on. */
    Subscription onStatus(Consumer<? super ScannerStatus> listener);

    ScannerStatus status();

    /** A short human description for logs and the maintenance screen, e.g. {@code serial /dev/ttyACM0 at 9600 baud}. */
    String describe();

    /** Stops reading and releases the device; idempotent. */
    @Override
    void close();

    /** No scanner: no scans, status {@link ScannerStatus#NONE}. */
    static Scanner none() {
        return new Scanner() {
            @Override
            public Subscription onScan(Consumer<? super ScanEvent> listener) {
                return () -> { };
            }

            @Override
            public Subscription onStatus(Consumer<? super ScannerStatus> listener) {
                return () -> { };
            }

            @Override
            public ScannerStatus status() {
                return ScannerStatus.NONE;
            }

            @Override
            public String describe() {
                return "no scanner";
            }

            @Override
            public void close() {
            }
        };
    }
}

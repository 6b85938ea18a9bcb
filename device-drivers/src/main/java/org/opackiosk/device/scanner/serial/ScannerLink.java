package org.opackiosk.device.scanner.serial;

import java.io.Closeable;
import java.io.IOException;

/**
 * The byte-level seam under a serial scanner: open a port, read what arrives, close. The only
 * implementation that touches a real port is {@link JSerialCommLink}; tests may use their own.
 * Not thread-safe except {@link #close}, which may be called from any thread to end a blocked read.
 */
public interface ScannerLink extends Closeable {

    /** Opens the port; throws with a message naming the port when it is not there or cannot be opened. */
    void open() throws IOException;

    /**
     * Reads what has arrived into {@code buffer}, waiting a short while (well under a second) for it.
     *
     * @return the number of bytes read, 0 when nothing came in time
     * @throws IOException when the port has gone (unplugged) or was closed
     */
    int read(byte[] buffer) throws IOException;

    /** Closes the port; harmless when it is not open. */
    @Override
    void close();

    /** E.g. {@code /dev/ttyACM0 at 9600 baud}. */
    String describe();
}

package org.opackiosk.device.scanner.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * A serial port through jSerialComm (USB-CDC {@code /dev/ttyACM*}, USB-serial {@code /dev/ttyUSB*},
 * RS-232, or a pseudo-terminal in tests): 8 data bits, no parity, one stop bit. The only class of the
 * scanner that imports jSerialComm.
 */
public final class JSerialCommLink implements ScannerLink {

    /** How long one read waits for bytes: short, so {@link #close} ends the reader promptly. */
    static final int READ_TIMEOUT_MS = 200;

    private final String path;
    private final int baud;
    private volatile SerialPort port;

    public JSerialCommLink(String path, int baud) {
        this.path = Objects.requireNonNull(path, "path");
        this.baud = baud;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        // jSerialComm "opens" a path that does not exist without complaint on some systems; look first
        if (!Files.exists(Path.of(path))) {
            throw new IOException(path + " does not exist (unplugged, or a different port name?)");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(path + " is not a serial port: " + e.getMessage(), e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!p.openPort()) {
            throw new IOException(path + " could not be opened (error " + p.getLastErrorCode()
                    + "; is the kiosk's user in the dialout group, or does another program hold the port?)");
        }
        port = p;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException(path + " is closed");
        }
        int n = p.readBytes(buffer, buffer.length);
        if (n < 0 || (n == 0 && !Files.exists(Path.of(path)))) {
            throw new IOException(path + " went away (error " + p.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    @Override
    public String describe() {
        return path + " at " + baud + " baud";
    }
}

package org.opackiosk.device.printer;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A receipt printer on a serial port through jSerialComm (8N1, hardware flow control off: the kiosk
 * writes one slip at a time, well within a printer's buffer). Opened on first use and reopened after
 * an error, so an unplugged printer comes back on its own. Two-way: answers DLE EOT status requests.
 */
public final class SerialPrinterLink implements PrinterLink {

    private final String path;
    private final int baud;
    private SerialPort port;

    public SerialPrinterLink(String path, int baud) {
        this.path = Objects.requireNonNull(path, "path");
        this.baud = baud;
    }

    private SerialPort port() throws IOException {
        if (port != null && port.isOpen()) {
            return port;
        }
        if (!java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
            throw new IOException(path + " does not exist (printer unplugged?)");
        }
        SerialPort p = SerialPort.getCommPort(path);
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.openPort()) {
            throw new IOException(path + " could not be opened (error " + p.getLastErrorCode() + ")");
        }
        port = p;
        return p;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        SerialPort p = port();
        p.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 5000);
        int written = p.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            close();
            throw new IOException("only " + Math.max(0, written) + " of " + bytes.length + " bytes reached " + path);
        }
    }

    @Override
    public synchronized OptionalInt ask(byte[] request, Duration timeout) throws IOException {
        SerialPort p = port();
        // forget anything stale, then ask
        while (p.bytesAvailable() > 0) {
            p.readBytes(new byte[p.bytesAvailable()], p.bytesAvailable());
        }
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, (int) timeout.toMillis(), 2000);
        if (p.writeBytes(request, request.length) != request.length) {
            close();
            throw new IOException(path + " did not take the status request");
        }
        byte[] answer = new byte[1];
        int n = p.readBytes(answer, 1);
        if (n < 0) {
            close();
            throw new IOException(path + " went away");
        }
        return n == 1 ? OptionalInt.of(answer[0] & 0xFF) : OptionalInt.empty();
    }

    @Override
    public String describe() {
        return "serial " + path + " at " + baud + " baud";
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }
}

package org.opackiosk.device.printer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A printer device file such as {@code /dev/usb/lp0} (the kernel's usblp driver), opened for each slip
 * so a printer switched off and on again is simply there at the next slip. One-way: no status.
 */
public final class DeviceFileLink implements PrinterLink {

    private final Path device;

    public DeviceFileLink(Path device) {
        this.device = Objects.requireNonNull(device, "device");
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (!Files.exists(device)) {
            throw new IOException(device + " does not exist (printer off or unplugged?)");
        }
        // WRITE without CREATE: never make a plain file where the device should be
        try (OutputStream out = Files.newOutputStream(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public OptionalInt ask(byte[] request, Duration timeout) {
        return OptionalInt.empty();
    }

    @Override
    public String describe() {
        return "device " + device;
    }

    @Override
    public void close() {
    }
}

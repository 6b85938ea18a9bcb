package org.opackiosk.device.printer;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;

/** The byte-level seam under a receipt printer: write bytes, and ask one status byte where the line is two-way. */
public interface PrinterLink extends Closeable {

    /** Writes and flushes; throws when the printer is gone or not writable. */
    void write(byte[] bytes) throws IOException;

    /** Sends {@code request} and waits up to {@code timeout} for one answer byte; empty when the link cannot answer. */
    OptionalInt ask(byte[] request, Duration timeout) throws IOException;

    String describe();

    @Override
    void close();
}

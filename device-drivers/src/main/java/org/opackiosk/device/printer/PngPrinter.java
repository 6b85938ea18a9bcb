package org.opackiosk.device.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import org.opackiosk.core.device.Listeners;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.device.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated receipt printer: each slip becomes {@code slip-NNNN.png} in a folder, and listeners (the
 * device panel) are told its path. Its paper can be "taken out" to try the kiosk's paper-out message.
 * Thread-safe.
 */
public final class PngPrinter implements ReceiptPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(PngPrinter.class);

    private final Path folder;
    private final SlipRenderer renderer;
    private final Listeners<Path> printed = new Listeners<>();
    private volatile PrinterStatus status = PrinterStatus.READY;
    private int count;

    public PngPrinter(Path folder, SlipRenderer renderer) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Calls {@code listener} with the PNG file of every slip printed from now on. */
    public Subscription onPrinted(Consumer<? super Path> listener) {
        return printed.add(listener);
    }

    /** Simulates paper out ({@link PrinterStatus#PAPER_OUT}), offline, or ready again. */
    public void setStatus(PrinterStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public PrinterStatus status() {
        return status;
    }

    @Override
    public PrintResult print(Slip slip) {
        Path file;
        synchronized (this) {
            if (status != PrinterStatus.READY) {
                return new PrintResult.NotPrinted(status, "simulated printer set to " + status);
            }
            try {
                Files.createDirectories(folder);
                file = folder.resolve(String.format("slip-%04d.png", ++count));
                Files.write(file, renderer.renderPng(slip));
            } catch (IOException e) {
                LOG.warn("The simulated printer could not write to {}: {}", folder, e.getMessage());
                return new PrintResult.NotPrinted(PrinterStatus.OFFLINE, e.getMessage());
            }
        }
        LOG.info("Simulated printer: slip written to {}", file);
        printed.fire(file);
        return new PrintResult.Printed();
    }

    @Override
    public String describe() {
        return "simulated printer writing PNG files to " + folder;
    }

    @Override
    public void close() {
    }
}

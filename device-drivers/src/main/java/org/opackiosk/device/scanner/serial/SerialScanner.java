package org.opackiosk.device.scanner.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.device.scanner.ScanFrameParser;
import org.opackiosk.device.scanner.ScannerBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A barcode scanner on a serial line. Tries to open the port in its constructor: {@link ScannerStatus#READY}
 * when it opens, {@link ScannerStatus#MISSING} when not. A reader thread splits the bytes into codes
 * ({@link ScanFrameParser}); when the port goes away (unplugged), the scanner is MISSING and tries to reopen
 * it every {@link #RETRY_INTERVAL} on the {@link Scheduler} until it is back — with a
 * {@code /dev/serial/by-id/…} path that is the same scanner in whichever USB socket.
 * Scans are delivered on the reader thread. Thread-safe; {@link #close} is idempotent.
 */
public final class SerialScanner extends ScannerBase {

    private static final Logger LOG = LoggerFactory.getLogger(SerialScanner.class);

    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);

    private final ScannerLink link;
    private final ScanFrameParser parser;
    private final Scheduler scheduler;
    private final Object lock = new Object();
    private Thread reader;
    private Scheduler.Cancellable retry;
    private boolean closed;
    private boolean outageLogged;

    public SerialScanner(ScannerLink link, ScanFrameParser parser, Scheduler scheduler) {
        super(ScannerStatus.MISSING);
        this.link = Objects.requireNonNull(link, "link");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        tryOpen();
    }

    @Override
    public String describe() {
        return "serial scanner on " + link.describe();
    }

    private void tryOpen() {
        synchronized (lock) {
            retry = null;
            if (closed || reader != null) {
                return;
            }
            try {
                link.open();
            } catch (IOException e) {
                if (!outageLogged) {
                    LOG.warn("Barcode scanner not available: {}. The kiosk tries again every {} s; check the scanner's USB"
                            + " cable and scanner.port in the configuration.", e.getMessage(), RETRY_INTERVAL.toSeconds());
                    outageLogged = true;
                }
                retryLater();
                setStatus(ScannerStatus.MISSING);
                return;
            }
            outageLogged = false;
            parser.reset();
            Thread t = new Thread(this::readUntilGone, "scanner-serial");
            t.setDaemon(true);
            reader = t;
            LOG.info("Barcode scanner ready on {}", link.describe());
            setStatus(ScannerStatus.READY);
            t.start();
        }
    }

    private void readUntilGone() {
        byte[] buffer = new byte[256];
        try {
            while (true) {
                int n = link.read(buffer);
                for (ScanFrameParser.Frame frame : parser.feed(buffer, 0, n)) {
                    switch (frame) {
                        case ScanFrameParser.Frame.Code code -> emit(new ScanEvent(Symbology.UNKNOWN, code.text(), ScanSource.SERIAL));
                        case ScanFrameParser.Frame.Dropped d -> LOG.warn("Scanner on {} sent {} bytes that are not a code ({});"
                                + " dropped. If this repeats, check scanner.prefix, scanner.suffix and scanner.baud.",
                                link.describe(), d.length(), d.reason());
                    }
                }
            }
        } catch (IOException e) {
            synchronized (lock) {
                reader = null;
                link.close();
                if (closed) {
                    return;
                }
                LOG.warn("Barcode scanner on {} is gone ({}); waiting for it to come back", link.describe(), e.getMessage());
                outageLogged = true;
                retryLater();
            }
            setStatus(ScannerStatus.MISSING);
        }
    }

    private void retryLater() {
        retry = scheduler.schedule(RETRY_INTERVAL, this::tryOpen);
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (retry != null) {
                retry.cancel();
            }
            t = reader;
            link.close();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

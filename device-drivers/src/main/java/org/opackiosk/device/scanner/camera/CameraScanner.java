package org.opackiosk.device.scanner.camera;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.device.scanner.DuplicateFilter;
import org.opackiosk.device.scanner.ScannerBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera as a barcode scanner: runs a command that writes MJPEG to its standard output (e.g.
 * {@code rpicam-vid -t 0 -n --codec mjpeg -o -}, or {@code ffmpeg -f v4l2 -i /dev/video0 -f mjpeg -}),
 * splits the stream into frames and decodes the newest frame whenever the decoder is free — a slow Pi
 * skips frames rather than falling behind. The same code is not reported again within the duplicate
 * window. When the command ends (camera unplugged, command missing) the scanner is
 * {@link ScannerStatus#MISSING} and starts the command again after {@link #RESTART_INTERVAL}.
 * Scans are delivered on the decoding thread. Thread-safe; {@link #close} is idempotent.
 */
public final class CameraScanner extends ScannerBase {

    private static final Logger LOG = LoggerFactory.getLogger(CameraScanner.class);

    public static final Duration RESTART_INTERVAL = Duration.ofSeconds(5);

    private final List<String> command;
    private final Scheduler scheduler;
    private final DuplicateFilter duplicates;
    private final Object lock = new Object();
    private Run run;
    private Scheduler.Cancellable restart;
    private boolean closed;

    /** One run of the command: its process, its two threads and the frame handed from one to the other. */
    private final class Run {
        final Process process;
        final Thread reader = new Thread(this::read, "scanner-camera-read");
        final Thread decoder = new Thread(this::decode, "scanner-camera-decode");
        private byte[] newest;
        private boolean streamEnded;

        Run(Process process) {
            this.process = process;
            reader.setDaemon(true);
            decoder.setDaemon(true);
        }

        void start() {
            decoder.start();
            reader.start();
        }

        private void read() {
            MjpegSplitter splitter = new MjpegSplitter();
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    for (byte[] frame : splitter.feed(buffer, 0, n)) {
                        offer(frame);
                    }
                }
            } catch (IOException e) {
                LOG.debug("Camera stream ended", e);
            }
            synchronized (this) {
                streamEnded = true;
                notifyAll();
            }
            try {
                decoder.join(); // the last frame is still decoded
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended(this);
        }

        // the decoder takes the newest frame when it is free; older ones are skipped, so it never falls behind
        private synchronized void offer(byte[] frame) {
            newest = frame;
            notifyAll();
        }

        private synchronized byte[] take() throws InterruptedException {
            while (newest == null) {
                if (streamEnded) {
                    return null;
                }
                wait();
            }
            byte[] frame = newest;
            newest = null;
            return frame;
        }

        private void decode() {
            BarcodeDecoder zxing = new BarcodeDecoder();
            try {
                byte[] frame;
                while ((frame = take()) != null) {
                    zxing.decode(frame).ifPresent(d -> {
                        ScanEvent scan = new ScanEvent(d.symbology(), d.text(), ScanSource.CAMERA);
                        if (duplicates.isNew(scan)) {
                            emit(scan);
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public CameraScanner(List<String> command, Scheduler scheduler, Clock clock, Duration duplicateWindow) {
        super(ScannerStatus.MISSING);
        this.command = List.copyOf(command);
        if (this.command.isEmpty()) {
            throw new IllegalArgumentException("no camera command");
        }
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.duplicates = new DuplicateFilter(clock, duplicateWindow);
        start();
    }

    @Override
    public String describe() {
        return "camera scanner: " + String.join(" ", command);
    }

    private void start() {
        synchronized (lock) {
            restart = null;
            if (closed || run != null) {
                return;
            }
            Process p;
            try {
                p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                LOG.warn("The camera command '{}' could not start ({}); trying again in {} s. Check scanner.camera_command"
                        + " and that the program is installed.", command.get(0), e.getMessage(), RESTART_INTERVAL.toSeconds());
                restart = scheduler.schedule(RESTART_INTERVAL, this::start);
                setStatus(ScannerStatus.MISSING);
                return;
            }
            run = new Run(p);
            setStatus(ScannerStatus.READY);
            run.start();
        }
    }

    /** The command ended: the camera is missing, and the command starts again later. */
    private void ended(Run ended) {
        synchronized (lock) {
            if (run != ended) {
                return;
            }
            run = null;
            if (closed) {
                return;
            }
            String exit;
            try {
                exit = Integer.toString(ended.process.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = "unknown";
            }
            LOG.warn("The camera command '{}' ended (exit {}); the camera scanner is missing and restarts in {} s."
                    + " Check that the camera is connected.", command.get(0), exit, RESTART_INTERVAL.toSeconds());
            restart = scheduler.schedule(RESTART_INTERVAL, this::start);
        }
        setStatus(ScannerStatus.MISSING);
    }

    @Override
    public void close() {
        Run r;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (restart != null) {
                restart.cancel();
            }
            r = run;
        }
        if (r != null) {
            r.process.destroy();
            r.decoder.interrupt();
            if (r.reader != Thread.currentThread()) {
                try {
                    r.reader.join(Duration.ofSeconds(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}

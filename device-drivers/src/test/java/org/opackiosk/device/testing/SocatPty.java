package org.opackiosk.device.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real pseudo-terminal pair made by socat, with stable links like {@code /dev/serial/by-id}: the
 * device side ({@link #devicePath}) is what the driver opens, the other side ({@link #peerPath}) plays
 * the scanner or printer. {@link #unplug} ends socat, so both ends vanish as a USB device's do;
 * {@link #plugIn} makes a new pair behind the same links. Tests skip when socat is not installed.
 */
public final class SocatPty implements AutoCloseable {

    private final Path devicePath;
    private final Path peerPath;
    private Process socat;

    public SocatPty(Path dir) throws IOException {
        Assumptions.assumeTrue(socatInstalled(), "socat is not installed (apt-get install socat)");
        this.devicePath = dir.resolve("ttyScanner");
        this.peerPath = dir.resolve("peer");
        plugIn();
    }

    public static boolean socatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts socat and returns once both ends exist (socat reports it on stderr). */
    public void plugIn() throws IOException {
        if (socat != null) {
            throw new IllegalStateException("already plugged in");
        }
        Process p = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + devicePath, "pty,raw,echo=0,link=" + peerPath)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.contains("starting data transfer loop")) {
                break;
            }
        }
        if (line == null) {
            throw new IOException("socat did not start: " + lines);
        }
        // keep draining socat's output so it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // socat ended
            }
        }, "socat-drain");
        drain.setDaemon(true);
        drain.start();
        socat = p;
    }

    /** Ends socat: both ends of the pair disappear, as a scanner's port does when its cable is pulled. */
    public void unplug() throws InterruptedException {
        if (socat == null) {
            return;
        }
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor();
        }
        socat = null;
    }

    public Path devicePath() {
        return devicePath;
    }

    public Path peerPath() {
        return peerPath;
    }

    /** Writes to the peer end, as the scanner would. */
    public void send(byte[] bytes) throws IOException {
        try (OutputStream o = Files.newOutputStream(peerPath)) {
            o.write(bytes);
            o.flush();
        }
    }

    /** Opens the peer end for reading what the driver writes (a printer). */
    public java.io.InputStream openPeerForReading() throws IOException {
        return Files.newInputStream(peerPath);
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}

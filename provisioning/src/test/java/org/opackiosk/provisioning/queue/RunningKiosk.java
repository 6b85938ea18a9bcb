package org.opackiosk.provisioning.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.opackiosk.store.outbox.H2Outbox;

/**
 * Another process holding the outbox as the running kiosk does: a JVM of its own (H2 shares a file
 * between connections of one process, so only another process meets its file lock). It prints
 * {@code OPEN} once the database is open and closes it when its standard input ends.
 */
final class RunningKiosk implements AutoCloseable {

    private final Process process;

    private RunningKiosk(Process process) {
        this.process = process;
    }

    static RunningKiosk holding(Path outboxDirectory) throws IOException {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunningKiosk.class.getName(), outboxDirectory.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        if (!"OPEN".equals(first)) {
            p.destroyForcibly();
            throw new IOException("the holding process did not open the outbox: " + first);
        }
        return new RunningKiosk(p);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        try (H2Outbox outbox = H2Outbox.open(Path.of(args[0]), Clock.systemUTC())) {
            System.out.println("OPEN");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the database until the test closes our standard input
            }
        }
    }
}

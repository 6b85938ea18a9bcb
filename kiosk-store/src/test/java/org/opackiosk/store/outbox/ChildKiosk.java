package org.opackiosk.store.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link OutboxCrashChild} (or another crash test's child) in a JVM of its own, on the test's class path,
 * with its output lines as events. {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()} on Linux):
 * no shutdown hook, no close, no flush.
 */
public final class ChildKiosk {

    private static final String EOF = "<eof>";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildKiosk(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was killed mid-line
            }
            lines.add(EOF);
        }, "child-kiosk-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildKiosk start(Path stateDir, Path plan, List<String> server, Path log, String... modeAndStep)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(stateDir.toString(), plan.toString()));
        args.addAll(server);
        args.addAll(List.of(modeAndStep));
        return start(OutboxCrashChild.class, log, args);
    }

    /** {@code main}'s {@code main(args)} in a new JVM (a kiosk's heap), its standard error appended to {@code log}. */
    public static ChildKiosk start(Class<?> main, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // start fast: the crash test starts a hundred of these
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto",
                "-Dlogback.configurationFile=logback-child.xml",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ChildKiosk(builder.start());
    }

    /** The next line, or {@code null} at the end of the output. Fails after {@code seconds} without one. */
    public String next(int seconds) throws InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
            process.destroyForcibly();
            throw new AssertionError("the child kiosk said nothing for " + seconds + " s");
        }
        return line.equals(EOF) ? null : line;
    }

    /** Reads until a line starting with {@code prefix}; answers it, or {@code null} when the output ended first. */
    public String until(String prefix, List<String> seen, int seconds) throws InterruptedException {
        for (String line = next(seconds); line != null; line = next(seconds)) {
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitFor() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child kiosk did not finish within 120 s");
        }
        return process.exitValue();
    }

    /** Every line still to come, until the process ends. */
    public List<String> drain(int seconds) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        for (String line = next(seconds); line != null; line = next(seconds)) {
            rest.add(line);
        }
        return rest;
    }
}

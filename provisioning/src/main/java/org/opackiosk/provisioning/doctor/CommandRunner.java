package org.opackiosk.provisioning.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command of the system (timedatectl, systemctl, df) for a check. Tests answer with a fake;
 * the doctor never needs more than the exit code and standard output.
 */
@FunctionalInterface
public interface CommandRunner {

    /** What a command printed and how it ended. */
    record Result(int exitCode, String stdout) {
    }

    /** @return empty when the command does not exist or did not finish in time */
    Optional<Result> run(List<String> command);

    /** Runs real processes, each for at most {@code timeout}, with standard error discarded. */
    static CommandRunner processes(Duration timeout) {
        return command -> {
            try {
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                String out;
                try (InputStream in = p.getInputStream()) {
                    out = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
                }
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                return Optional.of(new Result(p.exitValue(), out));
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }
}

package org.opackiosk.app.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.opackiosk.core.staff.SystemActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SystemActions} on the appliance (ADR 0073). Reboot and shutdown ask logind, as the kiosk's own
 * unprivileged user, through {@code systemctl reboot} / {@code systemctl poweroff}; the polkit rule the package
 * installs ({@code systemd/polkit/50-opac-kiosk.rules}) allows exactly these to the user {@code opac-kiosk}.
 * Restarting the application ends the JVM with {@link #RESTART_EXIT_CODE}: the unit's {@code Restart=always}
 * starts it again (only exit 2, an invalid configuration, is not restarted).
 *
 * <p>Thread-safe. {@link #perform} blocks until {@code systemctl} answers (at most {@link #TIMEOUT}).
 */
public final class LogindSystemActions implements SystemActions {

    /** Where Debian and Raspberry Pi OS install it. */
    public static final Path SYSTEMCTL = Path.of("/usr/bin/systemctl");
    /** The kiosk's exit code when staff restart it; anything but 2 is restarted by the unit. */
    public static final int RESTART_EXIT_CODE = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(LogindSystemActions.class);
    private static final int MAX_OUTPUT = 300;

    private final Path systemctl;
    private final IntConsumer exit;

    /**
     * @param systemctl the systemctl executable
     * @param exit      ends the application with the given code (closing what it holds first)
     */
    public LogindSystemActions(Path systemctl, IntConsumer exit) {
        this.systemctl = Objects.requireNonNull(systemctl, "systemctl");
        this.exit = Objects.requireNonNull(exit, "exit");
    }

    @Override
    public Outcome perform(Action action) {
        Objects.requireNonNull(action, "action");
        return switch (action) {
            case RESTART_APP -> {
                LOG.warn("Staff restart the kiosk application (exit {}; systemd starts it again)", RESTART_EXIT_CODE);
                exit.accept(RESTART_EXIT_CODE);
                yield new Outcome.Started();
            }
            case REBOOT -> logind("reboot");
            case SHUT_DOWN -> logind("poweroff");
        };
    }

    @Override
    public boolean simulated() {
        return false;
    }

    // --no-ask-password: nobody could answer a password prompt on a kiosk; polkit's rule answers or refuses
    private Outcome logind(String verb) {
        List<String> command = List.of(systemctl.toString(), "--no-ask-password", verb);
        LOG.warn("Staff asked for {}: running {}", verb, String.join(" ", command));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return failed("systemctl " + verb + " did not answer within " + TIMEOUT.toSeconds() + " s");
            }
            String output = firstLine(process.getInputStream());
            if (process.exitValue() != 0) {
                return failed("systemctl " + verb + " was refused (exit " + process.exitValue() + ")"
                        + (output.isEmpty() ? "" : ": " + output));
            }
            return new Outcome.Started();
        } catch (IOException e) {
            return failed("systemctl could not be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while waiting for systemctl " + verb);
        }
    }

    private static Outcome failed(String detail) {
        LOG.error("Staff action failed: {}", detail);
        return new Outcome.Failed(detail);
    }

    private static String firstLine(InputStream in) throws IOException {
        String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
        String line = text.lines().findFirst().orElse("");
        return line.length() <= MAX_OUTPUT ? line : line.substring(0, MAX_OUTPUT);
    }
}

package org.opackiosk.app.watchdog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies systemd by running {@code systemd-notify KEY=VALUE…}, which writes to the datagram socket
 * named in {@code NOTIFY_SOCKET} (inherited from the kiosk's environment). Java has no datagram Unix
 * sockets, hence the command (ADR 0051). The unit must say {@code NotifyAccess=all}: the command is
 * not the service's main process. Thread-safe; each call blocks until the command ends (a few ms).
 */
public final class SystemdNotifyCommand implements ServiceNotifier {

    /** Where Debian and Raspberry Pi OS install it. */
    public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/systemd-notify");

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifyCommand.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Path executable;

    public SystemdNotifyCommand(Path executable) {
        this.executable = executable;
    }

    @Override
    public void notify(String... assignments) {
        // no --pid: it would also send MAINPID= and make the JVM, not cage, the service's main process
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(assignments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.warn("{} did not finish within {} s", executable, TIMEOUT.toSeconds());
            } else if (process.exitValue() != 0) {
                LOG.warn("{} {} exited with {}", executable, String.join(" ", assignments), process.exitValue());
            }
        } catch (IOException e) {
            LOG.warn("Could not run {} to notify systemd: {}", executable, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.opackiosk.app.staff;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This machine's facts as Linux tells them: {@code MemAvailable} from {@code /proc/meminfo}, the free space of the
 * state directory's file system, and {@code timedatectl show -p NTPSynchronized --value} for the clock. Whatever
 * cannot be read (another OS, no systemd) is reported as unknown, never guessed.
 */
public final class SystemHostFacts implements HostFacts {

    private static final Logger LOG = LoggerFactory.getLogger(SystemHostFacts.class);
    static final List<String> CLOCK_COMMAND = List.of("timedatectl", "show", "-p", "NTPSynchronized", "--value");

    private final Path stateDirectory;
    private final Path meminfo;

    public SystemHostFacts(Path stateDirectory) {
        this(stateDirectory, Path.of("/proc/meminfo"));
    }

    SystemHostFacts(Path stateDirectory, Path meminfo) {
        this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
        this.meminfo = Objects.requireNonNull(meminfo, "meminfo");
    }

    @Override
    public Snapshot read() {
        String version = Optional.ofNullable(SystemHostFacts.class.getPackage().getImplementationVersion()).orElse("development build");
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        return new Snapshot(version, uptime, memoryAvailable(), diskFree(), clockSynchronised());
    }

    OptionalLong memoryAvailable() {
        try {
            return parseMemAvailable(Files.readAllLines(meminfo, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseMemAvailable(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("MemAvailable:")) {
                String[] parts = line.substring("MemAvailable:".length()).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024); // the kernel counts kB
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private OptionalLong diskFree() {
        try {
            return OptionalLong.of(Files.getFileStore(stateDirectory).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private Optional<Boolean> clockSynchronised() {
        try {
            Process p = new ProcessBuilder(CLOCK_COMMAND).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? parseSynchronised(out) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("timedatectl cannot be run: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Boolean> parseSynchronised(String value) {
        return switch (value) {
            case "yes" -> Optional.of(true);
            case "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}

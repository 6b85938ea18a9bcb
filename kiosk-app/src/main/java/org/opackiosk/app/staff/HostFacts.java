package org.opackiosk.app.staff;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * This kiosk's own vital signs for the staff dashboard. {@link #read} may start a short command (the clock's
 * synchronisation) and read the disk: call it off the UI thread. Never throws: what cannot be known is empty.
 */
@FunctionalInterface
public interface HostFacts {

    /**
     * @param version           the kiosk's version
     * @param uptime            how long the kiosk application has run
     * @param memoryFreeBytes   memory the system still has available; empty when unknown
     * @param diskFreeBytes     free space where the kiosk keeps its state; empty when unknown
     * @param clockSynchronised whether the system clock is synchronised (NTP); empty when that cannot be asked
     */
    record Snapshot(String version, Duration uptime, OptionalLong memoryFreeBytes, OptionalLong diskFreeBytes,
                    Optional<Boolean> clockSynchronised) {
        public Snapshot {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(uptime, "uptime");
            Objects.requireNonNull(memoryFreeBytes, "memoryFreeBytes");
            Objects.requireNonNull(diskFreeBytes, "diskFreeBytes");
            Objects.requireNonNull(clockSynchronised, "clockSynchronised");
        }
    }

    Snapshot read();
}

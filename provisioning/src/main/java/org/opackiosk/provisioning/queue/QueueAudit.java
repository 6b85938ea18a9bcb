package org.opackiosk.provisioning.queue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.store.h2.H2Files;
import org.opackiosk.store.staff.H2StaffAudit;

/**
 * A change {@code kioskctl queue} made, in the kiosk's staff audit ({@code STATE/staff}, ADR 0072), so staff
 * see it in the dashboard's history like their own actions. Only an audit the kiosk created is written:
 * a file made here by root would be unreadable for the kiosk's user. Never a patron's data: the operation
 * is named by its sequence number, kind and id. Stateless.
 */
final class QueueAudit {

    private QueueAudit() {
    }

    /** Records the entry; answers why it could not, if it could not. Blocks on the disk. */
    static Optional<String> record(Path stateDir, Clock clock, String who, String action, String outcome) {
        Path directory = stateDir.resolve("staff");
        if (!Files.isRegularFile(H2Files.file(directory, H2StaffAudit.NAME))) {
            return Optional.of("no staff audit in " + directory + " (the kiosk makes it at its first start)");
        }
        try (H2StaffAudit audit = H2StaffAudit.open(directory, clock)) {
            audit.record(new StaffAuditEntry(clock.instant(), "kioskctl: " + who, action, outcome));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the staff audit in " + directory + " cannot be written: " + e.getMessage());
        }
    }
}

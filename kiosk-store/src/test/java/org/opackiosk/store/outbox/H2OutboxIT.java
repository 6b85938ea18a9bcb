package org.opackiosk.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.OutboxContract;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.PatronRef;

/** The outbox contract against the real H2 file, every promise checked across a close and reopen. */
class H2OutboxIT extends OutboxContract {

    @TempDir
    Path dir;

    @Override
    protected Outbox open() {
        return H2Outbox.open(dir, clock);
    }

    @Override
    protected Outbox reopen(Outbox current) {
        current.close();
        return H2Outbox.open(dir, clock);
    }

    @Test
    void theDatabaseFileAndItsDirectoryAreForTheKiosksUserOnly() throws IOException {
        outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "10", "CEN"));

        assertThat(Files.getPosixFilePermissions(dir.resolve(H2Outbox.FILE_NAME)))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
    }

    @Test
    void theStoredPayloadHoldsOnlyWhatTheServerNeeds() throws Exception {
        outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "10", "CEN"));
        outbox.close();

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(H2Outbox.NAME), "kiosk", "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT kind, payload FROM outbox")) {
            rs.next();
            assertThat(rs.getString("kind")).isEqualTo("PLACE_HOLD");
            assertThat(rs.getString("payload"))
                    .isEqualTo("{\"v\":1,\"patron\":{\"card\":\"01000001\"},\"records\":[\"10\"],\"pickup\":\"CEN\"}");
        }
        outbox = H2Outbox.open(dir, clock);
    }

    @Test
    void anOperationThisVersionCannotReadGoesToStaffAndDoesNotBlockTheQueue() throws Exception {
        OutboxEntry a = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "10", "CEN"));
        OutboxEntry b = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "11", "CEN"));
        outbox.close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(H2Outbox.NAME), "kiosk", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE outbox SET payload = '{\"v\":99}' WHERE id = '" + a.id() + "'");
        }
        outbox = H2Outbox.open(dir, clock);

        assertThat(outbox.head()).map(OutboxEntry::id).contains(b.id());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(H2Outbox.NAME) + ";IFEXISTS=TRUE", "kiosk", "")) {
            // not reachable while open: the file is locked to this process
        } catch (java.sql.SQLException expected) {
            assertThat(expected.getErrorCode()).isEqualTo(90020);
        }
        assertThat(outbox.list(OutboxState.NEEDS_STAFF)).isEmpty(); // unreadable rows are not listed…
        assertThat(outbox.countOpen()).isEqualTo(1);                // …but no longer counted as open
    }
}

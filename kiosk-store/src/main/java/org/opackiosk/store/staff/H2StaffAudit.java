package org.opackiosk.store.staff;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.opackiosk.core.staff.StaffAudit;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.store.h2.H2Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link StaffAudit}: one H2 file, {@code DIR/staff-audit.mv.db}, opened by this process only,
 * every entry forced to the disk before {@link #record} returns and written to the log as well (ADR 0072).
 * A file that is not a database is moved aside with a timestamp, never deleted, and a new one started;
 * {@link #staffWarning()} says so. Entries are kept: a kiosk writes a few a day.
 *
 * <p>Thread-safe: one connection, every method synchronized. Blocks on the disk. Failures to write are
 * thrown as {@link AuditException} — an action whose audit cannot be written is not silently done.
 */
public final class H2StaffAudit implements StaffAudit, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2StaffAudit.class);

    /** The database's base name: H2 adds {@code .mv.db}. */
    public static final String NAME = "staff-audit";

    // long enough for any action and reason the dashboard writes; longer text is cut, not refused
    private static final int TEXT = 500;

    private final Connection connection;
    private final String warning;
    private boolean closed;

    private H2StaffAudit(Connection connection, String warning) {
        this.connection = connection;
        this.warning = warning;
    }

    /**
     * Opens (or creates) the audit in {@code directory}.
     *
     * @throws AuditException when the directory cannot be used or the file is held by another process
     */
    public static H2StaffAudit open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        try {
            H2Files.prepareDirectory(directory);
        } catch (IOException e) {
            throw new AuditException("The staff audit directory " + directory + " cannot be created: " + e.getMessage(), e);
        }
        try {
            return new H2StaffAudit(connect(directory), null);
        } catch (SQLException | RuntimeException e) {
            if (!H2Files.corrupt(e)) {
                throw new AuditException("The staff audit database in " + directory + " cannot be opened: " + e.getMessage(), e);
            }
            Path file = H2Files.file(directory, NAME);
            Path aside;
            try {
                aside = H2Files.moveAside(file, clock);
            } catch (IOException io) {
                throw new AuditException("The staff audit database " + file + " is unreadable and cannot be moved aside: "
                        + io.getMessage(), io);
            }
            LOG.error("STAFF AUDIT DATABASE CORRUPT: {} could not be read ({}). Moved it to {} and started a new one.",
                    file, e.toString(), aside);
            try {
                return new H2StaffAudit(connect(directory), "The staff audit database was unreadable and was moved to "
                        + aside + "; the history before it is not shown.");
            } catch (SQLException again) {
                throw new AuditException("A new staff audit database in " + directory + " cannot be created: "
                        + again.getMessage(), again);
            }
        }
    }

    private static Connection connect(Path directory) throws SQLException {
        return H2Files.open(directory, NAME, s -> {
            s.execute("CREATE TABLE IF NOT EXISTS staff_audit ("
                    + "seq BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "at TIMESTAMP(3) WITH TIME ZONE NOT NULL, "
                    + "staff VARCHAR(" + TEXT + ") NOT NULL, "
                    + "action VARCHAR(" + TEXT + ") NOT NULL, "
                    + "outcome VARCHAR(" + TEXT + ") NOT NULL)");
            // read everything once: a file whose pages are damaged fails here, at start
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(LENGTH(outcome)), 0) FROM staff_audit")) {
                rs.next();
            }
        });
    }

    @Override
    public synchronized void record(StaffAuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        checkOpen();
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO staff_audit (at, staff, action, outcome) VALUES (?,?,?,?)")) {
            p.setObject(1, entry.at().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
            p.setString(2, cut(entry.staff()));
            p.setString(3, cut(entry.action()));
            p.setString(4, cut(entry.outcome()));
            p.executeUpdate();
            H2Files.commitDurably(connection);
        } catch (SQLException e) {
            rollback();
            throw new AuditException("Recording a staff action failed: " + e.getMessage(), e);
        }
        LOG.info("Staff audit: {} {}: {} ({})", entry.staff(), entry.action(), entry.outcome(), entry.at());
    }

    @Override
    public synchronized List<StaffAuditEntry> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        checkOpen();
        List<StaffAuditEntry> entries = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT at, staff, action, outcome FROM staff_audit ORDER BY seq DESC LIMIT ?")) {
            p.setInt(1, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    entries.add(new StaffAuditEntry(at, rs.getString("staff"), rs.getString("action"), rs.getString("outcome")));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new AuditException("Reading the staff audit failed: " + e.getMessage(), e);
        }
        return List.copyOf(entries);
    }

    /** A sentence for staff when the database was replaced at start; empty otherwise. */
    public Optional<String> staffWarning() {
        return Optional.ofNullable(warning);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the staff audit database failed", e);
        }
    }

    private static String cut(String s) {
        return s.length() <= TEXT ? s : s.substring(0, TEXT);
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Staff audit rollback failed", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new AuditException("The staff audit is closed", null);
        }
    }

    /** The audit database cannot be used; the message says where and why. */
    public static final class AuditException extends RuntimeException {
        public AuditException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

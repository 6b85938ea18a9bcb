package org.opackiosk.store.h2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the kiosk keeps an H2 database file in its state directory (ADR 0041): a directory and a file for
 * the kiosk's user only, a connection without trace file or close-on-exit, and a file that is not a
 * database moved aside with a timestamp — never deleted — so that the kiosk can start on a new one.
 * Stateless.
 */
public final class H2Files {

    private static final Logger LOG = LoggerFactory.getLogger(H2Files.class);

    // H2 error codes that mean "the file is not a database we can read"; anything else (locked by another
    // process, permission denied, disk full) is not corruption and must not move the file.
    private static final int FILE_CORRUPTED = 90030;
    private static final int GENERAL_ERROR = 50000;
    private static final int FILE_VERSION_ERROR = 90048;
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private H2Files() {
    }

    /** The file H2 keeps the database {@code name} in. */
    public static Path file(Path directory, String name) {
        return directory.resolve(name + ".mv.db");
    }

    /** Creates {@code directory} if needed and makes it the kiosk user's only. */
    public static void prepareDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        ownerOnly(directory, "rwx------");
    }

    /** Sets {@code permissions} (e.g. {@code rw-------}) where the file system has them; a failure is logged, not thrown. */
    public static void ownerOnly(Path path, String permissions) {
        try {
            if (Files.exists(path) && Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not make {} readable by the kiosk's user only: {}", path, e.getMessage());
        }
    }

    /** A connection to the database {@code name} in {@code directory}, auto-commit off. */
    public static Connection connect(Path directory, String name) throws SQLException {
        // DB_CLOSE_ON_EXIT=FALSE: the kiosk closes the database itself, after the last write of its shutdown;
        // TRACE_LEVEL_FILE=0: no trace file next to it that could hold card numbers from failed statements.
        String url = "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
        Connection c = DriverManager.getConnection(url, "kiosk", "");
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Creates or upgrades a database's tables; runs inside the transaction that {@link #open} commits. */
    @FunctionalInterface
    public interface Schema {
        void create(Statement s) throws SQLException;
    }

    /**
     * A connection to the database {@code name} in {@code directory} with {@code schema} created, committed
     * and forced to the disk, and the file made the kiosk user's only. On failure the connection is closed
     * and the failure thrown (see {@link #corrupt} for telling a file that is not a database).
     */
    public static Connection open(Path directory, String name, Schema schema) throws SQLException {
        Connection c = connect(directory, name);
        try {
            try (Statement s = c.createStatement()) {
                schema.create(s);
            }
            commitDurably(c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        ownerOnly(file(directory, name), "rw-------");
        return c;
    }

    /**
     * Commits and then forces the database to the disk: MVStore writes commits in the background about once a
     * second, so a commit alone does not survive a kill (ADR 0041).
     */
    public static void commitDurably(Connection c) throws SQLException {
        c.commit();
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /** Whether {@code e} says the file is not a database H2 can read (and not: locked, no permission, disk full). */
    public static boolean corrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == DATABASE_ALREADY_OPEN) {
                    return false;
                }
                if (code == FILE_CORRUPTED || code == FILE_VERSION_ERROR) {
                    return true;
                }
                if (code == GENERAL_ERROR && mvStoreProblem(sql.getCause())) {
                    return true;
                }
            }
            if (mvStoreProblem(t)) {
                return true;
            }
        }
        return false;
    }

    // H2's MVStore reports unreadable files with its own exception (org.h2.mvstore.MVStoreException).
    private static boolean mvStoreProblem(Throwable t) {
        return t != null && t.getClass().getName().startsWith("org.h2.mvstore.");
    }

    /** Moves {@code file} to {@code FILE.corrupt-<UTC timestamp>} (never over an earlier one); returns where. */
    public static Path moveAside(Path file, Clock clock) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .format(clock.instant().atOffset(ZoneOffset.UTC));
        String name = file.getFileName().toString();
        Path aside = file.resolveSibling(name + ".corrupt-" + stamp);
        for (int i = 1; Files.exists(aside); i++) {
            aside = file.resolveSibling(name + ".corrupt-" + stamp + "-" + i);
        }
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }
}

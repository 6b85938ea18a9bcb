package org.opackiosk.demo.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo server's H2 database file in the data directory, with its schema migrations.
 *
 * <p>Thread-safe: every unit of work borrows its own pooled connection. {@link #close()} waits
 * for nothing; call it after the HTTP server has stopped.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Base name of the H2 file: {@code DIR/circulation.mv.db}. */
    public static final String FILE_NAME = "circulation";
    private static final List<String> MIGRATIONS = List.of("V1__schema.sql", "V2__circulation.sql", "V3__restriction_type.sql");

    private final JdbcConnectionPool pool;
    private final boolean created;
    private final FileChannel lockChannel;

    private Database(JdbcConnectionPool pool, boolean created, FileChannel lockChannel) {
        this.pool = pool;
        this.created = created;
        this.lockChannel = lockChannel;
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date.
     *
     * @throws IOException when the file cannot be opened, e.g. because another server holds it
     */
    public static Database open(Path dataDir, int maxConnections) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel lockChannel = lock(dataDir);
        Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
        boolean exists = Files.exists(dataDir.resolve(FILE_NAME + ".mv.db"));
        // DB_CLOSE_ON_EXIT=FALSE: we close it ourselves (shutdown hook of the CLI, close() of the server)
        String url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(maxConnections);
        Database database = new Database(pool, !exists, lockChannel);
        try {
            database.migrate();
        } catch (SQLException e) {
            database.close();
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw inUse(dataDir, e);
            }
            throw new IOException("cannot open the demo database in " + dataDir + ": " + e.getMessage(), e);
        }
        return database;
    }

    /**
     * One user of a data directory at a time, also within one JVM (where H2 would silently share the
     * open database between two servers): an OS lock on {@code DIR/circulation.lock}.
     */
    private static FileChannel lock(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE_NAME + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw inUse(dataDir, null);
        }
        return channel;
    }

    private static IOException inUse(Path dataDir, Exception cause) {
        return new IOException("the demo database in " + dataDir + " is in use: is a demo server already running"
                + " on this directory? Stop it first.", cause);
    }

    /** Whether this open created the database file (a fresh data directory). */
    public boolean created() {
        return created;
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private void migrate() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int current = 0;
            try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rs.next()) {
                    current = rs.getInt(1);
                }
            }
            for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                String script = MIGRATIONS.get(version - 1);
                LOG.info("Applying database migration {}", script);
                connection.setAutoCommit(false);
                try {
                    for (String sql : statements(load(script))) {
                        statement.execute(sql);
                    }
                    statement.execute("INSERT INTO schema_version (version) VALUES (" + version + ")");
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    private static String load(String script) throws SQLException {
        try (InputStream in = Database.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new SQLException("missing migration " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + script, e);
        }
    }

    /** Splits a script on semicolons at line ends; the scripts hold no procedural code. */
    static List<String> statements(String script) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(cleaned.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .toList();
    }

    @Override
    public void close() {
        pool.dispose();
        try {
            lockChannel.close(); // releases the lock
        } catch (IOException e) {
            LOG.warn("Could not release the lock on the demo database: {}", e.getMessage());
        }
    }

    /** A unit of database work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}

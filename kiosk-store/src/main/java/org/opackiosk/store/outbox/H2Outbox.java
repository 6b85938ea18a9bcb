package org.opackiosk.store.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OperationKind;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.store.h2.H2Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link Outbox}: one H2 file, {@code DIR/outbox.mv.db}, opened by this process only.
 *
 * <p>Durability: H2's MVStore keeps committed changes in memory and writes them in the background
 * about once a second, so a commit alone does not survive a kill (measured: none of five committed
 * rows did). Every change here is therefore committed and then followed by {@code CHECKPOINT SYNC},
 * which writes the store and forces the file to the device before the method returns (ADR 0041).
 *
 * <p>A file that cannot be opened as a database ({@linkplain #open corrupt}) is moved aside with a
 * timestamp, never deleted; the kiosk starts on a new, empty file and {@link #staffWarning()} says
 * so. The directory and the file are readable by the kiosk's user only.
 *
 * <p>Thread-safe: one connection, every method synchronized. Blocks on the disk.
 */
public final class H2Outbox implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(H2Outbox.class);

    /** The database's base name: H2 adds {@code .mv.db}. */
    public static final String NAME = "outbox";
    public static final String FILE_NAME = NAME + ".mv.db";

    /** H2's "database may be already in use": another process holds the file. */
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private static final String COLUMNS = "seq, id, kind, payload, created_at, attempts, next_attempt_at, state, "
            + "last_error, refusal_code, refusal_key";

    /** Test seam for the crash tests: called inside the enqueue transaction, after the write, before the commit. */
    interface WriteHook {
        WriteHook NONE = entry -> { };

        void afterWriteBeforeCommit(OutboxEntry entry);
    }

    private final Path directory;
    private final Clock clock;
    private final Connection connection;
    private final WriteHook hook;
    private final String warning;
    private boolean closed;

    private H2Outbox(Path directory, Clock clock, Connection connection, WriteHook hook, String warning) {
        this.directory = directory;
        this.clock = clock;
        this.connection = connection;
        this.hook = hook;
        this.warning = warning;
    }

    /**
     * Opens (or creates) the outbox in {@code directory}. A corrupt file is moved aside as
     * {@code outbox.mv.db.corrupt-<UTC timestamp>}, logged at ERROR, reported by {@link #staffWarning()},
     * and a new, empty outbox is created: the kiosk still starts.
     *
     * @throws OutboxException when the directory cannot be used or the file is held by another process
     */
    public static H2Outbox open(Path directory, Clock clock) {
        return open(directory, clock, WriteHook.NONE);
    }

    static H2Outbox open(Path directory, Clock clock, WriteHook hook) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        prepareDirectory(directory);
        try {
            return new H2Outbox(directory, clock, connect(directory), hook, null);
        } catch (SQLException | RuntimeException e) {
            if (!H2Files.corrupt(e)) {
                throw new OutboxException("The outbox database in " + directory + " cannot be opened: " + e.getMessage(), e);
            }
            Path aside = moveAside(directory, clock, e);
            String warning = "The outbox database was unreadable and was moved to " + aside
                    + "; the kiosk started with an empty queue. Operations saved in it were not sent: check them.";
            try {
                return new H2Outbox(directory, clock, connect(directory), hook, warning);
            } catch (SQLException again) {
                throw new OutboxException("A new outbox database in " + directory + " cannot be created: "
                        + again.getMessage(), again);
            }
        }
    }

    /** What {@link #openExisting} found: the outbox, or why a maintenance tool cannot use it. */
    public sealed interface Existing permits Existing.Opened, Existing.Missing, Existing.InUse, Existing.Unusable {
        /** Open; the caller closes it. */
        record Opened(H2Outbox outbox) implements Existing {
        }

        /** No outbox file there (the kiosk never ran with this state directory, or it is the wrong one). */
        record Missing(Path file) implements Existing {
        }

        /** Another process holds the file: the kiosk is running (H2 allows one process at a time). */
        record InUse(Path file) implements Existing {
        }

        /** The file is there but cannot be used: no permission, or not a database H2 can read. */
        record Unusable(Path file, String why) implements Existing {
        }
    }

    /**
     * Opens the outbox already in {@code directory} for a maintenance tool ({@code kioskctl queue}): unlike
     * {@link #open} it creates nothing and moves nothing aside — a file it cannot read is reported and left
     * for the kiosk, which handles it at its next start (ADR 0048).
     */
    public static Existing openExisting(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        Path file = directory.resolve(FILE_NAME);
        if (Files.isDirectory(directory) && !(Files.isReadable(directory) && Files.isExecutable(directory))) {
            return new Existing.Unusable(file, "no permission to open " + directory);
        }
        if (!Files.isRegularFile(file)) {
            return new Existing.Missing(file);
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            return new Existing.Unusable(file, "no permission to read and write it");
        }
        try {
            return new Existing.Opened(new H2Outbox(directory, clock, connect(directory), WriteHook.NONE, null));
        } catch (SQLException | RuntimeException e) {
            if (inUse(e)) {
                return new Existing.InUse(file);
            }
            return new Existing.Unusable(file, (H2Files.corrupt(e) ? "not a database that can be read (damaged?): " : "")
                    + e.getMessage());
        }
    }

    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static void prepareDirectory(Path directory) {
        try {
            H2Files.prepareDirectory(directory);
        } catch (IOException e) {
            throw new OutboxException("The outbox directory " + directory + " cannot be created: " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path directory) throws SQLException {
        return H2Files.open(directory, NAME, s -> {
            s.execute("CREATE TABLE IF NOT EXISTS outbox_meta (last_sequence BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS outbox ("
                    + "seq BIGINT PRIMARY KEY, "
                    + "id UUID NOT NULL UNIQUE, "
                    + "kind VARCHAR(40) NOT NULL, "
                    + "payload VARCHAR(4000) NOT NULL, "
                    + "created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, "
                    + "attempts INT NOT NULL, "
                    + "next_attempt_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, "
                    + "state VARCHAR(16) NOT NULL, "
                    + "last_error VARCHAR(1000), "
                    + "refusal_code VARCHAR(200), "
                    + "refusal_key VARCHAR(200))");
            s.execute("CREATE INDEX IF NOT EXISTS outbox_state ON outbox (state, seq)");
            // whether the patron has been told of a refusal (ADR 0045); added later, so also to older files
            s.execute("ALTER TABLE outbox ADD COLUMN IF NOT EXISTS patron_told BOOLEAN DEFAULT FALSE NOT NULL");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox_meta")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    s.execute("INSERT INTO outbox_meta VALUES ((SELECT COALESCE(MAX(seq), 0) FROM outbox))");
                }
            }
            // read everything once: a file whose pages are damaged fails here, at start, not mid-replay
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(LENGTH(payload)), 0) FROM outbox")) {
                rs.next();
            }
        });
    }

    private static Path moveAside(Path directory, Clock clock, Exception why) {
        Path file = directory.resolve(FILE_NAME);
        Path aside;
        try {
            aside = H2Files.moveAside(file, clock);
        } catch (IOException e) {
            throw new OutboxException("The outbox database " + file + " is unreadable and cannot be moved aside: "
                    + e.getMessage(), e);
        }
        LOG.error("OUTBOX DATABASE CORRUPT: {} could not be read ({}). Moved it to {} (kept for staff and support) and"
                + " started with an empty queue. Operations saved in it have NOT been sent.", file, why.toString(), aside);
        return aside;
    }

    // --- the port ---------------------------------------------------------------------------------

    @Override
    public synchronized OutboxEntry enqueue(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return write("save " + operation.kind(), c -> {
            long seq;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_sequence FROM outbox_meta")) {
                rs.next();
                seq = rs.getLong(1) + 1;
            }
            OutboxEntry entry = new OutboxEntry(UUID.randomUUID(), seq, operation, now, 0, now, OutboxState.PENDING,
                    Optional.empty(), Optional.empty());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO outbox (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                p.setLong(1, seq);
                p.setObject(2, entry.id());
                p.setString(3, operation.kind().name());
                p.setString(4, OperationJson.write(operation));
                p.setObject(5, utc(now));
                p.setInt(6, 0);
                p.setObject(7, utc(now));
                p.setString(8, OutboxState.PENDING.name());
                p.setString(9, null);
                p.setString(10, null);
                p.setString(11, null);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE outbox_meta SET last_sequence = ?")) {
                p.setLong(1, seq);
                p.executeUpdate();
            }
            hook.afterWriteBeforeCommit(entry);
            return entry;
        });
    }

    @Override
    public synchronized Optional<OutboxEntry> find(UUID id) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
                p.setObject(1, id);
                return first(p);
            }
        });
    }

    @Override
    public synchronized Optional<OutboxEntry> head() {
        while (true) {
            Optional<Row> row = read(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE state IN ('PENDING',"
                        + " 'SENDING') ORDER BY seq LIMIT 1"); ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(Row.of(rs)) : Optional.<Row>empty();
                }
            });
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Optional<OutboxEntry> entry = row.get().entry();
            if (entry.isPresent()) {
                return entry;
            }
            // an operation this version cannot read must not block the queue behind it
            markNeedsStaff(row.get().id, "unreadable " + row.get().kind + " operation (written by another version?)");
        }
    }

    @Override
    public synchronized List<OutboxEntry> list(OutboxState... states) {
        String where = states.length == 0 ? "" : " WHERE state IN (" + Arrays.stream(states)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(",")) + ")";
        return read(c -> {
            List<OutboxEntry> entries = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT " + COLUMNS + " FROM outbox" + where + " ORDER BY seq")) {
                while (rs.next()) {
                    Row.of(rs).entry().ifPresent(entries::add);
                }
            }
            return entries;
        });
    }

    @Override
    public synchronized int countOpen() {
        return read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox WHERE state IN ('PENDING', 'SENDING')")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public synchronized List<OutboxEntry> untoldRefusals() {
        return read(c -> {
            List<OutboxEntry> entries = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT " + COLUMNS + " FROM outbox WHERE state = 'REFUSED' AND NOT patron_told ORDER BY seq")) {
                while (rs.next()) {
                    Row.of(rs).entry().ifPresent(entries::add);
                }
            }
            return entries;
        });
    }

    @Override
    public synchronized boolean markTold(UUID id) {
        return update(id, "patron_told = TRUE", "('REFUSED')", p -> { });
    }

    @Override
    public synchronized boolean markSending(UUID id) {
        return update(id, "state = 'SENDING', attempts = attempts + 1, refusal_code = NULL, refusal_key = NULL",
                OPEN, p -> { });
    }

    @Override
    public synchronized boolean markDone(UUID id) {
        return update(id, "state = 'DONE', refusal_code = NULL, refusal_key = NULL", OPEN, p -> { });
    }

    @Override
    public synchronized boolean markRefused(UUID id, Refusal reason) {
        Objects.requireNonNull(reason, "reason");
        return update(id, "state = 'REFUSED', patron_told = FALSE, last_error = ?, refusal_code = ?, refusal_key = ?", OPEN, p -> {
            p.setString(1, truncate("refused: " + reason.code()));
            p.setString(2, truncate(reason.code(), 200));
            p.setString(3, truncate(reason.messageKey(), 200));
        });
    }

    @Override
    public synchronized boolean markNeedsStaff(UUID id, String why) {
        Objects.requireNonNull(why, "why");
        return update(id, "state = 'NEEDS_STAFF', last_error = ?, refusal_code = NULL, refusal_key = NULL", OPEN,
                p -> p.setString(1, truncate(why)));
    }

    @Override
    public synchronized boolean retryLater(UUID id, OutboxState state, Instant nextAttemptAt, String error) {
        if (!state.open()) {
            throw new IllegalArgumentException("retry as PENDING or SENDING, not " + state);
        }
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(error, "error");
        return update(id, "state = ?, next_attempt_at = ?, last_error = ?", OPEN, p -> {
            p.setString(1, state.name());
            p.setObject(2, utc(nextAttemptAt));
            p.setString(3, truncate(error));
        });
    }

    @Override
    public synchronized boolean requeue(UUID id) {
        Instant now = clock.instant();
        return update(id, "state = CASE WHEN state = 'SENDING' THEN 'SENDING' ELSE 'PENDING' END, next_attempt_at = ?, "
                + "refusal_code = NULL, refusal_key = NULL", "('PENDING','SENDING','REFUSED','NEEDS_STAFF')",
                p -> p.setObject(1, utc(now)));
    }

    @Override
    public synchronized boolean discard(UUID id, String why) {
        Objects.requireNonNull(why, "why");
        return update(id, "state = 'REFUSED', last_error = ?, refusal_code = ?, refusal_key = ?",
                "('PENDING','SENDING','REFUSED','NEEDS_STAFF')", p -> {
                    p.setString(1, truncate(why));
                    p.setString(2, DISCARDED.code());
                    p.setString(3, DISCARDED.messageKey());
                });
    }

    @Override
    public synchronized int purgeDone(Instant before) {
        return write("purge", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM outbox WHERE state = 'DONE' AND created_at < ?")) {
                p.setObject(1, utc(before));
                return p.executeUpdate();
            }
        });
    }

    @Override
    public Optional<String> staffWarning() {
        return Optional.ofNullable(warning);
    }

    /** Where the database lives. */
    public Path directory() {
        return directory;
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
            LOG.warn("Closing the outbox database failed", e);
        }
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private static final String OPEN = "('PENDING','SENDING')";

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        checkOpen();
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new OutboxException("Reading the outbox failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction, commits, and forces it to the disk before returning. */
    private <T> T write(String what, Work<T> work) {
        checkOpen();
        try {
            T result = work.run(connection);
            H2Files.commitDurably(connection);
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw new OutboxException("Outbox: " + what + " failed: " + e.getMessage(), e);
        }
    }

    private boolean update(UUID id, String set, String fromStates, Binder binder) {
        Objects.requireNonNull(id, "id");
        return write("update", c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET " + set + " WHERE id = ? AND state IN " + fromStates)) {
                binder.bind(p);
                p.setObject(p.getParameterMetaData().getParameterCount(), id);
                return p.executeUpdate() == 1;
            }
        });
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Outbox rollback failed", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new OutboxException("The outbox is closed", null);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return truncate(s, 1000);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Optional<OutboxEntry> first(PreparedStatement p) throws SQLException {
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Row.of(rs).entry() : Optional.empty();
        }
    }

    /** A row as read, decoded lazily so that one unreadable payload does not hide the rest. */
    private record Row(UUID id, long seq, String kind, String payload, Instant createdAt, int attempts,
                       Instant nextAttemptAt, String state, String lastError, String refusalCode, String refusalKey) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("kind"), rs.getString("payload"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"),
                    rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(), rs.getString("state"),
                    rs.getString("last_error"), rs.getString("refusal_code"), rs.getString("refusal_key"));
        }

        Optional<OutboxEntry> entry() {
            Operation op;
            OutboxState st;
            try {
                st = OutboxState.valueOf(state);
                op = OperationJson.read(OperationKind.valueOf(kind), payload);
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("Outbox #{} ({}) cannot be read by this version: {}", seq, id, e.getMessage());
                return Optional.empty();
            }
            Optional<Refusal> refusal = refusalCode == null ? Optional.empty()
                    : Optional.of(new Refusal(refusalCode, refusalKey == null ? "refusal.unknown" : refusalKey));
            return Optional.of(new OutboxEntry(id, seq, op, createdAt, attempts, nextAttemptAt, st,
                    Optional.ofNullable(lastError), refusal));
        }
    }
}

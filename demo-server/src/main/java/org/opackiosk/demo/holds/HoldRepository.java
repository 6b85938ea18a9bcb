package org.opackiosk.demo.holds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.db.Jdbc;

/** The {@code holds} table. Stateless; every method works on the caller's connection. */
public final class HoldRepository {

    private static final String COLUMNS = "hold_id, patron_id, biblio_id, item_id, item_level, pickup_library_id, "
            + "hold_date, expiration_date, priority, status, waiting_date, lowest_priority, suspended, "
            + "suspended_until, non_priority, item_type, notes, cancellation_date, cancellation_reason, archived, "
            + "updated_at";

    public int insert(Connection connection, Hold hold) throws SQLException {
        String sql = "INSERT INTO holds (" + COLUMNS.substring("hold_id, ".length()) + ") VALUES ("
                + "?, ".repeat(19) + "?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(statement, Arrays.asList(hold.patronId(), hold.biblioId(), hold.itemId(), hold.itemLevel(),
                    hold.pickupLibraryId(), hold.holdDate(), hold.expirationDate(), hold.priority(), hold.status(),
                    hold.waitingDate(), hold.lowestPriority(), hold.suspended(), hold.suspendedUntil(),
                    hold.nonPriority(), hold.itemType(), hold.notes(), hold.cancellationDate(),
                    hold.cancellationReason(), hold.archived(), hold.updatedAt()));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    /** The current holds of a record in queue order (waiting ones first, then by priority). */
    public List<Hold> currentForBiblio(Connection connection, int biblioId) throws SQLException {
        return select(connection, "NOT archived AND biblio_id = ? ORDER BY priority, hold_id", List.of(biblioId));
    }

    /**
     * For each of {@code itemIds} that has one, the current hold attached to that item (waiting,
     * in transit, in processing, or placed on that very item), first in the queue.
     */
    public Map<Integer, Hold> firstForItems(Connection connection, Collection<Integer> itemIds) throws SQLException {
        Map<Integer, Hold> result = new HashMap<>();
        if (itemIds.isEmpty()) {
            return result;
        }
        String marks = String.join(", ", Collections.nCopies(itemIds.size(), "?"));
        for (Hold hold : select(connection, "NOT archived AND item_id IN (" + marks + ") ORDER BY priority, hold_id",
                new ArrayList<>(itemIds))) {
            result.putIfAbsent(hold.itemId(), hold);
        }
        return result;
    }

    public Optional<Hold> find(Connection connection, int holdId) throws SQLException {
        List<Hold> found = select(connection, "hold_id = ?", List.of(holdId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * A patron's current holds ({@code old} false, in the order placed) or old ones (true, newest first):
     * old holds only when not dismissed and cancelled, or filled, on or after {@code oldSince}.
     */
    public List<Hold> listForPatron(Connection connection, int patronId, boolean old, LocalDate oldSince, Page page)
            throws SQLException {
        return old
                ? select(connection, OLD + " ORDER BY COALESCE(cancellation_date, CAST(updated_at AS DATE)) DESC, "
                + "hold_id DESC" + page.limitSql(), Arrays.asList(patronId, oldSince))
                : select(connection, "NOT archived AND patron_id = ? ORDER BY hold_date, hold_id" + page.limitSql(),
                List.of(patronId));
    }

    public int countForPatron(Connection connection, int patronId, boolean old, LocalDate oldSince)
            throws SQLException {
        return old
                ? Jdbc.count(connection, "SELECT COUNT(*) FROM holds WHERE " + OLD, Arrays.asList(patronId, oldSince))
                : Jdbc.count(connection, "SELECT COUNT(*) FROM holds WHERE NOT archived AND patron_id = ?",
                List.of(patronId));
    }

    private static final String OLD = "archived AND NOT dismissed AND patron_id = ? "
            + "AND COALESCE(cancellation_date, CAST(updated_at AS DATE)) >= ?";

    /** A patron's current holds on audio-visual records ({@code true}) or on everything else. */
    public int countCurrentForPatron(Connection connection, int patronId, boolean audioVisual) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM holds h JOIN biblios b ON b.biblio_id = h.biblio_id "
                + "WHERE NOT h.archived AND h.patron_id = ? AND b.material_type "
                + (audioVisual ? "" : "NOT ") + "IN ('DVD', 'CD')", List.of(patronId));
    }

    /** The patron's current holds on a record. */
    public List<Hold> currentForPatronAndBiblio(Connection connection, int patronId, int biblioId)
            throws SQLException {
        return select(connection, "NOT archived AND patron_id = ? AND biblio_id = ?", List.of(patronId, biblioId));
    }

    /** Holds of a record still in the queue (not set aside, not suspended), first in line first. */
    public List<Hold> queuedForBiblio(Connection connection, int biblioId) throws SQLException {
        return select(connection, "NOT archived AND status IS NULL AND NOT suspended AND biblio_id = ? "
                + "ORDER BY priority, hold_id", List.of(biblioId));
    }

    /** Current holds that are waiting, or still queued, past their expiration date. */
    public List<Hold> expired(Connection connection, LocalDate today) throws SQLException {
        return select(connection, "NOT archived AND (status IS NULL OR status = 'W') AND expiration_date < ?",
                List.of(today));
    }

    /** Holds in transit that left before {@code today}: they have arrived. */
    public List<Hold> arrived(Connection connection, LocalDate today) throws SQLException {
        return select(connection, "NOT archived AND status = 'T' AND transit_date < ?", List.of(today));
    }

    /** Sets {@code itemId} aside for the hold: {@code W} waiting until {@code expiration}, or {@code T}. */
    public void setAside(Connection connection, int holdId, int itemId, String status, LocalDate waitingDate,
                         LocalDate expiration, LocalDate transitDate, Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE holds SET item_id = ?, status = ?, waiting_date = ?, expiration_date = ?, "
                        + "transit_date = ?, priority = 0, updated_at = ? WHERE hold_id = ?",
                itemId, status, waitingDate, expiration, transitDate, now, holdId);
    }

    /** Makes the hold old: {@code F} filled, or cancelled on {@code cancellationDate} for {@code reason}. */
    public void archive(Connection connection, int holdId, String status, LocalDate cancellationDate, String reason,
                        Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE holds SET archived = TRUE, status = ?, cancellation_date = ?, "
                + "cancellation_reason = ?, priority = 0, updated_at = ? WHERE hold_id = ?",
                status, cancellationDate, reason, now, holdId);
    }

    public void setPickupLibrary(Connection connection, int holdId, String libraryId, Instant now)
            throws SQLException {
        Jdbc.update(connection, "UPDATE holds SET pickup_library_id = ?, updated_at = ? WHERE hold_id = ?",
                libraryId, now, holdId);
    }

    /** Numbers the queue of a record 1, 2, … again; holds set aside have priority 0. */
    public void renumber(Connection connection, int biblioId) throws SQLException {
        int priority = 1;
        for (Hold hold : select(connection, "NOT archived AND status IS NULL AND biblio_id = ? "
                + "ORDER BY priority, hold_id", List.of(biblioId))) {
            if (hold.priority() != priority) {
                Jdbc.update(connection, "UPDATE holds SET priority = ? WHERE hold_id = ?", priority, hold.holdId());
            }
            priority++;
        }
    }

    /** The next priority in a record's queue. */
    public int nextPriority(Connection connection, int biblioId) throws SQLException {
        return Jdbc.count(connection, "SELECT COALESCE(MAX(priority), 0) + 1 FROM holds WHERE NOT archived "
                + "AND status IS NULL AND biblio_id = ?", List.of(biblioId));
    }

    // ------------------------------------------------------------ the kiosk's extensions

    public Map<Integer, HoldDetails> details(Connection connection, Collection<Integer> holdIds) throws SQLException {
        Map<Integer, HoldDetails> result = new HashMap<>();
        if (holdIds.isEmpty()) {
            return result;
        }
        String marks = String.join(", ", Collections.nCopies(holdIds.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement("SELECT hold_id, contact_method, "
                + "series_group_id, series_position, transit_date, dismissed FROM holds WHERE hold_id IN (" + marks
                + ")")) {
            Jdbc.bind(statement, new ArrayList<>(holdIds));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getInt("hold_id"), new HoldDetails(rs.getInt("hold_id"),
                            rs.getString("contact_method"), Jdbc.integer(rs, "series_group_id"),
                            Jdbc.integer(rs, "series_position"), Jdbc.date(rs, "transit_date"),
                            rs.getBoolean("dismissed")));
                }
            }
        }
        return result;
    }

    public HoldDetails details(Connection connection, int holdId) throws SQLException {
        return details(connection, List.of(holdId)).get(holdId);
    }

    public void setContactMethod(Connection connection, int holdId, String method) throws SQLException {
        Jdbc.update(connection, "UPDATE holds SET contact_method = ? WHERE hold_id = ?", method, holdId);
    }

    public void setSeries(Connection connection, int holdId, int groupId, int position) throws SQLException {
        Jdbc.update(connection, "UPDATE holds SET series_group_id = ?, series_position = ? WHERE hold_id = ?",
                groupId, position, holdId);
    }

    public int nextSeriesGroup(Connection connection) throws SQLException {
        return Jdbc.count(connection, "SELECT NEXT VALUE FOR series_groups", List.of());
    }

    /** The holds of a series group, by position. */
    public List<Hold> series(Connection connection, int groupId) throws SQLException {
        return select(connection, "series_group_id = ? ORDER BY series_position", List.of(groupId));
    }

    public void dismiss(Connection connection, int holdId) throws SQLException {
        Jdbc.update(connection, "UPDATE holds SET dismissed = TRUE WHERE hold_id = ?", holdId);
    }

    public List<Integer> dismissed(Connection connection, int patronId) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement statement = Jdbc.prepare(connection,
                "SELECT hold_id FROM holds WHERE archived AND dismissed AND patron_id = ? ORDER BY hold_id", patronId);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    private static List<Hold> select(Connection connection, String where, List<Object> params) throws SQLException {
        List<Hold> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM holds WHERE " + where)) {
            Jdbc.bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(new Hold(rs.getInt("hold_id"), rs.getInt("patron_id"), rs.getInt("biblio_id"),
                            Jdbc.integer(rs, "item_id"), rs.getBoolean("item_level"),
                            rs.getString("pickup_library_id"), Jdbc.date(rs, "hold_date"),
                            Jdbc.date(rs, "expiration_date"), rs.getInt("priority"), rs.getString("status"),
                            Jdbc.date(rs, "waiting_date"), rs.getBoolean("lowest_priority"),
                            rs.getBoolean("suspended"), Jdbc.instant(rs, "suspended_until"),
                            rs.getBoolean("non_priority"), rs.getString("item_type"), rs.getString("notes"),
                            Jdbc.date(rs, "cancellation_date"), rs.getString("cancellation_reason"),
                            rs.getBoolean("archived"), Jdbc.instant(rs, "updated_at")));
                }
            }
        }
        return result;
    }
}

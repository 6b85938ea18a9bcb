package org.opackiosk.demo.holds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

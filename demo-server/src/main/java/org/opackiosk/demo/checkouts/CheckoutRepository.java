package org.opackiosk.demo.checkouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opackiosk.demo.db.Jdbc;

/** The {@code checkouts} table. Stateless; every method works on the caller's connection. */
public final class CheckoutRepository {

    private static final String COLUMNS = "checkout_id, patron_id, item_id, library_id, checkout_date, due_date, "
            + "last_renewed_date, renewals_count, unseen_renewals, auto_renew, onsite_checkout, note, checkin_date, "
            + "checkin_library_id, updated_at";

    public int insert(Connection connection, Checkout checkout) throws SQLException {
        String sql = "INSERT INTO checkouts (" + COLUMNS.substring("checkout_id, ".length()) + ") VALUES ("
                + "?, ".repeat(13) + "?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(statement, java.util.Arrays.asList(checkout.patronId(), checkout.itemId(), checkout.libraryId(),
                    checkout.checkoutDate(), checkout.dueDate(), checkout.lastRenewedDate(), checkout.renewalsCount(),
                    checkout.unseenRenewals(), checkout.autoRenew(), checkout.onsiteCheckout(), checkout.note(),
                    checkout.checkinDate(), checkout.checkinLibraryId(), checkout.updatedAt()));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    /** The current loan of each of {@code itemIds} that is on loan. */
    public Map<Integer, Checkout> currentForItems(Connection connection, Collection<Integer> itemIds)
            throws SQLException {
        Map<Integer, Checkout> result = new HashMap<>();
        if (itemIds.isEmpty()) {
            return result;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(itemIds.size(), "?"));
        for (Checkout checkout : select(connection,
                "checkin_date IS NULL AND item_id IN (" + marks + ")", new ArrayList<>(itemIds))) {
            result.put(checkout.itemId(), checkout);
        }
        return result;
    }

    /** A patron's current loans, soonest due first. */
    public List<Checkout> currentForPatron(Connection connection, int patronId) throws SQLException {
        return select(connection, "checkin_date IS NULL AND patron_id = ? ORDER BY due_date, checkout_id",
                List.of(patronId));
    }

    private static List<Checkout> select(Connection connection, String where, List<Object> params)
            throws SQLException {
        List<Checkout> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM checkouts WHERE " + where)) {
            Jdbc.bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(new Checkout(rs.getInt("checkout_id"), rs.getInt("patron_id"), rs.getInt("item_id"),
                            rs.getString("library_id"), Jdbc.instant(rs, "checkout_date"),
                            Jdbc.instant(rs, "due_date"), Jdbc.instant(rs, "last_renewed_date"),
                            rs.getInt("renewals_count"), rs.getInt("unseen_renewals"), rs.getBoolean("auto_renew"),
                            rs.getBoolean("onsite_checkout"), rs.getString("note"),
                            Jdbc.instant(rs, "checkin_date"), rs.getString("checkin_library_id"),
                            Jdbc.instant(rs, "updated_at")));
                }
            }
        }
        return result;
    }
}

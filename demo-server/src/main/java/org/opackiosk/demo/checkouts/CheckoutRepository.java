package org.opackiosk.demo.checkouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opackiosk.demo.http.Page;
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

    public Optional<Checkout> find(Connection connection, int checkoutId) throws SQLException {
        List<Checkout> found = select(connection, "checkout_id = ?", List.of(checkoutId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** A patron's current loans ({@code checkedIn} false) or returned ones (true), paged, soonest due first. */
    public List<Checkout> listForPatron(Connection connection, int patronId, boolean checkedIn, Page page)
            throws SQLException {
        return select(connection, (checkedIn ? "checkin_date IS NOT NULL" : "checkin_date IS NULL")
                + " AND patron_id = ? ORDER BY " + (checkedIn ? "checkin_date DESC, " : "due_date, ")
                + "checkout_id" + page.limitSql(), List.of(patronId));
    }

    public int countForPatron(Connection connection, int patronId, boolean checkedIn) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM checkouts WHERE "
                + (checkedIn ? "checkin_date IS NOT NULL" : "checkin_date IS NULL") + " AND patron_id = ?",
                List.of(patronId));
    }

    /** A patron's current loans due before {@code now}. */
    public int countOverdue(Connection connection, int patronId, Instant now) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM checkouts WHERE checkin_date IS NULL AND patron_id = ?"
                + " AND due_date < ?", java.util.Arrays.asList(patronId, now));
    }

    /** Whether the patron has a copy of the record on loan right now. */
    public boolean patronHasBiblioOnLoan(Connection connection, int patronId, int biblioId) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM checkouts c JOIN items i ON i.item_id = c.item_id "
                + "WHERE c.checkin_date IS NULL AND c.patron_id = ? AND i.biblio_id = ?",
                List.of(patronId, biblioId)) > 0;
    }

    public void renew(Connection connection, int checkoutId, Instant due, Instant now, boolean seen)
            throws SQLException {
        Jdbc.update(connection, "UPDATE checkouts SET due_date = ?, last_renewed_date = ?, "
                + "renewals_count = renewals_count + 1, unseen_renewals = "
                + (seen ? "0" : "unseen_renewals + 1") + ", updated_at = ? WHERE checkout_id = ?",
                due, now, now, checkoutId);
        Jdbc.update(connection, "UPDATE items SET renewals_count = renewals_count + 1, updated_at = ? "
                + "WHERE item_id = (SELECT item_id FROM checkouts WHERE checkout_id = ?)", now, checkoutId);
    }

    public void checkin(Connection connection, int checkoutId, String libraryId, Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE checkouts SET checkin_date = ?, checkin_library_id = ?, updated_at = ? "
                + "WHERE checkout_id = ?", now, libraryId, now, checkoutId);
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

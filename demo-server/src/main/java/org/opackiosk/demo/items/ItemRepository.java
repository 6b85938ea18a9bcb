package org.opackiosk.demo.items;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opackiosk.demo.db.Jdbc;
import org.opackiosk.demo.http.Fields;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.SqlCondition;

/** The {@code items} table; deleted items are invisible here. Stateless; works on the caller's connection. */
public final class ItemRepository {

    /** Koha's item fields that {@code q=} and {@code _order_by} accept. */
    public static final Fields FIELDS = Fields.builder()
            .integer("item_id", "item_id")
            .string("external_id", "barcode")
            .string("home_library_id", "home_library_id")
            .string("holding_library_id", "holding_library_id")
            .string("callnumber", "callnumber")
            .string("location", "location")
            .string("item_type_id", "item_type")
            .integer("not_for_loan_status", "not_for_loan")
            .integer("lost_status", "lost")
            .integer("withdrawn", "withdrawn")
            .integer("damaged_status", "damaged")
            .dateTime("timestamp", "updated_at")
            .build();

    private static final String COLUMNS = "item_id, biblio_id, barcode, home_library_id, holding_library_id, "
            + "callnumber, location, permanent_location, item_type, collection_code, copy_number, "
            + "serial_issue_number, public_notes, not_for_loan, lost, withdrawn, damaged, restricted, "
            + "acquisition_date, checkouts_count, renewals_count, holds_count, last_seen_date, updated_at";

    /** Inserts {@code item}, with its own id when it has one; returns the id. */
    public int insert(Connection connection, Item item) throws SQLException {
        boolean explicitId = item.itemId() != null;
        String columns = explicitId ? COLUMNS : COLUMNS.substring("item_id, ".length());
        int count = columns.split(",").length;
        String sql = "INSERT INTO items (" + columns + ") VALUES (" + "?, ".repeat(count - 1) + "?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            List<Object> values = new ArrayList<>();
            if (explicitId) {
                values.add(item.itemId());
            }
            values.addAll(Arrays.asList(item.biblioId(), item.barcode(), item.homeLibraryId(),
                    item.holdingLibraryId(), item.callnumber(), item.location(), item.permanentLocation(),
                    item.itemType(), item.collectionCode(), item.copyNumber(), item.serialIssueNumber(),
                    item.publicNotes(), item.notForLoan(), item.lost(), item.withdrawn(), item.damaged(),
                    item.restricted(), item.acquisitionDate(), item.checkoutsCount(), item.renewalsCount(),
                    item.holdsCount(), item.lastSeenDate(), item.updatedAt()));
            Jdbc.bind(statement, values);
            statement.executeUpdate();
            if (explicitId) {
                return item.itemId();
            }
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    public Optional<Item> find(Connection connection, int itemId) throws SQLException {
        List<Item> found = select(connection, "item_id = ? AND NOT deleted", List.of(itemId), "");
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    public Optional<Item> findByBarcode(Connection connection, String barcode) throws SQLException {
        List<Item> found = select(connection, "barcode = ? AND NOT deleted", List.of(barcode), "");
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    public boolean barcodeExists(Connection connection, String barcode) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM items WHERE barcode = ?", List.of(barcode)) > 0;
    }

    public int countForBiblio(Connection connection, int biblioId, SqlCondition where) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(biblioId);
        params.addAll(where.params());
        return Jdbc.count(connection,
                "SELECT COUNT(*) FROM items WHERE biblio_id = ? AND NOT deleted AND (" + where.sql() + ")", params);
    }

    public List<Item> listForBiblio(Connection connection, int biblioId, SqlCondition where, String orderBy, Page page)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(biblioId);
        params.addAll(where.params());
        return select(connection, "biblio_id = ? AND NOT deleted AND (" + where.sql() + ")", params,
                orderBy + page.limitSql());
    }

    /** The copies of several records in one query (MARC answers embed them as 952), in item order. */
    public List<Item> listForBiblios(Connection connection, List<Integer> biblioIds) throws SQLException {
        if (biblioIds.isEmpty()) {
            return List.of();
        }
        return select(connection, "biblio_id IN (" + "?, ".repeat(biblioIds.size() - 1) + "?) AND NOT deleted",
                new ArrayList<>(biblioIds), " ORDER BY item_id");
    }

    private static final String LOANABLE = "NOT deleted AND not_for_loan = 0 AND lost = 0 AND withdrawn = 0";
    private static final String FREE = LOANABLE
            + " AND item_id NOT IN (SELECT item_id FROM checkouts WHERE checkin_date IS NULL)"
            + " AND item_id NOT IN (SELECT item_id FROM holds WHERE NOT archived AND item_id IS NOT NULL"
            + " AND status IN ('W', 'T', 'P'))";

    /** Copies of a record that can be lent at all (not "not for loan", lost or withdrawn). */
    public List<Item> loanableForBiblio(Connection connection, int biblioId) throws SQLException {
        return select(connection, "biblio_id = ? AND " + LOANABLE, List.of(biblioId), " ORDER BY item_id");
    }

    /** Loanable copies of a record on the shelf: not on loan and not set aside for a hold. */
    public List<Item> freeForBiblio(Connection connection, int biblioId) throws SQLException {
        return select(connection, "biblio_id = ? AND " + FREE, List.of(biblioId), " ORDER BY item_id");
    }

    public boolean isFree(Connection connection, int itemId) throws SQLException {
        return !select(connection, "item_id = ? AND " + FREE, List.of(itemId), "").isEmpty();
    }

    public void setHoldingLibrary(Connection connection, int itemId, String libraryId, Instant now)
            throws SQLException {
        Jdbc.update(connection, "UPDATE items SET holding_library_id = ?, updated_at = ? WHERE item_id = ?",
                libraryId, now, itemId);
    }

    /** Bookkeeping of a new loan: the item's checkout count, its whereabouts. */
    public void lent(Connection connection, int itemId, Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE items SET checkouts_count = checkouts_count + 1, last_seen_date = ?, "
                + "updated_at = ? WHERE item_id = ?", now, now, itemId);
    }

    private static List<Item> select(Connection connection, String where, List<Object> params, String tail)
            throws SQLException {
        List<Item> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM items WHERE " + where + tail)) {
            Jdbc.bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
        }
        return result;
    }

    private static Item row(ResultSet rs) throws SQLException {
        return new Item(rs.getInt("item_id"), rs.getInt("biblio_id"), rs.getString("barcode"),
                rs.getString("home_library_id"), rs.getString("holding_library_id"), rs.getString("callnumber"),
                rs.getString("location"), rs.getString("permanent_location"), rs.getString("item_type"),
                rs.getString("collection_code"), rs.getString("copy_number"), rs.getString("serial_issue_number"),
                rs.getString("public_notes"), rs.getInt("not_for_loan"), rs.getInt("lost"), rs.getInt("withdrawn"),
                rs.getInt("damaged"), Jdbc.integer(rs, "restricted"), Jdbc.date(rs, "acquisition_date"),
                rs.getInt("checkouts_count"), rs.getInt("renewals_count"), rs.getInt("holds_count"),
                Jdbc.instant(rs, "last_seen_date"), Jdbc.instant(rs, "updated_at"));
    }
}

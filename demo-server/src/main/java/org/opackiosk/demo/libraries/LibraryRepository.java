package org.opackiosk.demo.libraries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opackiosk.demo.db.Jdbc;
import org.opackiosk.demo.http.Fields;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.SqlCondition;

/** The {@code libraries} table. Stateless; every method works on the caller's connection. */
public final class LibraryRepository {

    /** Koha's library fields that {@code q=} and {@code _order_by} accept. */
    public static final Fields FIELDS = Fields.builder()
            .string("library_id", "library_id")
            .string("name", "name")
            .string("postal_code", "postal_code")
            .string("city", "city")
            .bool("pickup_location", "pickup_location")
            .bool("public", "is_public")
            .build();

    private static final String COLUMNS = "library_id, name, name_en, address1, address2, address3, postal_code, city, "
            + "state, country, phone, fax, email, url, notes, marc_org_code, pickup_location, is_public, bookmobile, "
            + "sort_order";

    public void insert(Connection connection, Library library) throws SQLException {
        Jdbc.update(connection, "INSERT INTO libraries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?)",
                library.libraryId(), library.name(), library.nameEn(), library.address1(), library.address2(),
                library.address3(), library.postalCode(), library.city(), library.state(), library.country(),
                library.phone(), library.fax(), library.email(), library.url(), library.notes(),
                library.marcOrgCode(), library.pickupLocation(), library.isPublic(), library.bookmobile(),
                library.sortOrder());
    }

    /** Inserts a {@linkplain Library#minimal minimal} library unless one with this id exists. */
    public void ensureExists(Connection connection, String libraryId) throws SQLException {
        if (find(connection, libraryId).isEmpty()) {
            insert(connection, Library.minimal(libraryId));
        }
    }

    public Optional<Library> find(Connection connection, String libraryId) throws SQLException {
        try (PreparedStatement statement = Jdbc.prepare(connection,
                "SELECT " + COLUMNS + " FROM libraries WHERE library_id = ?", libraryId);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    public int count(Connection connection, SqlCondition where) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM libraries WHERE " + where.sql(), where.params());
    }

    /** @param orderBy an {@code ORDER BY} clause built from {@link #FIELDS} */
    public List<Library> list(Connection connection, SqlCondition where, String orderBy, Page page) throws SQLException {
        List<Library> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM libraries WHERE " + where.sql() + orderBy + page.limitSql())) {
            Jdbc.bind(statement, where.params());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
        }
        return result;
    }

    private static Library row(ResultSet rs) throws SQLException {
        return new Library(rs.getString("library_id"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("address1"), rs.getString("address2"), rs.getString("address3"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("state"), rs.getString("country"),
                rs.getString("phone"), rs.getString("fax"), rs.getString("email"), rs.getString("url"),
                rs.getString("notes"), rs.getString("marc_org_code"), rs.getBoolean("pickup_location"),
                rs.getBoolean("is_public"), rs.getBoolean("bookmobile"), rs.getInt("sort_order"));
    }
}

package org.opackiosk.demo.patrons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opackiosk.demo.db.Jdbc;

/** The {@code patrons} table. Stateless; every method works on the caller's connection. */
public final class PatronRepository {

    private static final String COLUMNS = "patron_id, cardnumber, userid, surname, firstname, surname_reading, "
            + "firstname_reading, email, secondary_email, phone, mobile, date_of_birth, library_id, category_id, "
            + "date_enrolled, expiry_date, restricted, restriction_reason, restricted_until, lang, privacy, "
            + "password_hash, password_changed_at, login_attempts, demonstrates_ja, demonstrates_en, updated_at";

    public int insert(Connection connection, Patron patron) throws SQLException {
        String sql = "INSERT INTO patrons (" + COLUMNS.substring("patron_id, ".length()) + ") VALUES ("
                + "?, ".repeat(25) + "?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(statement, Arrays.asList(patron.cardnumber(), patron.userid(), patron.surname(),
                    patron.firstname(), patron.surnameReading(), patron.firstnameReading(), patron.email(),
                    patron.secondaryEmail(), patron.phone(), patron.mobile(), patron.dateOfBirth(), patron.libraryId(),
                    patron.categoryId(), patron.dateEnrolled(), patron.expiryDate(), patron.restricted(),
                    patron.restrictionReason(), patron.restrictedUntil(), patron.lang(), patron.privacy(),
                    patron.passwordHash(), patron.passwordChangedAt(), patron.loginAttempts(),
                    patron.demonstratesJa(), patron.demonstratesEn(), patron.updatedAt()));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    public Optional<Patron> find(Connection connection, int patronId) throws SQLException {
        List<Patron> found = select(connection, "patron_id = ?", List.of(patronId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    public Optional<Patron> findByCardnumber(Connection connection, String cardnumber) throws SQLException {
        List<Patron> found = select(connection, "cardnumber = ?", List.of(cardnumber));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    public Optional<Patron> findByUserid(Connection connection, String userid) throws SQLException {
        List<Patron> found = select(connection, "userid = ?", List.of(userid));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Koha's identifier lookup: the userid first, then the card number. */
    public Optional<Patron> findByIdentifier(Connection connection, String identifier) throws SQLException {
        Optional<Patron> byUserid = findByUserid(connection, identifier);
        return byUserid.isPresent() ? byUserid : findByCardnumber(connection, identifier);
    }

    /**
     * Patrons whose {@code column} (one of cardnumber, userid, email, surname) matches {@code value}
     * case-insensitively: {@code exact}, {@code contains}, {@code starts_with} or {@code ends_with}.
     */
    public List<Patron> search(Connection connection, Map<String, String> filters, String match) throws SQLException {
        StringBuilder where = new StringBuilder("1=1");
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String column = switch (filter.getKey()) {
                case "cardnumber", "userid", "email", "surname", "firstname" -> filter.getKey();
                default -> throw new IllegalArgumentException("not a searchable column: " + filter.getKey());
            };
            String value = filter.getValue().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" AND ").append(column).append(" ILIKE ?");
            params.add(switch (match) {
                case "exact" -> value;
                case "starts_with" -> value + "%";
                case "ends_with" -> "%" + value;
                default -> "%" + value + "%";
            });
        }
        return select(connection, where + " ORDER BY patron_id", params);
    }

    /** Writes every column but the id, the password and the login bookkeeping. */
    public void update(Connection connection, Patron patron) throws SQLException {
        Jdbc.update(connection, "UPDATE patrons SET cardnumber = ?, userid = ?, surname = ?, firstname = ?, "
                        + "email = ?, secondary_email = ?, phone = ?, mobile = ?, date_of_birth = ?, library_id = ?, "
                        + "category_id = ?, date_enrolled = ?, expiry_date = ?, lang = ?, privacy = ?, updated_at = ? "
                        + "WHERE patron_id = ?",
                patron.cardnumber(), patron.userid(), patron.surname(), patron.firstname(), patron.email(),
                patron.secondaryEmail(), patron.phone(), patron.mobile(), patron.dateOfBirth(), patron.libraryId(),
                patron.categoryId(), patron.dateEnrolled(), patron.expiryDate(), patron.lang(), patron.privacy(),
                patron.updatedAt(), patron.patronId());
    }

    public void setPassword(Connection connection, int patronId, String hash, Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE patrons SET password_hash = ?, password_changed_at = ?, login_attempts = 0, "
                + "updated_at = ? WHERE patron_id = ?", hash, now, now, patronId);
    }

    public List<Patron> all(Connection connection) throws SQLException {
        return select(connection, "1=1 ORDER BY patron_id", List.of());
    }

    private static List<Patron> select(Connection connection, String where, List<Object> params) throws SQLException {
        List<Patron> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM patrons WHERE " + where)) {
            Jdbc.bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(new Patron(rs.getInt("patron_id"), rs.getString("cardnumber"), rs.getString("userid"),
                            rs.getString("surname"), rs.getString("firstname"), rs.getString("surname_reading"),
                            rs.getString("firstname_reading"), rs.getString("email"),
                            rs.getString("secondary_email"), rs.getString("phone"), rs.getString("mobile"),
                            Jdbc.date(rs, "date_of_birth"), rs.getString("library_id"), rs.getString("category_id"),
                            Jdbc.date(rs, "date_enrolled"), Jdbc.date(rs, "expiry_date"),
                            rs.getBoolean("restricted"), rs.getString("restriction_reason"),
                            Jdbc.date(rs, "restricted_until"), rs.getString("lang"), rs.getInt("privacy"),
                            rs.getString("password_hash"), Jdbc.instant(rs, "password_changed_at"),
                            rs.getInt("login_attempts"), rs.getString("demonstrates_ja"),
                            rs.getString("demonstrates_en"), Jdbc.instant(rs, "updated_at")));
                }
            }
        }
        return result;
    }
}

package org.opackiosk.demo.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opackiosk.demo.db.Jdbc;

/** The {@code api_keys} table. Stateless; every method works on the caller's connection. */
public final class ApiKeyRepository {

    public Optional<ApiKey> find(Connection connection, String clientId) throws SQLException {
        try (PreparedStatement statement = Jdbc.prepare(connection,
                "SELECT client_id, secret, active FROM api_keys WHERE client_id = ?", clientId);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    /** The first active key, created (random UUIDs, like Koha's) when there is none. */
    public ApiKey firstOrCreate(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT client_id, secret, active FROM api_keys WHERE active ORDER BY created_at, client_id LIMIT 1");
             ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
                return row(rs);
            }
        }
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), UUID.randomUUID().toString(), true);
        Jdbc.update(connection,
                "INSERT INTO api_keys (client_id, secret, description, active, created_at) VALUES (?, ?, ?, TRUE, ?)",
                key.clientId(), key.secret(), "demo kiosk", now);
        return key;
    }

    private static ApiKey row(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("client_id"), rs.getString("secret"), rs.getBoolean("active"));
    }
}

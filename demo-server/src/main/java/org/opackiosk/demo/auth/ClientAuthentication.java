package org.opackiosk.demo.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.http.Authentication;

/**
 * Koha's two ways for an API client: {@code Authorization: Bearer <token>} from {@code /oauth/token},
 * or {@code Authorization: Basic base64(client_id:client_secret)}. A Bearer header that fails does not
 * fall back to anything else, as in Koha.
 */
public final class ClientAuthentication implements Authentication {

    private final TokenService tokens;
    private final Database database;
    private final ApiKeyRepository keys;

    public ClientAuthentication(TokenService tokens, Database database, ApiKeyRepository keys) {
        this.tokens = tokens;
        this.database = database;
        this.keys = keys;
    }

    @Override
    public Optional<String> authenticate(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        String header = authorization.get().strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String credentials = header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return tokens.clientOf(credentials);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(credentials);
        }
        return Optional.empty();
    }

    private Optional<String> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String clientId = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        return verify(clientId, secret) ? Optional.of(clientId) : Optional.empty();
    }

    /** Whether {@code clientId} is an active key with {@code secret}. */
    public boolean verify(String clientId, String secret) {
        Optional<ApiKey> key = database.read(connection -> keys.find(connection, clientId));
        return key.isPresent() && key.get().active() && MessageDigest.isEqual(
                key.get().secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code clientId} names an active key, whatever the secret. */
    public boolean knows(String clientId) {
        return database.read(connection -> keys.find(connection, clientId)).filter(ApiKey::active).isPresent();
    }
}

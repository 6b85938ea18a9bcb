package org.opackiosk.demo.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 access tokens: random, held in memory (a restart ends them all, and a kiosk simply asks for
 * a new one), valid for a fixed lifetime measured on the server's clock. Thread-safe.
 */
public final class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

    public TokenService(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(String clientId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(clientId, clock.instant().plus(lifetime)));
        return token;
    }

    /** The client a live token was issued to; an expired token is forgotten. */
    public Optional<String> clientOf(String token) {
        Issued issued = tokens.get(token);
        if (issued == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(issued.expires())) {
            tokens.remove(token, issued);
            return Optional.empty();
        }
        return Optional.of(issued.clientId());
    }

    /** Every token issued so far stops working. */
    public void revokeAll() {
        tokens.clear();
    }

    private record Issued(String clientId, Instant expires) {
    }
}

package org.opackiosk.circulation.koha;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The current OAuth2 access token, kept until shortly before it expires by the injected {@link Clock}.
 * Thread-safe; nothing blocks but the monitor.
 */
final class TokenCache {

    private final Clock clock;
    private final Duration margin;
    private String token;
    private Instant renewAt = Instant.MIN;

    TokenCache(Clock clock, Duration margin) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /** The token, while it is not yet due for renewal. */
    synchronized Optional<String> current() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Keeps {@code newToken} until {@code lifetime} minus the margin (at most half the lifetime) has passed. */
    synchronized void store(String newToken, Duration lifetime) {
        Duration early = margin.compareTo(lifetime.dividedBy(2)) < 0 ? margin : lifetime.dividedBy(2);
        token = Objects.requireNonNull(newToken, "newToken");
        renewAt = clock.instant().plus(lifetime).minus(early);
    }

    /** Forgets {@code rejected} — unless another thread already replaced it with a fresh one. */
    synchronized void invalidate(String rejected) {
        if (Objects.equals(token, rejected)) {
            token = null;
        }
    }
}

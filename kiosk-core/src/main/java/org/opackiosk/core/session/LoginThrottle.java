package org.opackiosk.core.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing a card's password at this kiosk: the first {@link #FREE_ATTEMPTS} failed
 * logins of a card cost nothing, every further one makes the card wait, twice as long each time
 * (30 s, 1 min, 2 min … at most 15 min). A successful login forgets the card.
 *
 * <p>The kiosk keeps the count across sessions (a patron who walks away and comes back is still
 * throttled), so it must not keep the card number itself: it keys the count by a salted SHA-256
 * of the number, with a salt made per kiosk start. Thread-safe; never blocks.
 */
public final class LoginThrottle {

    public static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private record Failures(int count, Instant blockedUntil) {
    }

    private final Clock clock;
    private final byte[] salt = new byte[16];
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        new java.security.SecureRandom().nextBytes(salt);
    }

    /** How long this card must still wait before the next attempt; zero when it may try now. */
    public Duration waitBeforeNextAttempt(String cardNumber) {
        Failures f = failures.get(key(cardNumber));
        if (f == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A wrong password for this card. Returns the wait now imposed (zero for the first failures). */
    public Duration recordFailure(String cardNumber) {
        Instant now = clock.instant();
        Failures updated = failures.merge(key(cardNumber), new Failures(1, now.plus(waitAfter(1))),
                (old, one) -> new Failures(old.count() + 1, now.plus(waitAfter(old.count() + 1))));
        return waitAfter(updated.count());
    }

    /** The card logged in: its failures are forgotten. */
    public void recordSuccess(String cardNumber) {
        failures.remove(key(cardNumber));
    }

    /** The wait after the {@code count}-th failure in a row. */
    static Duration waitAfter(int count) {
        if (count < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_ATTEMPTS, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private String key(String cardNumber) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(cardNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package org.opackiosk.core.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before attempt {@code n + 1} wait a uniformly random time
 * between zero and {@code min(cap, base × 2^(n−1))}. Full jitter spreads the retries of many kiosks
 * that lost the same server at the same moment, so they do not all knock at once when it returns.
 * Thread-safe when the random source is.
 */
public final class Backoff {

    public static final Duration DEFAULT_BASE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_CAP = Duration.ofMinutes(5);

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); tests pass a fixed value */
    public Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("0 < base <= cap");
        }
    }

    public static Backoff standard() {
        return new Backoff(DEFAULT_BASE, DEFAULT_CAP, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The ceiling of the wait before attempt {@code failures + 1}, before jitter. */
    public Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        long ms = base.toMillis();
        for (int i = 0; i < doublings && ms < cap.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, cap.toMillis()));
    }

    /** How long to wait after {@code failures} failed attempts in a row (at least one). */
    public Duration delay(int failures) {
        double r = random.getAsDouble();
        if (r < 0 || r >= 1) {
            r = 0;
        }
        return Duration.ofMillis((long) (ceiling(failures).toMillis() * r));
    }

    public Duration cap() {
        return cap;
    }
}

package org.opackiosk.app.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * Tells a keyboard-wedge scanner from a person by timing (ADR 0021). A scanner types a whole code
 * in a burst — a key every 5–20 ms — and ends it with Enter; people type a key every 80–400 ms, and
 * even a fast typist's rolled keys come in twos and threes. A burst of at least {@code minLength}
 * characters, each within {@code maxInterval} of the one before, ended by Enter within the interval
 * (and starting with the prefix, when one is configured) is a scan. Pure: time is given in
 * nanoseconds by the caller. Not thread-safe (the FX thread owns it).
 */
public final class KeyBurstDetector {

    /** What to do with the keys held so far. */
    public sealed interface Outcome permits Hold, Release, Scan, Pass {
    }

    /** Hold the key back: it may be part of a scan. */
    public record Hold() implements Outcome {
    }

    /** The held keys were typing: let them through (before this key, when {@code thenHold} holds it as a new burst). */
    public record Release(boolean thenHold) implements Outcome {
    }

    /** The held keys and this Enter were a scan of {@code text} (prefix removed): swallow them. */
    public record Scan(String text) implements Outcome {
        @Override
        public String toString() {
            return "Scan[" + text.length() + " chars]";
        }
    }

    /** Nothing is held and this key is not held either. */
    public record Pass() implements Outcome {
    }

    /** Longer than any barcode: a key held down, not a scan. */
    static final int MAX_LENGTH = 256;

    private final long maxIntervalNanos;
    private final int minLength;
    private final String prefix;
    private final StringBuilder burst = new StringBuilder();
    private long lastKeyNanos;
    // a burst grew past MAX_LENGTH (a key held down): its keys pass until the next pause
    private boolean overflowed;

    public KeyBurstDetector(Duration maxInterval, int minLength, String prefix) {
        this.maxIntervalNanos = maxInterval.toNanos();
        this.minLength = minLength;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** True while keys are held back. */
    public boolean holding() {
        return !burst.isEmpty();
    }

    /** A character was typed at {@code nanos}; {@link Pass} means: let it through, it is not held. */
    public Outcome typed(char c, long nanos) {
        if (overflowed && nanos - lastKeyNanos <= maxIntervalNanos) {
            lastKeyNanos = nanos;
            return new Pass();
        }
        overflowed = false;
        if (holding() && burst.length() >= MAX_LENGTH) {
            burst.setLength(0);
            overflowed = true;
            lastKeyNanos = nanos;
            return new Release(false);
        }
        if (holding() && nanos - lastKeyNanos > maxIntervalNanos) {
            burst.setLength(0);
            burst.append(c);
            lastKeyNanos = nanos;
            return new Release(true);
        }
        burst.append(c);
        lastKeyNanos = nanos;
        return new Hold();
    }

    /** Enter was pressed at {@code nanos}. */
    public Outcome enter(long nanos) {
        if (!holding()) {
            return new Pass();
        }
        String text = burst.toString();
        boolean fast = nanos - lastKeyNanos <= maxIntervalNanos;
        burst.setLength(0);
        if (fast && text.length() >= minLength && text.startsWith(prefix) && text.length() > prefix.length()) {
            return new Scan(text.substring(prefix.length()));
        }
        return new Release(false);
    }

    /**
     * Time passed without a key (called by a timer): when the last key is older than the interval,
     * the held keys were typing.
     */
    public Outcome quiet(long nanos) {
        if (holding() && nanos - lastKeyNanos > maxIntervalNanos) {
            burst.setLength(0);
            return new Release(false);
        }
        return new Pass();
    }
}

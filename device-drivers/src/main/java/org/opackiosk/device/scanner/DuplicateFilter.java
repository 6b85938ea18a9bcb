package org.opackiosk.device.scanner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.opackiosk.core.device.ScanEvent;

/**
 * Drops a code seen again within the window: a camera decodes a card held in front of it many times a
 * second. The window slides — a code held up for ten seconds is reported once — and a different code
 * is reported at once. Thread-safe.
 */
public final class DuplicateFilter {

    private final Clock clock;
    private final Duration window;
    private ScanEvent last;
    private Instant lastSeen = Instant.MIN;

    public DuplicateFilter(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** True when {@code scan} should be reported; remembers it either way. */
    public synchronized boolean isNew(ScanEvent scan) {
        Instant now = clock.instant();
        boolean same = last != null && last.text().equals(scan.text()) && last.symbology() == scan.symbology();
        boolean report = !same || now.isAfter(lastSeen.plus(window)) || window.isZero();
        last = scan;
        lastSeen = now;
        return report;
    }
}

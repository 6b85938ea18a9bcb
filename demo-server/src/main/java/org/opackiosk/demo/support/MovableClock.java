package org.opackiosk.demo.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock: another clock moved forward (or back) by an offset that can be changed while
 * the server runs ({@code --clock-offset}, {@code POST /admin/clock}). Thread-safe.
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock base, Duration offset) {
        this(base, new AtomicReference<>(Objects.requireNonNull(offset, "offset")));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    public Duration offset() {
        return offset.get();
    }

    /** Sets the offset from the underlying clock (not added to the current one). */
    public void setOffset(Duration newOffset) {
        offset.set(Objects.requireNonNull(newOffset, "offset"));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}

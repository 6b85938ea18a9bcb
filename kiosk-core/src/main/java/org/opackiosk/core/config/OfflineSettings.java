package org.opackiosk.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What the kiosk accepts while the circulation server is unreachable, and how long it keeps what was sent.
 *
 * @param holdsPerCard  hold requests one card may queue in one offline period
 * @param holdsPerKiosk hold requests the kiosk queues in all before it refuses more
 * @param doneRetention how long an operation the server has taken stays in the outbox before it is purged (the
 *                      outbox holds card numbers: kept no longer than staff need to look back at a day's work)
 */
public record OfflineSettings(int holdsPerCard, int holdsPerKiosk, Duration doneRetention) {

    public static final Duration DEFAULT_DONE_RETENTION = Duration.ofHours(24);
    public static final OfflineSettings DEFAULTS = new OfflineSettings(3, 200, DEFAULT_DONE_RETENTION);

    public OfflineSettings {
        if (holdsPerCard < 0 || holdsPerKiosk < holdsPerCard) {
            throw new IllegalArgumentException("0 <= holdsPerCard <= holdsPerKiosk");
        }
        Objects.requireNonNull(doneRetention, "doneRetention");
        if (doneRetention.isNegative() || doneRetention.isZero()) {
            throw new IllegalArgumentException("doneRetention must be positive");
        }
    }

    /** The limits, with done entries kept for the default 24 hours. */
    public OfflineSettings(int holdsPerCard, int holdsPerKiosk) {
        this(holdsPerCard, holdsPerKiosk, DEFAULT_DONE_RETENTION);
    }
}

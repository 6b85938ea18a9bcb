package org.opackiosk.circulation.koha;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before a retry. A seam so tests get fixed delays. */
@FunctionalInterface
interface Backoff {

    /** @param retry 1 for the first retry, 2 for the second … */
    Duration delayBefore(int retry);

    /**
     * Exponential backoff with jitter: {@code base × 2^(retry-1)}, capped, then a random 50–100 % of it,
     * so kiosks that lost the server together do not come back in lockstep.
     */
    static Backoff jittered(Duration base, Duration cap) {
        return retry -> {
            long exponential = base.toMillis() << Math.min(retry - 1, 20);
            long capped = Math.min(exponential, cap.toMillis());
            return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        };
    }
}

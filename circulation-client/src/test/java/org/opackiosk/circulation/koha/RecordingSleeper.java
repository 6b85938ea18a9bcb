package org.opackiosk.circulation.koha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link Sleeper} that only writes down how long it was asked to wait. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    List<Duration> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }

    /** Options whose retries wait 100 ms, 200 ms … on this sleeper, i.e. not at all. */
    KohaOptions options() {
        return KohaOptions.defaults().withRetryWaits(retry -> Duration.ofMillis(100L * retry), this);
    }
}

package org.opackiosk.circulation.koha;

import java.time.Duration;

/** Waits between retries. A seam so tests never sleep. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}

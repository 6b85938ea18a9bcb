package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.testing.QueuedScheduler;

/** Five seconds held on the library's name asks for the staff PIN; a tap does nothing new. */
class LongPressTest {

    private final QueuedScheduler scheduler = new QueuedScheduler(false);
    private final AtomicInteger fired = new AtomicInteger();
    private final LongPress press = new LongPress(Duration.ofSeconds(5), scheduler, Runnable::run, fired::incrementAndGet);

    @Test
    void aPressHeldFiveSecondsActsOnceWhileStillHeld() {
        press.pressed();
        scheduler.advance(Duration.ofMillis(4999));
        assertThat(fired.get()).isZero();

        scheduler.advance(Duration.ofMillis(1));
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(fired.get()).isEqualTo(1);
    }

    @Test
    void aShorterPressOrATapDoesNothing() {
        press.pressed();
        scheduler.advance(Duration.ofSeconds(4));
        press.released();
        press.pressed();
        press.released();

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(fired.get()).isZero();
    }
}

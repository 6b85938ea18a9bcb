package org.opackiosk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.5);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.ceiling(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fullJitterDrawsAnywhereBetweenZeroAndTheCeiling() {
        Random random = new Random(42);
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), random::nextDouble);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long ms = backoff.delay(4).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertThat(min).isLessThan(100);
        assertThat(max).isGreaterThan(15_000).isLessThanOrEqualTo(16_000);
    }

    @Test
    void aRandomSourceOutOfRangeNeverMakesANegativeOrHugeDelay() {
        assertThat(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> -3).delay(3)).isEqualTo(Duration.ZERO);
        assertThat(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 7).delay(3)).isEqualTo(Duration.ZERO);
    }
}

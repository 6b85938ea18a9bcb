package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

class BackoffTest {

    private final Backoff backoff = Backoff.jittered(Duration.ofMillis(250), Duration.ofSeconds(2));

    @RepeatedTest(20)
    void waitsGrowExponentiallyWithJitterUpToTheCap() {
        // when / then
        assertThat(backoff.delayBefore(1)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(backoff.delayBefore(2)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(backoff.delayBefore(3)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(backoff.delayBefore(10)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(backoff.delayBefore(100)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}

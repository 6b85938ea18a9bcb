package org.opackiosk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.platform.MutableClock;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:00:00Z"), ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fourFailuresCostNothingTheFifthMakesTheCardWait30Seconds() {
        // given
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("01000001")).isZero();
        }
        // when
        Duration wait = throttle.recordFailure("01000001");
        // then
        assertThat(wait).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitBeforeNextAttempt("01000001")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitBeforeNextAttempt("01000002")).isZero();
    }

    @Test
    void theWaitGrowsWithEveryFurtherFailureAndRunsOut() {
        // given
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("01000001");
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitBeforeNextAttempt("01000001")).isZero();
        // when
        Duration sixth = throttle.recordFailure("01000001");
        clock.advance(Duration.ofSeconds(60));
        Duration seventh = throttle.recordFailure("01000001");
        // then
        assertThat(sixth).isEqualTo(Duration.ofMinutes(1));
        assertThat(seventh).isEqualTo(Duration.ofMinutes(2));
        clock.advance(Duration.ofSeconds(100));
        assertThat(throttle.waitBeforeNextAttempt("01000001")).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theWaitNeverExceedsFifteenMinutes() {
        assertThat(LoginThrottle.waitAfter(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessfulLoginForgetsTheFailures() {
        // given
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("01000001");
        }
        // when
        throttle.recordSuccess("01000001");
        // then
        assertThat(throttle.recordFailure("01000001")).isZero();
    }
}

package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.core.platform.MutableClock;

class LogRingTest {

    private final MutableClock clock = new MutableClock(KioskFixture.START, KioskFixture.TOKYO);

    @Test
    void keepsTheLast200LinesOldestFirst() {
        Object[] lines = IntStream.range(0, 250).boxed().flatMap(i -> java.util.stream.Stream.of(Level.INFO, "line " + i)).toArray();

        LogRing ring = StaffFakes.log(clock, lines);

        assertThat(ring.lines()).hasSize(LogRing.CAPACITY);
        assertThat(ring.lines().get(0).message()).isEqualTo("line 50");
        assertThat(ring.lines().get(199).message()).isEqualTo("line 249");
        assertThat(ring.lines().get(0).logger()).isEqualTo("Thing");
    }

    @Test
    void aCardNumberThatSlippedIntoALogLineIsMaskedOnTheScreen() {
        LogRing ring = StaffFakes.log(clock, Level.WARN, "login refused for 01000001 and A01000003A at 14:05:00");

        assertThat(ring.lines().get(0).message()).isEqualTo("login refused for ****0001 and ****003A at 14:05:00");
    }

    @Test
    void onTheRootLoggerItHearsWhatTheKioskLogs() {
        LogRing ring = LogRing.installOnRootLogger();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        try {
            org.slf4j.LoggerFactory.getLogger("org.opackiosk.app.Somewhere").warn("Printer {} is out of paper", "lp0",
                    new IllegalStateException("no paper"));

            assertThat(ring.lines()).singleElement().satisfies(line -> {
                assertThat(line.level()).isEqualTo(Level.WARN);
                assertThat(line.logger()).isEqualTo("Somewhere");
                assertThat(line.message()).isEqualTo("Printer lp0 is out of paper (java.lang.IllegalStateException: no paper)");
            });
        } finally {
            root.detachAppender(ring);
            ring.stop();
        }
    }

    @Test
    void shortNumbersAndMaskedNumbersStayAsTheyAre() {
        assertThat(LogRing.mask("3 holds, 12345 ms, card ****0001, record r123")).isEqualTo("3 holds, 12345 ms, card ****0001, record r123");
    }
}

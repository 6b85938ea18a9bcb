package org.opackiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.device.testing.TestClock;

class DuplicateFilterTest {

    private final TestClock clock = new TestClock();
    private final DuplicateFilter filter = new DuplicateFilter(clock, Duration.ofSeconds(1));

    private static ScanEvent qr(String text) {
        return new ScanEvent(Symbology.QR_CODE, text, ScanSource.CAMERA);
    }

    @Test
    void theSameCodeWithinASecondIsReportedOnce() {
        assertThat(filter.isNew(qr("A"))).isTrue();
        clock.advance(Duration.ofMillis(300));
        assertThat(filter.isNew(qr("A"))).isFalse();
        clock.advance(Duration.ofMillis(300));
        assertThat(filter.isNew(qr("A"))).isFalse();
    }

    @Test
    void aCodeHeldUpContinuouslyStaysOneScanBecauseTheWindowSlides() {
        assertThat(filter.isNew(qr("A"))).isTrue();
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(200));
            assertThat(filter.isNew(qr("A"))).isFalse();
        }
    }

    @Test
    void theSameCodeAfterAPauseIsReportedAgain() {
        filter.isNew(qr("A"));
        clock.advance(Duration.ofMillis(1001));
        assertThat(filter.isNew(qr("A"))).isTrue();
    }

    @Test
    void aDifferentCodeIsReportedAtOnce() {
        filter.isNew(qr("A"));
        assertThat(filter.isNew(qr("B"))).isTrue();
        assertThat(filter.isNew(qr("A"))).isTrue();
        assertThat(filter.isNew(new ScanEvent(Symbology.CODABAR, "A", ScanSource.CAMERA))).isTrue();
    }
}

package org.opackiosk.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Timing tables: what a wedge scanner, people and a fast typist look like, key by key (milliseconds
 * between keys; the last number is the gap before Enter). The clock is the test's.
 */
class KeyBurstDetectorTest {

    private static final Duration INTERVAL = Duration.ofMillis(30);

    /** Feeds {@code text} with the given gaps (ms) before each key, then Enter after {@code gaps[text.length()]}; returns the scans. */
    private static List<String> type(KeyBurstDetector d, String text, int[] gaps) {
        List<String> scans = new ArrayList<>();
        long t = 1_000_000_000L;
        for (int i = 0; i < text.length(); i++) {
            t += gaps[i] * 1_000_000L;
            // a timer fires between keys when the gap is long, as the scene's timer would
            d.quiet(t - 1);
            d.typed(text.charAt(i), t);
        }
        t += gaps[text.length()] * 1_000_000L;
        if (d.enter(t) instanceof KeyBurstDetector.Scan s) {
            scans.add(s.text());
        }
        return scans;
    }

    private static int[] every(int ms, int n) {
        int[] gaps = new int[n + 1];
        java.util.Arrays.fill(gaps, ms);
        return gaps;
    }

    static Stream<Arguments> scanners() {
        return Stream.of(
                Arguments.of("USB scanner, 5 ms a key", "01000001", every(5, 8)),
                Arguments.of("USB scanner, 12 ms a key", "A01000001A", every(12, 10)),
                Arguments.of("slow scanner, 20 ms a key", "9784865200171", every(20, 13)),
                Arguments.of("jittery scanner, 3–28 ms", "01000014", new int[] {0, 3, 28, 9, 17, 26, 4, 22, 15}));
    }

    @ParameterizedTest(name = "{0} is a scan")
    @MethodSource("scanners")
    void scannerBurstsAreScans(String who, String text, int[] gaps) {
        assertThat(type(new KeyBurstDetector(INTERVAL, 6, ""), text, gaps)).containsExactly(text);
    }

    static Stream<Arguments> people() {
        return Stream.of(
                Arguments.of("a careful person, 400 ms a key", "01000001", every(400, 8)),
                Arguments.of("an average typist, 180 ms a key", "01000001", every(180, 8)),
                Arguments.of("a quick person, 80 ms a key", "01000001", every(80, 8)),
                // rolled keys: pairs and triples at 12–25 ms, separated by ordinary gaps
                Arguments.of("a fast typist's bursts", "taro1234", new int[] {0, 15, 110, 20, 25, 95, 12, 18, 140}),
                Arguments.of("a fast typist ending in a burst", "hanako22", new int[] {0, 90, 85, 12, 14, 18, 22, 16, 120}),
                // six fast keys but a pause before Enter: the patron thinks, then presses Enter
                Arguments.of("fast keys, slow Enter", "012345", new int[] {0, 10, 10, 10, 10, 10, 300}));
    }

    @ParameterizedTest(name = "{0} is typing")
    @MethodSource("people")
    void typingIsNeverAScan(String who, String text, int[] gaps) {
        assertThat(type(new KeyBurstDetector(INTERVAL, 6, ""), text, gaps)).isEmpty();
    }

    @Test
    void aBurstShorterThanTheMinimumIsTyping() {
        assertThat(type(new KeyBurstDetector(INTERVAL, 6, ""), "12345", every(5, 5))).isEmpty();
        assertThat(type(new KeyBurstDetector(INTERVAL, 4, ""), "1234", every(5, 4))).containsExactly("1234");
    }

    @Test
    void withAPrefixOnlyBurstsStartingWithItAreScansAndThePrefixIsRemoved() {
        KeyBurstDetector d = new KeyBurstDetector(INTERVAL, 6, "]C");
        assertThat(type(d, "]C01000001", every(8, 10))).containsExactly("01000001");
        assertThat(type(d, "01000001", every(8, 8))).isEmpty();
        assertThat(type(d, "]C", every(8, 2))).isEmpty();
    }

    @Test
    void heldKeysAreReleasedOnceTheyAreOlderThanTheInterval() {
        KeyBurstDetector d = new KeyBurstDetector(INTERVAL, 6, "");
        assertThat(d.typed('a', 0)).isEqualTo(new KeyBurstDetector.Hold());
        assertThat(d.quiet(30_000_000)).isEqualTo(new KeyBurstDetector.Pass());
        assertThat(d.quiet(31_000_000)).isEqualTo(new KeyBurstDetector.Release(false));
        assertThat(d.holding()).isFalse();
        // a slow key releases the held one and starts a new burst with itself
        d.typed('b', 100_000_000);
        assertThat(d.typed('c', 200_000_000)).isEqualTo(new KeyBurstDetector.Release(true));
        assertThat(d.holding()).isTrue();
        // Enter with nothing held passes straight through
        d.quiet(300_000_000);
        assertThat(d.enter(400_000_000)).isEqualTo(new KeyBurstDetector.Pass());
    }

    @Test
    void aKeyHeldDownIsNotAScan() {
        KeyBurstDetector d = new KeyBurstDetector(INTERVAL, 6, "");
        String repeat = "x".repeat(KeyBurstDetector.MAX_LENGTH + 10);
        assertThat(type(d, repeat, every(5, repeat.length()))).isEmpty();
    }
}

package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.platform.MutableClock;

class TokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
    private final TokenCache cache = new TokenCache(clock, Duration.ofSeconds(60));

    @Test
    void tokenIsKeptUntilTheMarginBeforeItExpires() {
        // given
        cache.store("t", Duration.ofSeconds(3600));

        // when
        clock.advance(Duration.ofSeconds(3539));
        boolean keptJustBefore = cache.current().isPresent();
        clock.advance(Duration.ofSeconds(1));

        // then
        assertThat(keptJustBefore).isTrue();
        assertThat(cache.current()).isEmpty();
    }

    @Test
    void aShortLivedTokenIsRenewedHalfwayRatherThanAtOnce() {
        // given
        cache.store("t", Duration.ofSeconds(60));

        // when / then
        assertThat(cache.current()).contains("t");
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.current()).isEmpty();
    }

    @Test
    void invalidatingAnOlderTokenKeepsTheNewerOne() {
        // given
        cache.store("old", Duration.ofSeconds(3600));
        cache.store("new", Duration.ofSeconds(3600));

        // when
        cache.invalidate("old");

        // then
        assertThat(cache.current()).contains("new");
    }
}

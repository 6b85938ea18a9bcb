package org.opackiosk.circulation.koha;

import java.time.Duration;
import java.util.Objects;

/**
 * The Koha client's seams and limits that are not configuration: a test changes them, a kiosk uses
 * {@link #defaults()}.
 *
 * @param maxBodyBytes       the largest response body read; a larger one is a failure, never read further
 * @param readRetries        how many times a read (an idempotent request) is repeated after a transport failure
 * @param backoff            the wait before each retry
 * @param sleeper            how the wait is spent
 * @param probeTimeout       the response timeout of {@link KohaCirculationService#reachable()}
 * @param tokenRenewalMargin an OAuth2 token is renewed this long before it expires (at most half its lifetime)
 */
record KohaOptions(long maxBodyBytes, int readRetries, Backoff backoff, Sleeper sleeper,
                   Duration probeTimeout, Duration tokenRenewalMargin) {

    static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;

    KohaOptions {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (readRetries < 0) {
            throw new IllegalArgumentException("readRetries must not be negative");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        Objects.requireNonNull(tokenRenewalMargin, "tokenRenewalMargin");
    }

    static KohaOptions defaults() {
        return new KohaOptions(DEFAULT_MAX_BODY_BYTES, 2, Backoff.jittered(Duration.ofMillis(250), Duration.ofSeconds(2)),
                Sleeper.REAL, Duration.ofSeconds(3), Duration.ofSeconds(60));
    }

    KohaOptions withMaxBodyBytes(long bytes) {
        return new KohaOptions(bytes, readRetries, backoff, sleeper, probeTimeout, tokenRenewalMargin);
    }

    KohaOptions withReadRetries(int retries) {
        return new KohaOptions(maxBodyBytes, retries, backoff, sleeper, probeTimeout, tokenRenewalMargin);
    }

    KohaOptions withRetryWaits(Backoff newBackoff, Sleeper newSleeper) {
        return new KohaOptions(maxBodyBytes, readRetries, newBackoff, newSleeper, probeTimeout, tokenRenewalMargin);
    }

    KohaOptions withProbeTimeout(Duration timeout) {
        return new KohaOptions(maxBodyBytes, readRetries, backoff, sleeper, timeout, tokenRenewalMargin);
    }
}

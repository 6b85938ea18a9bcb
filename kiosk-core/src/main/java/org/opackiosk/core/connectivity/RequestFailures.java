package org.opackiosk.core.connectivity;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.opackiosk.core.circulation.CallResult;

/**
 * The last real request to the circulation server that got no answer, or no sure one: what staff read as "last
 * error" next to the dashboard's own check, which can pass while holds are failing. A refusal is an answer and is not
 * kept. Filled by {@link ObservedCirculationService}; thread-safe, never blocks.
 */
public final class RequestFailures {

    /**
     * @param at        when the answer (or its absence) came
     * @param call      the port's operation, e.g. {@code placeHold}
     * @param ambiguous the request may have reached the server ({@link CallResult.Ambiguous}); else nothing answered
     * @param detail    the technical detail (an exception's message, a status code)
     */
    public record Failure(Instant at, String call, boolean ambiguous, String detail) {
        public Failure {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(detail, "detail");
        }
    }

    private final Clock clock;
    private final AtomicReference<Failure> last = new AtomicReference<>();

    public RequestFailures(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps {@code result} of {@code call} when it is a failure; answers (ok or refused) leave the last failure as it was. */
    public void saw(String call, CallResult<?> result) {
        switch (result) {
            case CallResult.Unreachable<?> u -> last.set(new Failure(clock.instant(), call, false, u.detail()));
            case CallResult.Ambiguous<?> a -> last.set(new Failure(clock.instant(), call, true, a.detail()));
            case CallResult.Ok<?> ok -> { }
            case CallResult.Refused<?> r -> { }
        }
    }

    /** The last failed request; empty when none failed since the kiosk started. */
    public Optional<Failure> last() {
        return Optional.ofNullable(last.get());
    }
}

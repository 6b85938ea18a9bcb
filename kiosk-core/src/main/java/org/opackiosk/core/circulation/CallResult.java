package org.opackiosk.core.circulation;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one call to the circulation server. Expected refusals and transport failures
 * are values, never exceptions, so every caller has to decide what the patron sees.
 *
 * <ul>
 *   <li>{@link Ok} — the server answered and the operation happened (or the read succeeded).</li>
 *   <li>{@link Refused} — the server answered and said no, for a reason the patron can be told.</li>
 *   <li>{@link Unreachable} — nothing was sent, or nothing can have happened on the server.</li>
 *   <li>{@link Ambiguous} — a mutation was sent and no answer came: it may have happened.</li>
 * </ul>
 */
public sealed interface CallResult<T>
        permits CallResult.Ok, CallResult.Refused, CallResult.Unreachable, CallResult.Ambiguous {

    record Ok<T>(T value) implements CallResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The server said no. {@code reason} carries the server's code for the log and a message key for the patron. */
    record Refused<T>(Refusal reason) implements CallResult<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Nothing was sent or nothing can have happened. {@code detail} is for the log only, never for a patron. */
    record Unreachable<T>(String detail) implements CallResult<T> {
        public Unreachable {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A mutation was sent and no answer came. {@code detail} is for the log only. */
    record Ambiguous<T>(String detail) implements CallResult<T> {
        public Ambiguous {
            Objects.requireNonNull(detail, "detail");
        }
    }

    static <T> CallResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> CallResult<T> refused(Refusal reason) {
        return new Refused<>(reason);
    }

    static <T> CallResult<T> unreachable(String detail) {
        return new Unreachable<>(detail);
    }

    static <T> CallResult<T> ambiguous(String detail) {
        return new Ambiguous<>(detail);
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** Transforms the value of an {@link Ok}; every other outcome passes through unchanged. */
    default <U> CallResult<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Refused<T> r -> new Refused<>(r.reason());
            case Unreachable<T> u -> new Unreachable<>(u.detail());
            case Ambiguous<T> a -> new Ambiguous<>(a.detail());
        };
    }
}

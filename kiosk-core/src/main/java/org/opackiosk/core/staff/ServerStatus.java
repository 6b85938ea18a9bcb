package org.opackiosk.core.staff;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What staff see about the circulation server after one check. Every part that could not be checked is empty
 * (a token cannot be tried when TLS failed), never a guess.
 *
 * @param address         the server's URL as configured
 * @param reachable       a TLS handshake with the server completed
 * @param roundTrip       how long the handshake took
 * @param pinValid        the certificate's key matched the configured pins (or CA); empty when nothing answered
 * @param certificateDays days until the server's certificate expires (negative: expired); empty when none was seen
 * @param tokenValid      the API client's credentials were accepted; empty when they could not be tried
 * @param problem         what went wrong (its kind, for a sentence in the staff's language, and the technical
 *                        detail); empty when all is well
 */
public record ServerStatus(URI address, boolean reachable, Optional<Duration> roundTrip, Optional<Boolean> pinValid,
                           OptionalLong certificateDays, Optional<Boolean> tokenValid, Optional<Problem> problem) {

    /** What staff can be told went wrong; each kind has a plain sentence on the dashboard. */
    public enum Kind {
        /** Nothing answered: network, cable, or the server is down. */
        UNREACHABLE,
        /** The server answered with a key the kiosk does not trust. */
        UNTRUSTED_CERTIFICATE,
        /** The server refused the kiosk's API client (id or secret). */
        CLIENT_REFUSED,
        /** The handshake worked, the request got no usable answer. */
        NO_ANSWER,
        /** All works, but the certificate runs out within 30 days. */
        CERTIFICATE_EXPIRES_SOON
    }

    /** One problem: its kind and the detail for the technician (an exception's message, a status code). */
    public record Problem(Kind kind, String detail) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public ServerStatus {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(roundTrip, "roundTrip");
        Objects.requireNonNull(pinValid, "pinValid");
        Objects.requireNonNull(certificateDays, "certificateDays");
        Objects.requireNonNull(tokenValid, "tokenValid");
        Objects.requireNonNull(problem, "problem");
    }

    /** Nothing answered at {@code address}. */
    public static ServerStatus unreachable(URI address, String detail) {
        return new ServerStatus(address, false, Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.of(new Problem(Kind.UNREACHABLE, detail)));
    }
}

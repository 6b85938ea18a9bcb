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
 * @param lastError       what went wrong, in plain words; empty when all is well
 */
public record ServerStatus(URI address, boolean reachable, Optional<Duration> roundTrip, Optional<Boolean> pinValid,
                           OptionalLong certificateDays, Optional<Boolean> tokenValid, Optional<String> lastError) {

    public ServerStatus {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(roundTrip, "roundTrip");
        Objects.requireNonNull(pinValid, "pinValid");
        Objects.requireNonNull(certificateDays, "certificateDays");
        Objects.requireNonNull(tokenValid, "tokenValid");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** Nothing answered at {@code address}. */
    public static ServerStatus unreachable(URI address, String why) {
        return new ServerStatus(address, false, Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.of(why));
    }
}

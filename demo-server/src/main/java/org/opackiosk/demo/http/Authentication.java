package org.opackiosk.demo.http;

import java.util.Optional;

/** Checks the credentials of a request to a non-public route. Thread-safe. */
@FunctionalInterface
public interface Authentication {

    /**
     * @param authorization the {@code Authorization} header, if any
     * @return the API client's id, or empty when the credentials are missing, wrong, revoked or expired
     */
    Optional<String> authenticate(Optional<String> authorization);
}

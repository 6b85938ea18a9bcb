package org.opackiosk.core.circulation;

import java.util.Objects;

/**
 * Why the server said no.
 *
 * @param code       the server's own code (e.g. Koha's {@code too_many_reserves}), kept for the log
 * @param messageKey the resource-bundle key of the sentence the patron sees (e.g. {@code refusal.too_many_reserves})
 */
public record Refusal(String code, String messageKey) {
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageKey, "messageKey");
    }
}

package org.opackiosk.core.patron;

import java.util.Objects;

/** The server's id of a patron (Koha {@code patron_id}); not the card number, which is never the key. */
public record PatronId(String value) {
    public PatronId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a patron id is never blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

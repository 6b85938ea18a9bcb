package org.opackiosk.core.circulation;

import java.util.Objects;

/** A library or branch known to the circulation server (a bookmobile stop is one too). */
public record Library(String id, String name, boolean pickupLocation) {
    public Library {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}

package org.opackiosk.core.catalogue;

import java.util.Objects;

/** A completion offered while the patron types: a title or an author name as catalogued. */
public record Suggestion(String text, Kind kind) {

    public enum Kind { TITLE, AUTHOR }

    public Suggestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}

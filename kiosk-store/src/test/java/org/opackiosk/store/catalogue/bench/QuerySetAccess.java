package org.opackiosk.store.catalogue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The old-form table of the index as new → old, for tests that ask in old forms. */
public final class QuerySetAccess {

    private QuerySetAccess() {
    }

    public static Map<Character, Character> oldForms() {
        try {
            return QuerySet.oldForms();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

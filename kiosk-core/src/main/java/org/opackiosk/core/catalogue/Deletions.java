package org.opackiosk.core.catalogue;

import java.util.List;

/**
 * Records the server deleted since a point in time.
 *
 * @param ids     the deleted records' ids
 * @param tracked false when the server cannot tell (a plain Koha without the kiosk's extension): then the
 *                list is empty and only a full rebuild sheds deleted records
 */
public record Deletions(List<String> ids, boolean tracked) {
    public Deletions {
        ids = List.copyOf(ids);
    }

    public static Deletions untracked() {
        return new Deletions(List.of(), false);
    }
}

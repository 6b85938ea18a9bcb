package org.opackiosk.core.circulation;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A record's live availability: its copies with their states, and how many holds wait for it.
 *
 * @param holds the number of current holds on the record (予約 N 件), or empty when the server did not
 *              say (an older server, or a refused count): the kiosk then shows no count rather than 0
 */
public record RecordAvailability(List<Item> items, OptionalInt holds) {
    public RecordAvailability {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(holds, "holds");
    }

    /**
     * Whether a hold can be asked for: not when the record has copies and every one is not for loan (reference,
     * newest issue, 館内のみ), which Koha refuses ({@code no_items}/{@code not_reservable}). A record without copies
     * in the answer is left to the server.
     */
    public boolean holdable() {
        return items.isEmpty() || items.stream().anyMatch(item -> !item.notForLoan());
    }
}

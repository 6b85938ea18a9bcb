package org.opackiosk.app.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.opackiosk.core.circulation.Item;

/**
 * A record's availability as the result list shows it: a word and a glyph, never colour alone. Derived
 * from the copies the server reports; {@link #UNKNOWN} when the server cannot be asked.
 */
public enum Availability {
    /** 在架あり: a copy that can be borrowed is on the shelf. */
    ON_SHELF("search.availability.onShelf"),
    /** 貸出中: every loanable copy is out. */
    ON_LOAN("search.availability.onLoan"),
    /** 在架なし: no loanable copy on the shelf, not all of them on loan — set aside for holds or in transit. */
    NOT_ON_SHELF("search.availability.notOnShelf"),
    /** 館内のみ: there are copies, none for loan (reference, 禁帯出). */
    IN_LIBRARY_ONLY("search.availability.inLibraryOnly"),
    /** 所蔵なし: the server lists no copies. */
    NO_COPIES("search.availability.noCopies"),
    /** 確認中: the server is being asked. */
    CHECKING("search.availability.checking"),
    /** 不明: offline, or the server did not answer. */
    UNKNOWN("search.availability.unknown");

    private final String messageKey;

    Availability(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public static Availability of(List<Item> items) {
        if (items.isEmpty()) {
            return NO_COPIES;
        }
        boolean loanable = false;
        boolean elsewhere = false;
        for (Item item : items) {
            if (!item.notForLoan()) {
                loanable = true;
                if (item.onShelf()) {
                    return ON_SHELF;
                }
                elsewhere |= !item.onLoan(); // 予約確保 or 回送中: not out with a borrower
            }
        }
        return !loanable ? IN_LIBRARY_ONLY : elsewhere ? NOT_ON_SHELF : ON_LOAN;
    }

    /** The earliest date a loaned copy is due back, for "貸出中 (DATE まで)". */
    public static Optional<LocalDate> earliestDue(List<Item> items) {
        return items.stream().flatMap(i -> i.dueDate().stream()).min(LocalDate::compareTo);
    }
}

package org.opackiosk.core.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * One page of changed records, in ascending record-id order.
 *
 * @param entries   the records of this page
 * @param lastId    the id of the last record of this page: the cursor for the next page; empty when the page is empty
 * @param remaining how many matching records the server has after this page's first one, this page
 *                  included (for progress; an estimate when the server does not say)
 * @param last      whether nothing follows this page
 */
public record FeedPage(List<CatalogueEntry> entries, Optional<String> lastId, long remaining, boolean last) {
    public FeedPage {
        entries = List.copyOf(entries);
        if (lastId == null) {
            throw new NullPointerException("lastId");
        }
    }
}

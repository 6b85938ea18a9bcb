package org.opackiosk.core.circulation;

import java.util.List;

/** One page of the server's catalogue listing; {@code totalCount} is the size of the whole listing. */
public record CataloguePage(List<CatalogueRecord> records, int page, int perPage, long totalCount) {
    public CataloguePage {
        records = List.copyOf(records);
    }

    public boolean isLast() {
        return (long) page * perPage >= totalCount;
    }
}

package org.opackiosk.core.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of hits and what the patron needs around it.
 *
 * @param hits          the records of the page asked for, in order
 * @param total         how many records match in all
 * @param itemTypes     facet: matching records per item type code, before the item-type filter
 * @param branches      facet: matching records per branch id, before the branch filter
 * @param took          time spent in the index
 */
public record SearchResult(List<CatalogueEntry> hits, long total, Map<String, Long> itemTypes,
                           Map<String, Long> branches, Duration took) {

    public static final SearchResult EMPTY = new SearchResult(List.of(), 0, Map.of(), Map.of(), Duration.ZERO);

    public SearchResult {
        hits = List.copyOf(hits);
        itemTypes = Map.copyOf(itemTypes);
        branches = Map.copyOf(branches);
        Objects.requireNonNull(took, "took");
    }
}

package org.opackiosk.app.search;

import java.util.List;
import java.util.Optional;

import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.catalogue.IndexStats;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.core.catalogue.Suggestion;

/** A catalogue with nothing in it: for a kiosk (or a test) built without a local index. Thread-safe. */
public final class NoCatalogue implements CatalogueIndex {

    public static final NoCatalogue INSTANCE = new NoCatalogue();

    private NoCatalogue() {
    }

    @Override
    public SearchResult search(SearchQuery query) {
        return SearchResult.EMPTY;
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        return List.of();
    }

    @Override
    public Optional<CatalogueEntry> record(String id) {
        return Optional.empty();
    }

    @Override
    public IndexStats stats() {
        return new IndexStats(0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}

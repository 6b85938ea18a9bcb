package org.opackiosk.app.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.catalogue.IndexStats;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.core.catalogue.Suggestion;

/** A catalogue index in memory for screen tests: a record matches when its title, series title or first author contains the text. */
public final class FakeCatalogueIndex implements CatalogueIndex {

    private final List<CatalogueEntry> entries = new ArrayList<>();
    private final List<SearchQuery> asked = new ArrayList<>();

    public FakeCatalogueIndex add(CatalogueEntry entry) {
        entries.add(entry);
        return this;
    }

    List<SearchQuery> asked() {
        return asked;
    }

    @Override
    public synchronized SearchResult search(SearchQuery query) {
        asked.add(query);
        String text = (query.text().isBlank() ? query.advanced().title() : query.text()).strip();
        List<CatalogueEntry> hits = new ArrayList<>();
        for (CatalogueEntry e : entries) {
            boolean typeOk = query.filters().itemTypes().isEmpty() || query.filters().itemTypes().contains(e.itemTypeId());
            boolean branchOk = query.filters().branches().isEmpty() || e.branches().stream().anyMatch(query.filters().branches()::contains);
            // the series title is searched as a title, as the Lucene index does
            if ((e.title().contains(text) || e.seriesTitle().contains(text) || e.mainAuthor().contains(text)) && typeOk && branchOk) {
                hits.add(e);
            }
        }
        if (query.sort() == SearchQuery.Sort.NEWEST) {
            hits.sort(Comparator.comparingInt((CatalogueEntry e) -> e.year().orElse(0)).reversed());
        }
        Map<String, Long> types = new HashMap<>();
        Map<String, Long> branches = new HashMap<>();
        hits.forEach(e -> {
            types.merge(e.itemTypeId(), 1L, Long::sum);
            e.branches().forEach(b -> branches.merge(b, 1L, Long::sum));
        });
        List<CatalogueEntry> page = hits.subList(Math.min(query.offset(), hits.size()), Math.min(query.offset() + query.limit(), hits.size()));
        return new SearchResult(page, hits.size(), types, branches, Duration.ofMillis(1));
    }

    @Override
    public synchronized List<Suggestion> suggest(String prefix, int limit) {
        return entries.stream().filter(e -> e.title().startsWith(prefix)).limit(limit)
                .map(e -> new Suggestion(e.title(), Suggestion.Kind.TITLE)).toList();
    }

    @Override
    public synchronized Optional<CatalogueEntry> record(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public IndexStats stats() {
        return new IndexStats(entries.size(), 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}

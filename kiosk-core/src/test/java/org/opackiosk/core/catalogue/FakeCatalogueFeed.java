package org.opackiosk.core.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.opackiosk.core.circulation.CallResult;

/**
 * A catalogue server in memory: records with numeric ids and change times, deletions with their times.
 * {@link #failAfterCalls} makes it unreachable after that many page requests (an interrupted sync).
 * Thread-safe enough for tests (synchronized).
 */
public final class FakeCatalogueFeed implements CatalogueFeed {

    private final TreeMap<Long, CatalogueEntry> records = new TreeMap<>();
    private final Map<String, Instant> deleted = new TreeMap<>();
    private boolean tracksDeletions = true;
    private int pageCallsLeft = Integer.MAX_VALUE;
    private int pageCalls;

    public synchronized FakeCatalogueFeed put(CatalogueEntry entry) {
        records.put(Long.parseLong(entry.id()), entry);
        deleted.remove(entry.id());
        return this;
    }

    public synchronized FakeCatalogueFeed put(String id, String title, Instant changedAt) {
        CatalogueEntry e = CatalogueEntry.of(id, title, List.of());
        return put(new CatalogueEntry(e.id(), e.title(), "", "", "", "", "", List.of(), List.of(), "", "", e.year(), "",
                List.of(), "", List.of(), "", "", "", List.of(), changedAt));
    }

    public synchronized void delete(String id, Instant at) {
        records.remove(Long.parseLong(id));
        deleted.put(id, at);
    }

    public synchronized void tracksDeletions(boolean tracks) {
        tracksDeletions = tracks;
    }

    public synchronized void failAfterCalls(int calls) {
        pageCallsLeft = calls;
    }

    public synchronized int pageCalls() {
        return pageCalls;
    }

    @Override
    public synchronized CallResult<Optional<Instant>> latestChange() {
        return CallResult.ok(records.values().stream().map(CatalogueEntry::changedAt).max(Instant::compareTo));
    }

    @Override
    public synchronized CallResult<FeedPage> changedSince(Optional<Instant> since, Optional<String> afterId, int limit) {
        if (pageCallsLeft-- <= 0) {
            return CallResult.unreachable("fake: cut off");
        }
        pageCalls++;
        long after = afterId.map(Long::parseLong).orElse(Long.MIN_VALUE);
        List<CatalogueEntry> matching = new ArrayList<>();
        for (CatalogueEntry e : records.tailMap(after, false).values()) {
            if (since.isEmpty() || !e.changedAt().isBefore(since.get())) {
                matching.add(e);
            }
        }
        List<CatalogueEntry> page = matching.subList(0, Math.min(limit, matching.size()));
        return CallResult.ok(new FeedPage(page, page.isEmpty() ? Optional.empty() : Optional.of(page.getLast().id()),
                matching.size(), matching.size() <= limit));
    }

    @Override
    public synchronized CallResult<Deletions> deletedSince(Instant since) {
        if (!tracksDeletions) {
            return CallResult.ok(Deletions.untracked());
        }
        return CallResult.ok(new Deletions(deleted.entrySet().stream()
                .filter(e -> !e.getValue().isBefore(since)).map(Map.Entry::getKey).toList(), true));
    }
}

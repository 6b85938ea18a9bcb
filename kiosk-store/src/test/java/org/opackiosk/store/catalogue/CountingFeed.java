package org.opackiosk.store.catalogue;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.opackiosk.core.catalogue.CatalogueFeed;
import org.opackiosk.core.catalogue.Deletions;
import org.opackiosk.core.catalogue.FeedPage;
import org.opackiosk.core.circulation.CallResult;

/**
 * A real feed seen through a counter: every call goes to it, and the pages asked for are counted. Optionally
 * the network goes after a number of pages, and every page asked for after them is unreachable.
 */
final class CountingFeed implements CatalogueFeed {

    private final CatalogueFeed feed;
    private final int pagesBeforeCut;
    private final AtomicInteger pages = new AtomicInteger();

    private CountingFeed(CatalogueFeed feed, int pagesBeforeCut) {
        this.feed = feed;
        this.pagesBeforeCut = pagesBeforeCut;
    }

    static CountingFeed of(CatalogueFeed feed) {
        return new CountingFeed(feed, Integer.MAX_VALUE);
    }

    /** The network goes after {@code pages} pages: the cable is pulled. */
    static CountingFeed cutAfter(CatalogueFeed feed, int pages) {
        return new CountingFeed(feed, pages);
    }

    /** The pages asked for so far, the unreachable ones included. */
    int pages() {
        return pages.get();
    }

    @Override
    public CallResult<Optional<Instant>> latestChange() {
        return feed.latestChange();
    }

    @Override
    public CallResult<FeedPage> changedSince(Optional<Instant> since, Optional<String> afterId, int limit) {
        return pages.incrementAndGet() > pagesBeforeCut ? CallResult.unreachable("cable pulled")
                : feed.changedSince(since, afterId, limit);
    }

    @Override
    public CallResult<Deletions> deletedSince(Instant since) {
        return feed.deletedSince(since);
    }
}

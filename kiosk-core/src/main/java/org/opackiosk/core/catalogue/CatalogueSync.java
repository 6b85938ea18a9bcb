package org.opackiosk.core.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.platform.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the local catalogue index in step with the circulation server: a full rebuild the first time
 * (written beside the searchable index, switched to when complete), then incremental updates of the
 * records changed since the last run, and removal of deleted records.
 *
 * <p><b>Correctness:</b> each run first asks the server for its newest change ({@code upTo}) and walks the
 * records in id order; the next run asks for everything changed since that {@code upTo}. A record edited
 * while a run walks past it therefore carries a newer timestamp and comes in the next run — nothing is
 * missed, some records come twice (harmless: writes replace by id). All timestamps are the server's.
 *
 * <p><b>Interruptions:</b> the cursor is stored with every page, so a run cut off anywhere (network,
 * power) resumes at the next page when {@link #sync()} is called again. A server that cannot tell which
 * records were deleted (plain Koha) gets a full rebuild every {@code rebuildEvery} instead.
 *
 * <p>Thread-safe: runs are serialized; {@link #progress()} may be read from any thread. Blocks on the
 * network and the disk: never call on the FX thread. Never throws: failures are {@link Outcome}s.
 */
public final class CatalogueSync {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueSync.class);
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final Duration DEFAULT_REBUILD_EVERY = Duration.ofDays(1);

    /** How a run ended. */
    public sealed interface Outcome {
        /** The index is up to date with the server as of the run's start. */
        record Completed(boolean full, long written, long deleted) implements Outcome {
        }

        /** The run stopped early; the next {@link #sync()} resumes it. {@code detail} is for the log and staff. */
        record Failed(String detail) implements Outcome {
        }
    }

    private final CatalogueFeed feed;
    private final CatalogueStore store;
    private final Clock clock;
    private final Duration rebuildEvery;
    private final int pageSize;
    private final List<Consumer<SyncProgress>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncProgress progress = SyncProgress.NONE;
    private volatile boolean deletionsTracked = true;

    public CatalogueSync(CatalogueFeed feed, CatalogueStore store, Clock clock) {
        this(feed, store, clock, DEFAULT_REBUILD_EVERY, DEFAULT_PAGE_SIZE);
    }

    /**
     * @param rebuildEvery how often to rebuild from scratch when the server cannot list deletions
     * @param pageSize     records asked for per request
     */
    public CatalogueSync(CatalogueFeed feed, CatalogueStore store, Clock clock, Duration rebuildEvery, int pageSize) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rebuildEvery = Objects.requireNonNull(rebuildEvery, "rebuildEvery");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.pageSize = pageSize;
    }

    /** Runs {@link #sync()} on {@code scheduler} now and then every {@code interval}. */
    public Scheduler.Cancellable scheduleEvery(Scheduler scheduler, Duration interval) {
        scheduler.execute(this::sync);
        return scheduler.scheduleEvery(interval, this::sync);
    }

    /** Resumes an interrupted run, or rebuilds when there is no index yet (or one is due), or updates it. */
    public synchronized Outcome sync() {
        Optional<SyncRun> pending = store.pendingRun();
        if (pending.isPresent()) {
            LOG.info("Resuming the interrupted catalogue {} after record {} ({} written)",
                    pending.get().full() ? "rebuild" : "update", pending.get().afterId().orElse("-"), pending.get().written());
            return run(pending.get(), false);
        }
        Optional<Instant> watermark = store.watermark();
        boolean rebuildDue = !deletionsTracked && store.lastRebuild()
                .map(last -> last.plus(rebuildEvery).isBefore(clock.instant())).orElse(true);
        if (watermark.isEmpty() || rebuildDue) {
            return rebuild();
        }
        return start(false, watermark);
    }

    /** Builds the index from scratch beside the searchable one; searches use the old one until it is done. */
    public synchronized Outcome rebuild() {
        return start(true, Optional.empty());
    }

    public SyncProgress progress() {
        return progress;
    }

    /** {@code listener} hears every change of progress, on the syncing thread. */
    public void addListener(Consumer<SyncProgress> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private Outcome start(boolean full, Optional<Instant> since) {
        CallResult<Optional<Instant>> latest = feed.latestChange();
        if (!(latest instanceof CallResult.Ok<Optional<Instant>> ok)) {
            return failed("the server's newest change could not be read: " + describe(latest));
        }
        SyncRun run = new SyncRun(full, since, ok.value().or(() -> since), Optional.empty(), 0, clock.instant());
        try {
            store.begin(run);
        } catch (RuntimeException e) {
            LOG.error("The catalogue index cannot be written", e);
            return failed("the local index cannot be written: " + e.getMessage());
        }
        return run(run, true);
    }

    private Outcome run(SyncRun started, boolean fresh) {
        SyncRun run = started;
        publish(new SyncProgress(run.full() ? SyncProgress.State.REBUILDING : SyncProgress.State.UPDATING,
                run.written(), 0, progress.lastSuccess(), Optional.empty()));
        long deleted = 0;
        try {
            while (true) {
                CallResult<FeedPage> answer = feed.changedSince(run.since(), run.afterId(), pageSize);
                if (!(answer instanceof CallResult.Ok<FeedPage> ok)) {
                    return failed("records after " + run.afterId().orElse("the first") + " could not be read: " + describe(answer));
                }
                FeedPage page = ok.value();
                if (!page.entries().isEmpty()) {
                    run = run.advancedTo(page.lastId(), page.entries().size());
                    store.write(page.entries(), run);
                }
                publish(new SyncProgress(progress.state(), run.written(), run.written() + Math.max(0,
                        page.remaining() - page.entries().size()), progress.lastSuccess(), Optional.empty()));
                if (page.last() || page.entries().isEmpty()) {
                    break;
                }
            }
            if (!run.full() && run.since().isPresent()) {
                CallResult<Deletions> answer = feed.deletedSince(run.since().get());
                if (!(answer instanceof CallResult.Ok<Deletions> ok)) {
                    return failed("deleted records could not be read: " + describe(answer));
                }
                deletionsTracked = ok.value().tracked();
                store.delete(ok.value().ids());
                deleted = ok.value().ids().size();
            }
            Instant now = clock.instant();
            store.finish(now);
            LOG.info("Catalogue {} complete: {} records written, {} deleted{}", run.full() ? "rebuild" : "update",
                    run.written(), deleted, fresh ? "" : " (resumed)");
            publish(new SyncProgress(SyncProgress.State.IDLE, run.written(), run.written(), Optional.of(now), Optional.empty()));
            return new Outcome.Completed(run.full(), run.written(), deleted);
        } catch (RuntimeException e) {
            LOG.error("The catalogue index cannot be written", e);
            return failed("the local index cannot be written: " + e.getMessage());
        }
    }

    private Outcome failed(String detail) {
        LOG.warn("Catalogue sync stopped, it resumes at the next attempt: {}", detail);
        publish(new SyncProgress(SyncProgress.State.IDLE, progress.written(), progress.expected(), progress.lastSuccess(),
                Optional.of(detail)));
        return new Outcome.Failed(detail);
    }

    private void publish(SyncProgress next) {
        progress = next;
        for (Consumer<SyncProgress> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("A sync progress listener failed", e);
            }
        }
    }

    private static String describe(CallResult<?> result) {
        return switch (result) {
            case CallResult.Ok<?> ok -> "ok";
            case CallResult.Refused<?> r -> "refused (" + r.reason().code() + ")";
            case CallResult.Unreachable<?> u -> "unreachable (" + u.detail() + ")";
            case CallResult.Ambiguous<?> a -> "no answer (" + a.detail() + ")";
        };
    }
}

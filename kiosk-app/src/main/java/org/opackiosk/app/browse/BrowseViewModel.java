package org.opackiosk.app.browse;

import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue, page by page, straight from the circulation server (until the local index takes
 * over searching). The server is asked on a worker thread; its answer comes back through the
 * {@link UiDispatcher}. An answer to a request that is no longer wanted (the patron paged on, or
 * the session ended) is dropped. UI thread only.
 */
public final class BrowseViewModel {

    public static final int PER_PAGE = 10;

    /** What the screen shows where the list goes. */
    public enum Status {
        /** Nothing asked yet. */
        NOT_LOADED,
        SHOWING,
        /** The catalogue has nothing. */
        EMPTY,
        /** The server could not be reached: try again later. */
        UNREACHABLE,
        /** The server answered with something the kiosk cannot show: staff should look. */
        FAILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(BrowseViewModel.class);

    private final CirculationService circulation;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;

    private final ObservableList<RecordRow> records = FXCollections.observableArrayList();
    private final ObservableList<RecordRow> recordsView = FXCollections.unmodifiableObservableList(records);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.NOT_LOADED);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page", 1);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 1);
    private final ReadOnlyLongWrapper totalCount = new ReadOnlyLongWrapper(this, "totalCount", 0);
    private final ReadOnlyBooleanWrapper lastPage = new ReadOnlyBooleanWrapper(this, "lastPage", true);
    private final BooleanBinding canGoPrevious;
    private final BooleanBinding canGoNext;

    private int requestedPage = 1;
    private long generation;

    public BrowseViewModel(CirculationService circulation, Scheduler scheduler, UiDispatcher dispatcher) {
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        canGoPrevious = Bindings.createBooleanBinding(
                () -> !loading.get() && status.get() == Status.SHOWING && page.get() > 1, loading, status, page);
        canGoNext = Bindings.createBooleanBinding(
                () -> !loading.get() && status.get() == Status.SHOWING && !lastPage.get(), loading, status, lastPage);
    }

    /** The screen is shown: loads the first page unless a page is already shown. */
    public void open() {
        if (status.get() != Status.SHOWING && !loading.get()) {
            load(requestedPage);
        }
    }

    public void next() {
        if (canGoNext.get()) {
            load(page.get() + 1);
        }
    }

    public void previous() {
        if (canGoPrevious.get()) {
            load(page.get() - 1);
        }
    }

    /** Asks again for the page that could not be shown. */
    public void retry() {
        if (!loading.get()) {
            load(requestedPage);
        }
    }

    /** Forgets everything shown (the session ended); an answer still on its way is dropped. */
    public void clear() {
        generation++;
        records.clear();
        status.set(Status.NOT_LOADED);
        loading.set(false);
        page.set(1);
        pageCount.set(1);
        totalCount.set(0);
        lastPage.set(true);
        requestedPage = 1;
    }

    private void load(int pageNumber) {
        long request = ++generation;
        requestedPage = pageNumber;
        loading.set(true);
        scheduler.execute(() -> {
            CallResult<CataloguePage> result = fetch(pageNumber);
            dispatcher.dispatch(() -> {
                if (request == generation) {
                    show(pageNumber, result);
                }
            });
        });
    }

    private CallResult<CataloguePage> fetch(int pageNumber) {
        try {
            return circulation.cataloguePage(Optional.empty(), pageNumber, PER_PAGE);
        } catch (RuntimeException e) {
            // The port promises results, not exceptions; should an adapter break that, the
            // patron still gets an answer instead of a spinner that never stops.
            LOG.error("Circulation service threw instead of returning a result", e);
            return CallResult.unreachable(e.getClass().getSimpleName());
        }
    }

    private void show(int pageNumber, CallResult<CataloguePage> result) {
        loading.set(false);
        switch (result) {
            case CallResult.Ok<CataloguePage> ok -> {
                CataloguePage p = ok.value();
                records.setAll(p.records().stream().map(RecordRow::of).toList());
                page.set(pageNumber);
                totalCount.set(p.totalCount());
                pageCount.set((int) Math.max(1, (p.totalCount() + PER_PAGE - 1) / PER_PAGE));
                lastPage.set(p.isLast() || p.records().isEmpty());
                status.set(records.isEmpty() ? Status.EMPTY : Status.SHOWING);
            }
            case CallResult.Unreachable<CataloguePage> u -> {
                LOG.info("Catalogue page {} not shown, server unreachable: {}", pageNumber, u.detail());
                records.clear();
                status.set(Status.UNREACHABLE);
            }
            case CallResult.Ambiguous<CataloguePage> a -> {
                // A read cannot have changed anything: to the patron this is the same as unreachable.
                LOG.info("Catalogue page {} not shown, no answer: {}", pageNumber, a.detail());
                records.clear();
                status.set(Status.UNREACHABLE);
            }
            case CallResult.Refused<CataloguePage> r -> {
                LOG.warn("Catalogue page {} refused by the server: {}", pageNumber, r.reason().code());
                records.clear();
                status.set(Status.FAILED);
            }
        }
    }

    public ObservableList<RecordRow> records() {
        return recordsView;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True from asking the server until its answer is shown. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The page shown, from 1. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public BooleanBinding canGoPrevious() {
        return canGoPrevious;
    }

    public BooleanBinding canGoNext() {
        return canGoNext;
    }
}

package org.opackiosk.app.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.config.SearchSettings;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;

/**
 * The record page: the full description from the local index (offline too), the copies per branch with call
 * number and shelf location, their live status from the circulation server when it is reachable, the web
 * OPAC address for the QR code, and the hold action. UI thread only.
 */
public final class RecordViewModel {

    /** One copy as the holdings table shows it. {@code due} is set while it is on loan. */
    public record Holding(String branch, String callNumber, String location, Status status, Optional<LocalDate> due) {
    }

    /** A copy's status, in words on the screen (never colour alone). */
    public enum Status {
        ON_SHELF("record.status.onShelf"),
        ON_LOAN("record.status.onLoan"),
        /** 予約確保: set aside for the patron whose hold it fills. */
        WAITING_FOR_PICKUP("record.status.waitingForPickup"),
        /** 回送中: on its way between branches. */
        IN_TRANSIT("record.status.inTransit"),
        NOT_FOR_LOAN("record.status.notForLoan"),
        CHECKING("record.status.checking"),
        UNKNOWN("record.status.unknown");

        private final String messageKey;

        Status(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final CatalogueIndex index;
    private final CirculationService circulation;
    private final ObservableValue<ConnectionState> connection;
    private final SearchSettings settings;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;

    private final ReadOnlyObjectWrapper<CatalogueEntry> entry = new ReadOnlyObjectWrapper<>(this, "entry");
    private final ObservableList<Holding> holdings = FXCollections.observableArrayList();
    private final ObservableList<Holding> holdingsView = FXCollections.unmodifiableObservableList(holdings);
    private final ReadOnlyObjectWrapper<Optional<String>> webOpacUrl = new ReadOnlyObjectWrapper<>(this, "webOpacUrl", Optional.empty());
    private final ReadOnlyBooleanWrapper holdOffered = new ReadOnlyBooleanWrapper(this, "holdOffered", false);
    /** The server's answer shows every copy is not for loan: 予約する is not offered, and the page says why. */
    private final ReadOnlyBooleanWrapper notHoldable = new ReadOnlyBooleanWrapper(this, "notHoldable", false);
    /** 予約 N 件 on the record shown, when the server said; empty otherwise (offline, not asked yet, not told). */
    private final ReadOnlyObjectWrapper<java.util.OptionalInt> holdCount =
            new ReadOnlyObjectWrapper<>(this, "holdCount", java.util.OptionalInt.empty());
    /** Branch codes → the names the server gives them; kept for the kiosk's life, so they stay known offline. */
    private final javafx.collections.ObservableMap<String, String> branchNames = FXCollections.observableHashMap();
    private final javafx.collections.ObservableMap<String, String> branchNamesView =
            FXCollections.unmodifiableObservableMap(branchNames);
    /** Set on the worker once the server named the branches: they are not asked for again. */
    private volatile boolean branchNamesKnown;
    private BiConsumer<String, String> holdAction;
    private final ReadOnlyBooleanWrapper cartOffered = new ReadOnlyBooleanWrapper(this, "cartOffered", false);
    /** The message key of what 予約カートに入れる did for the record shown; null when nothing was tried. */
    private final javafx.beans.property.ReadOnlyStringWrapper cartResultKey =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "cartResultKey", null);
    private java.util.function.BiFunction<String, String, org.opackiosk.app.holds.CartAdder.Outcome> cartAction;
    private org.opackiosk.app.holds.SeriesAdder seriesAction;
    /** This volume and the following ones of its series, in volume order (local index); empty without a series. */
    private List<org.opackiosk.app.holds.SeriesAdder.Volume> seriesVolumes = List.of();
    /** Whether the server said it places ordered series holds, for the record shown. */
    private final ReadOnlyBooleanWrapper seriesHoldsOnServer = new ReadOnlyBooleanWrapper(this, "seriesHoldsOnServer", false);
    private final ReadOnlyBooleanWrapper seriesOffered = new ReadOnlyBooleanWrapper(this, "seriesOffered", false);
    private long generation;

    public RecordViewModel(CatalogueIndex index, CirculationService circulation, ObservableValue<ConnectionState> connection,
                           SearchSettings settings, Scheduler scheduler, UiDispatcher dispatcher) {
        this.index = Objects.requireNonNull(index, "index");
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** What 予約する does (record id, title); without one the button is not shown. */
    public void setHoldAction(BiConsumer<String, String> action) {
        this.holdAction = action;
        holdOffered.set(action != null);
    }

    /** What 予約カートに入れる does (record id, title → added or not); without one the button is not shown. */
    public void setCartAction(java.util.function.BiFunction<String, String, org.opackiosk.app.holds.CartAdder.Outcome> action) {
        this.cartAction = action;
        cartOffered.set(action != null);
    }

    /** Puts the record shown into the hold cart and says whether it went in. */
    public void addToCart() {
        CatalogueEntry e = entry.get();
        if (e != null && cartAction != null) {
            cartResultKey.set(SearchViewModel.cartMessageKey("record.cart.", cartAction.apply(e.id(), e.title())));
        }
    }

    /** What シリーズを順番に予約 does with the volumes; without one the button is not shown. */
    public void setSeriesAction(org.opackiosk.app.holds.SeriesAdder action) {
        this.seriesAction = action;
        updateSeriesOffered();
    }

    /**
     * シリーズを順番に予約: this volume and the following ones of its series, in volume order, go to the hold
     * cart as one ordered series. Offered only for a record with at least one following volume, and only
     * while the server says it places ordered series holds.
     */
    public void reserveSeries() {
        if (seriesOffered.get()) {
            seriesAction.addSeries(seriesVolumes);
        }
    }

    /** The volumes シリーズを順番に予約 would put in the cart, in order (this one first). */
    public List<org.opackiosk.app.holds.SeriesAdder.Volume> seriesVolumes() {
        return seriesVolumes;
    }

    public ReadOnlyBooleanProperty seriesOfferedProperty() {
        return seriesOffered.getReadOnlyProperty();
    }

    private void updateSeriesOffered() {
        seriesOffered.set(seriesAction != null && seriesHoldsOnServer.get() && seriesVolumes.size() > 1);
    }

    public ReadOnlyBooleanProperty cartOfferedProperty() {
        return cartOffered.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty cartResultKeyProperty() {
        return cartResultKey.getReadOnlyProperty();
    }

    /** Shows record {@code id}: the index's description at once, the live status when the server answers. */
    public void open(String id) {
        cartResultKey.set(null);
        long request = ++generation;
        holdings.clear();
        holdCount.set(java.util.OptionalInt.empty());
        notHoldable.set(false);
        Optional<CatalogueEntry> found = index.record(id);
        entry.set(found.orElse(null));
        seriesHoldsOnServer.set(false);
        seriesVolumes = found.map(e -> SeriesVolumes.fromThisOn(index, e)).orElse(List.of());
        updateSeriesOffered();
        webOpacUrl.set(settings.webOpacUrlTemplate()
                .map(t -> t.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8))));
        if (found.isEmpty()) {
            return;
        }
        boolean online = connection.getValue() == ConnectionState.ONLINE;
        for (CatalogueEntry.Holding h : found.get().holdings()) {
            holdings.add(new Holding(name(h.branchId()), h.callNumber(), h.location(),
                    online ? Status.CHECKING : Status.UNKNOWN, Optional.empty()));
        }
        if (!online) {
            return;
        }
        boolean inSeries = seriesVolumes.size() > 1;
        scheduler.execute(() -> {
            fetchBranchNames();
            CallResult<RecordAvailability> answer = circulation.availability(id);
            // asked only for a record of a series: whether the server takes ordered series holds (順番予約)
            boolean ordered = inSeries
                    && circulation.capabilities().contains(org.opackiosk.core.circulation.Capability.ORDERED_SERIES_HOLDS);
            dispatcher.dispatch(() -> {
                if (request != generation) {
                    return;
                }
                seriesHoldsOnServer.set(ordered);
                updateSeriesOffered();
                if (answer instanceof CallResult.Ok<RecordAvailability> ok) {
                    List<Holding> live = new ArrayList<>();
                    for (Item item : ok.value().items()) {
                        live.add(new Holding(name(item.homeLibraryId()), item.callNumber(), item.location(), status(item),
                                item.dueDate()));
                    }
                    holdings.setAll(live);
                    holdCount.set(ok.value().holds());
                    notHoldable.set(!ok.value().holdable());
                } else {
                    holdings.replaceAll(h -> new Holding(h.branch(), h.callNumber(), h.location(), Status.UNKNOWN, Optional.empty()));
                }
            });
        });
    }

    /**
     * Asks the server for the branches' names on the worker unless they are known already (the result list's
     * branch filters use them too). Offline it does nothing: the codes stay until the server can be asked.
     */
    public void learnBranchNames() {
        if (!branchNamesKnown && connection.getValue() == ConnectionState.ONLINE) {
            scheduler.execute(this::fetchBranchNames);
        }
    }

    /** Blocking, worker thread: the names reach {@link #branchNames()} on the UI thread. */
    private void fetchBranchNames() {
        if (!branchNamesKnown && circulation.libraries() instanceof CallResult.Ok<List<Library>> libraries) {
            branchNamesKnown = true;
            Map<String, String> names = new HashMap<>();
            libraries.value().forEach(l -> names.put(l.id(), l.name()));
            dispatcher.dispatch(() -> branchNames.putAll(names));
        }
    }

    /** Branch code → the library's name, for the branches the server has named so far (none offline until it has). */
    public javafx.collections.ObservableMap<String, String> branchNames() {
        return branchNamesView;
    }

    /** A loan wins over a hold state (the server may list both while a copy is being returned). */
    private static Status status(Item item) {
        if (item.onLoan()) {
            return Status.ON_LOAN;
        }
        return switch (item.state()) {
            case WAITING_FOR_PICKUP -> Status.WAITING_FOR_PICKUP;
            case IN_TRANSIT -> Status.IN_TRANSIT;
            case ORDINARY -> item.notForLoan() ? Status.NOT_FOR_LOAN : Status.ON_SHELF;
        };
    }

    private String name(String branchId) {
        return branchNames.getOrDefault(branchId, branchId);
    }

    public void placeHold() {
        CatalogueEntry e = entry.get();
        if (e != null && holdAction != null) {
            holdAction.accept(e.id(), e.title());
        }
    }

    public void clear() {
        generation++;
        seriesVolumes = List.of();
        seriesHoldsOnServer.set(false);
        updateSeriesOffered();
        cartResultKey.set(null);
        entry.set(null);
        holdings.clear();
        holdCount.set(java.util.OptionalInt.empty());
        notHoldable.set(false);
        webOpacUrl.set(Optional.empty());
    }

    public ReadOnlyObjectProperty<CatalogueEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    public ObservableList<Holding> holdings() {
        return holdingsView;
    }

    public ReadOnlyObjectProperty<Optional<String>> webOpacUrlProperty() {
        return webOpacUrl.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<java.util.OptionalInt> holdCountProperty() {
        return holdCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty notHoldableProperty() {
        return notHoldable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty holdOfferedProperty() {
        return holdOffered.getReadOnlyProperty();
    }
}

package org.opackiosk.app.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.opackiosk.app.frame.Navigator;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.keyboard.KanaInput;
import org.opackiosk.app.keyboard.KeyboardLayout;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.catalogue.Isbn;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.core.catalogue.Suggestion;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search screen and the result list: what the patron types (one box, or the advanced form's fields),
 * on which keyboard, the suggestions while typing, the hits page by page with their availability, the sort
 * and the facet filters. The local index answers (offline too), on a worker thread; availability comes
 * from the circulation server per shown record when it is reachable, "不明" otherwise. Answers that
 * arrive after the patron moved on are dropped. UI thread only.
 */
public final class SearchViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SearchViewModel.class);
    public static final int PER_PAGE = 10;
    public static final int SUGGESTIONS = 6;
    /** 在架のみ asks the server about this many hits at most, in index order: each is one request or two. */
    public static final int AVAILABLE_SCAN_LIMIT = 100;

    /** The fields a patron can type into: the one box, or one of the advanced form's. */
    public enum Field { TEXT, TITLE, AUTHOR, PUBLISHER, ISBN, SUBJECT, NDC, YEAR_FROM, YEAR_TO }

    public enum Status { NOT_SEARCHED, SEARCHING, SHOWING, EMPTY }

    private final CatalogueIndex index;
    private final CirculationService circulation;
    private final ObservableValue<ConnectionState> connection;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Navigator navigator;
    private final RecordViewModel record;

    private final Map<Field, ReadOnlyStringWrapper> fields = new EnumMap<>(Field.class);
    private final ReadOnlyObjectWrapper<Field> focused = new ReadOnlyObjectWrapper<>(this, "focused", Field.TEXT);
    private final ReadOnlyObjectWrapper<KeyboardLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout", KeyboardLayout.KANA);
    private final ReadOnlyBooleanWrapper advanced = new ReadOnlyBooleanWrapper(this, "advanced", false);
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<CatalogueEntry> results = FXCollections.observableArrayList();
    private final ObservableMap<String, Availability> availability = FXCollections.observableHashMap();
    private final ObservableMap<String, Integer> holdCounts = FXCollections.observableHashMap();
    private final ObservableMap<String, String> cartResults = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper availableOnly = new ReadOnlyBooleanWrapper(this, "availableOnly", false);
    private final ReadOnlyBooleanWrapper scanLimited = new ReadOnlyBooleanWrapper(this, "scanLimited", false);
    /** While 在架のみ asks the server: how many hits were asked about, of how many. */
    private final ReadOnlyIntegerWrapper scanned = new ReadOnlyIntegerWrapper(this, "scanned", 0);
    private final ReadOnlyIntegerWrapper scanning = new ReadOnlyIntegerWrapper(this, "scanning", 0);
    private final ReadOnlyBooleanWrapper cartOffered = new ReadOnlyBooleanWrapper(this, "cartOffered", false);
    private final javafx.beans.binding.BooleanBinding online;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.NOT_SEARCHED);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", 0);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page", 1);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 1);
    private final ReadOnlyObjectWrapper<SearchQuery.Sort> sort = new ReadOnlyObjectWrapper<>(this, "sort", SearchQuery.Sort.RELEVANCE);
    private final ObservableMap<String, Long> branchCounts = FXCollections.observableHashMap();
    private final ObservableMap<String, Long> typeCounts = FXCollections.observableHashMap();
    private final Set<String> branchFilter = new HashSet<>();
    private final Set<String> typeFilter = new HashSet<>();
    private final ReadOnlyStringWrapper searchedFor = new ReadOnlyStringWrapper(this, "searchedFor", "");
    // read-only views, made once: a view made per call would lose its listeners when it is collected
    private final ObservableList<Suggestion> suggestionsView = FXCollections.unmodifiableObservableList(suggestions);
    private final ObservableList<CatalogueEntry> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ObservableMap<String, Availability> availabilityView = FXCollections.unmodifiableObservableMap(availability);
    private final ObservableMap<String, Integer> holdCountsView = FXCollections.unmodifiableObservableMap(holdCounts);
    private final ObservableMap<String, String> cartResultsView = FXCollections.unmodifiableObservableMap(cartResults);
    private final ObservableMap<String, Long> branchCountsView = FXCollections.unmodifiableObservableMap(branchCounts);
    private final ObservableMap<String, Long> typeCountsView = FXCollections.unmodifiableObservableMap(typeCounts);

    private SearchQuery lastQuery;
    /** What 在架のみ found for the last query: the on-shelf hits in index order, paged locally. */
    private List<Checked> availableHits = List.of();
    private java.util.function.BiFunction<String, String, org.opackiosk.app.holds.CartAdder.Outcome> cartAction;
    private long searchGeneration;
    private long suggestGeneration;

    public SearchViewModel(CatalogueIndex index, CirculationService circulation, ObservableValue<ConnectionState> connection,
                           Scheduler scheduler, UiDispatcher dispatcher, Navigator navigator, RecordViewModel record) {
        this.index = Objects.requireNonNull(index, "index");
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.record = Objects.requireNonNull(record, "record");
        for (Field f : Field.values()) {
            fields.put(f, new ReadOnlyStringWrapper(this, f.name(), ""));
        }
        online = javafx.beans.binding.Bindings.createBooleanBinding(() -> connection.getValue() == ConnectionState.ONLINE,
                connection);
    }

    /** A hit with what the server said about it. */
    private record Checked(CatalogueEntry entry, Availability availability, java.util.OptionalInt holds) {
    }

    // ---- typing -------------------------------------------------------------------------------------

    /** A key of the on-screen keyboard: typed into the focused field (濁点, 半濁点 and 小 change the last kana). */
    public void press(String key) {
        ReadOnlyStringWrapper field = fields.get(focused.get());
        String next = KanaInput.apply(field.get(), layout.get() == KeyboardLayout.ABC ? key.toLowerCase(java.util.Locale.ROOT) : key);
        if (next.length() <= SearchQuery.MAX_INPUT_LENGTH) {
            field.set(next);
            textChanged();
        }
    }

    /** A character from a physical keyboard: appended to the focused field as it was typed (no layout, no kana modifier). */
    public void typed(String text) {
        ReadOnlyStringWrapper field = fields.get(focused.get());
        String next = field.get() + text;
        if (next.length() <= SearchQuery.MAX_INPUT_LENGTH) {
            field.set(next);
            textChanged();
        }
    }

    public void backspace() {
        ReadOnlyStringWrapper field = fields.get(focused.get());
        String text = field.get();
        if (!text.isEmpty()) {
            field.set(text.substring(0, text.offsetByCodePoints(text.length(), -1)));
            textChanged();
        }
    }

    public void clearField() {
        fields.get(focused.get()).set("");
        textChanged();
    }

    /** Text from a physical keyboard or a test: replaces the focused field. */
    public void setText(String text) {
        String capped = text.length() > SearchQuery.MAX_INPUT_LENGTH ? text.substring(0, SearchQuery.MAX_INPUT_LENGTH) : text;
        fields.get(focused.get()).set(capped);
        textChanged();
    }

    public void focus(Field field) {
        focused.set(field);
        if (field == Field.ISBN || field == Field.NDC || field == Field.YEAR_FROM || field == Field.YEAR_TO) {
            layout.set(KeyboardLayout.NUMBERS);
        }
    }

    public void useLayout(KeyboardLayout next) {
        layout.set(next);
    }

    public void toggleAdvanced() {
        advanced.set(!advanced.get());
        focus(advanced.get() ? Field.TITLE : Field.TEXT);
        suggestions.clear();
    }

    private void textChanged() {
        long request = ++suggestGeneration;
        String prefix = fields.get(Field.TEXT).get();
        if (focused.get() != Field.TEXT || prefix.isBlank()) {
            suggestions.clear();
            return;
        }
        scheduler.execute(() -> {
            List<Suggestion> found = index.suggest(prefix, SUGGESTIONS);
            dispatcher.dispatch(() -> {
                if (request == suggestGeneration) {
                    suggestions.setAll(found);
                }
            });
        });
    }

    public void chooseSuggestion(Suggestion suggestion) {
        fields.get(Field.TEXT).set(suggestion.text());
        suggestions.clear();
        search();
    }

    /** A barcode read on the search screen: a book's ISBN (EAN-13, 978/979) is searched at once. */
    public boolean scanned(String code) {
        if (!Isbn.isBookland(code)) {
            return false;
        }
        advanced.set(false);
        focused.set(Field.TEXT);
        fields.get(Field.TEXT).set(Isbn.compact(code).orElse(code));
        search();
        return true;
    }

    // ---- searching ----------------------------------------------------------------------------------

    /** Searches what was typed and shows the result list; nothing happens when nothing was typed. */
    public void search() {
        SearchQuery query = new SearchQuery(advanced.get() ? "" : fields.get(Field.TEXT).get(), advancedFields(),
                new SearchQuery.Filters(Set.of(), Set.of()), sort.get(), 0, PER_PAGE);
        if (query.isBlank()) {
            return;
        }
        branchFilter.clear();
        typeFilter.clear();
        availableOnly.set(false);
        suggestions.clear();
        searchedFor.set(describe());
        run(query, 1);
        navigator.open(ScreenId.RESULTS);
    }

    private SearchQuery.Advanced advancedFields() {
        if (!advanced.get()) {
            return SearchQuery.Advanced.NONE;
        }
        return new SearchQuery.Advanced(text(Field.TITLE), text(Field.AUTHOR), text(Field.PUBLISHER), text(Field.ISBN),
                text(Field.SUBJECT), text(Field.NDC), year(Field.YEAR_FROM), year(Field.YEAR_TO));
    }

    private String describe() {
        if (!advanced.get()) {
            return fields.get(Field.TEXT).get().strip();
        }
        List<String> parts = new ArrayList<>();
        for (Field f : List.of(Field.TITLE, Field.AUTHOR, Field.PUBLISHER, Field.ISBN, Field.SUBJECT, Field.NDC)) {
            if (!text(f).isBlank()) {
                parts.add(text(f).strip());
            }
        }
        if (!text(Field.YEAR_FROM).isBlank() || !text(Field.YEAR_TO).isBlank()) {
            parts.add(text(Field.YEAR_FROM).strip() + "–" + text(Field.YEAR_TO).strip());
        }
        return String.join(" / ", parts);
    }

    private String text(Field f) {
        return fields.get(f).get();
    }

    private OptionalInt year(Field f) {
        String digits = text(f).replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 4) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    public void next() {
        if (lastQuery != null && page.get() < pageCount.get()) {
            turnTo(page.get() + 1);
        }
    }

    public void previous() {
        if (lastQuery != null && page.get() > 1) {
            turnTo(page.get() - 1);
        }
    }

    private void turnTo(int pageNumber) {
        if (availableOnly.get()) {
            showAvailable(pageNumber);
        } else {
            run(lastQuery, pageNumber);
        }
    }

    /**
     * 在架のみ / Available now: only records with a loanable copy on the shelf now. Only the server knows, so it
     * is offered while the server is reachable; the first {@value #AVAILABLE_SCAN_LIMIT} hits are asked about.
     * Offline it does nothing (the screen says why it is disabled).
     */
    public void toggleAvailableNow() {
        if (!availableOnly.get() && !online.get()) {
            return;
        }
        availableOnly.set(!availableOnly.get());
        if (lastQuery != null) {
            run(lastQuery, 1);
        }
    }

    public void sortBy(SearchQuery.Sort order) {
        sort.set(order);
        if (lastQuery != null) {
            run(lastQuery.withSort(order), 1);
        }
    }

    public void toggleBranch(String branchId) {
        toggle(branchFilter, branchId);
    }

    public void toggleItemType(String itemType) {
        toggle(typeFilter, itemType);
    }

    public boolean branchSelected(String branchId) {
        return branchFilter.contains(branchId);
    }

    public boolean itemTypeSelected(String itemType) {
        return typeFilter.contains(itemType);
    }

    private void toggle(Set<String> filter, String value) {
        if (!filter.remove(value)) {
            filter.add(value);
        }
        if (lastQuery != null) {
            run(lastQuery, 1);
        }
    }

    private void run(SearchQuery base, int pageNumber) {
        if (availableOnly.get() && !online.get()) {
            availableOnly.set(false); // the server went away: the filter cannot be honoured
        }
        if (availableOnly.get()) {
            runAvailable(base);
            return;
        }
        scanLimited.set(false);
        SearchQuery query = base.withFilters(new SearchQuery.Filters(typeFilter, branchFilter))
                .withPage((pageNumber - 1) * PER_PAGE, PER_PAGE);
        lastQuery = query;
        long request = ++searchGeneration;
        status.set(Status.SEARCHING);
        scheduler.execute(() -> {
            SearchResult result = index.search(query);
            dispatcher.dispatch(() -> {
                if (request == searchGeneration) {
                    show(result, pageNumber, request);
                }
            });
        });
    }

    /** 在架のみ: the first hits of the query, each asked about on the worker, the on-shelf ones kept. */
    private void runAvailable(SearchQuery base) {
        SearchQuery query = base.withFilters(new SearchQuery.Filters(typeFilter, branchFilter))
                .withPage(0, AVAILABLE_SCAN_LIMIT);
        lastQuery = query;
        long request = ++searchGeneration;
        status.set(Status.SEARCHING);
        scanned.set(0);
        scanning.set(0);
        scheduler.execute(() -> {
            SearchResult result = index.search(query);
            int of = result.hits().size();
            List<Checked> onShelf = new ArrayList<>();
            for (int i = 0; i < of; i++) {
                Checked checked = ask(result.hits().get(i));
                if (checked.availability() == Availability.ON_SHELF) {
                    onShelf.add(checked);
                }
                int done = i + 1;
                dispatcher.dispatch(() -> {
                    if (request == searchGeneration) {
                        scanning.set(of);
                        scanned.set(done);
                    }
                });
            }
            dispatcher.dispatch(() -> {
                if (request == searchGeneration) {
                    availableHits = List.copyOf(onShelf);
                    scanLimited.set(result.total() > result.hits().size());
                    facets(result);
                    showAvailable(1);
                }
            });
        });
    }

    private void showAvailable(int pageNumber) {
        int from = Math.min(availableHits.size(), (pageNumber - 1) * PER_PAGE);
        List<Checked> shown = availableHits.subList(from, Math.min(availableHits.size(), from + PER_PAGE));
        results.setAll(shown.stream().map(Checked::entry).toList());
        total.set(availableHits.size());
        page.set(pageNumber);
        pageCount.set(Math.max(1, (availableHits.size() + PER_PAGE - 1) / PER_PAGE));
        availability.clear();
        holdCounts.clear();
        for (Checked c : shown) {
            availability.put(c.entry().id(), c.availability());
            c.holds().ifPresent(n -> holdCounts.put(c.entry().id(), n));
        }
        status.set(shown.isEmpty() ? Status.EMPTY : Status.SHOWING);
    }

    private void facets(SearchResult result) {
        if (!result.branches().isEmpty()) {
            record.learnBranchNames(); // the branch filters are labelled with the libraries' names, as the record page is
        }
        branchCounts.clear();
        branchCounts.putAll(result.branches());
        typeCounts.clear();
        typeCounts.putAll(result.itemTypes());
    }

    private void show(SearchResult result, int pageNumber, long request) {
        results.setAll(result.hits());
        total.set(result.total());
        page.set(pageNumber);
        pageCount.set((int) Math.max(1, (result.total() + PER_PAGE - 1) / PER_PAGE));
        facets(result);
        status.set(result.hits().isEmpty() ? Status.EMPTY : Status.SHOWING);
        availability.clear();
        holdCounts.clear();
        boolean reachable = online.get();
        for (CatalogueEntry e : result.hits()) {
            availability.put(e.id(), reachable ? Availability.CHECKING : Availability.UNKNOWN);
            if (reachable) {
                scheduler.execute(() -> {
                    Checked checked = ask(e);
                    dispatcher.dispatch(() -> {
                        if (request == searchGeneration) {
                            availability.put(e.id(), checked.availability());
                            checked.holds().ifPresent(n -> holdCounts.put(e.id(), n));
                        }
                    });
                });
            }
        }
    }

    /** Blocking: the server's answer for one hit, 不明 when it gives none. Worker thread only. */
    private Checked ask(CatalogueEntry e) {
        try {
            CallResult<RecordAvailability> answer = circulation.availability(e.id());
            if (answer instanceof CallResult.Ok<RecordAvailability> ok) {
                return new Checked(e, Availability.of(ok.value().items()), ok.value().holds());
            }
        } catch (RuntimeException failure) {
            LOG.warn("Availability of record {} could not be asked", e.id(), failure);
        }
        return new Checked(e, Availability.UNKNOWN, java.util.OptionalInt.empty());
    }

    /** What 予約カートに入れる on a result row does (record id, title → added or not); without one no row offers it. */
    /** The message key for what the cart did: {@code prefix} + added / already / full (the last takes the cart's size). */
    static String cartMessageKey(String prefix, org.opackiosk.app.holds.CartAdder.Outcome outcome) {
        return prefix + switch (outcome) {
            case ADDED -> "added";
            case ALREADY_IN_CART -> "already";
            case FULL -> "full";
        };
    }

    public void setCartAction(java.util.function.BiFunction<String, String, org.opackiosk.app.holds.CartAdder.Outcome> action) {
        this.cartAction = action;
        cartOffered.set(action != null);
    }

    /** Puts a shown record into the hold cart; the row then says whether it went in. */
    public void addToCart(String recordId) {
        if (cartAction == null) {
            return;
        }
        results.stream().filter(e -> e.id().equals(recordId)).findFirst().ifPresent(e ->
                cartResults.put(e.id(), cartMessageKey("results.cart.", cartAction.apply(e.id(), e.title()))));
    }

    public void openRecord(String id) {
        record.open(id);
        navigator.open(ScreenId.RECORD);
    }

    /** The session ended: nothing the patron typed or found stays. */
    public void reset() {
        searchGeneration++;
        suggestGeneration++;
        fields.values().forEach(f -> f.set(""));
        focused.set(Field.TEXT);
        layout.set(KeyboardLayout.KANA);
        advanced.set(false);
        suggestions.clear();
        results.clear();
        availability.clear();
        holdCounts.clear();
        cartResults.clear();
        availableOnly.set(false);
        scanLimited.set(false);
        availableHits = List.of();
        branchCounts.clear();
        typeCounts.clear();
        branchFilter.clear();
        typeFilter.clear();
        status.set(Status.NOT_SEARCHED);
        total.set(0);
        page.set(1);
        pageCount.set(1);
        sort.set(SearchQuery.Sort.RELEVANCE);
        searchedFor.set("");
        lastQuery = null;
        record.clear();
    }

    // ---- state for the views ------------------------------------------------------------------------

    public ReadOnlyStringProperty fieldProperty(Field f) {
        return fields.get(f).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Field> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyboardLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty advancedProperty() {
        return advanced.getReadOnlyProperty();
    }

    public ObservableList<Suggestion> suggestions() {
        return suggestionsView;
    }

    public ObservableList<CatalogueEntry> results() {
        return resultsView;
    }

    public ObservableMap<String, Availability> availability() {
        return availabilityView;
    }

    /** The number of holds on each shown record, where the server said (予約 N 件). */
    public ObservableMap<String, Integer> holdCounts() {
        return holdCountsView;
    }

    /** What 予約カートに入れる did per record id: the message key to show on its row. */
    public ObservableMap<String, String> cartResults() {
        return cartResultsView;
    }

    public ReadOnlyBooleanProperty cartOfferedProperty() {
        return cartOffered.getReadOnlyProperty();
    }

    /** Whether only records on the shelf now are shown (在架のみ). */
    public ReadOnlyBooleanProperty availableOnlyProperty() {
        return availableOnly.getReadOnlyProperty();
    }

    /** 在架のみ can be used: the server is reachable. */
    public javafx.beans.binding.BooleanExpression availableNowOfferedProperty() {
        return online;
    }

    /** While 在架のみ asks the server about the hits: how many were asked about so far. */
    public ReadOnlyIntegerProperty scannedProperty() {
        return scanned.getReadOnlyProperty();
    }

    /** While 在架のみ asks the server about the hits: how many it will ask about. */
    public ReadOnlyIntegerProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    /** 在架のみ looked at the first {@value #AVAILABLE_SCAN_LIMIT} hits only: there were more. */
    public ReadOnlyBooleanProperty scanLimitedProperty() {
        return scanLimited.getReadOnlyProperty();
    }

    public ObservableMap<String, Long> branchCounts() {
        return branchCountsView;
    }

    /** Branch code → the library's name, where the server has named it; a filter shows the code otherwise. */
    public ObservableMap<String, String> branchNames() {
        return record.branchNames();
    }

    public ObservableMap<String, Long> itemTypeCounts() {
        return typeCountsView;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SearchQuery.Sort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty searchedForProperty() {
        return searchedFor.getReadOnlyProperty();
    }
}

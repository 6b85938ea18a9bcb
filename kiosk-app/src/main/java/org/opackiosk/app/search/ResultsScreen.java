package org.opackiosk.app.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.SearchQuery;

/**
 * The result list: how many records match, ten a page with large paging buttons, the sort, the branch and
 * material filters, and per record its material (icon and word), title, author, year and availability
 * badge (在架あり / 貸出中 / 不明 …, in words). FX thread only.
 */
public final class ResultsScreen {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final SearchViewModel vm;
    private final Localization l10n;
    private final BorderPane root = new BorderPane();
    private final VBox list = new VBox();
    private final FlowPane facets = new FlowPane();

    public ResultsScreen(SearchViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().add("results");
        root.setTop(header());
        root.setCenter(body());
        root.setBottom(pager());
        vm.results().addListener((ListChangeListener<CatalogueEntry>) c -> fill());
        vm.availability().addListener((MapChangeListener<String, Availability>) c -> fill());
        vm.holdCounts().addListener((MapChangeListener<String, Integer>) c -> fill());
        vm.cartResults().addListener((MapChangeListener<String, String>) c -> fill());
        vm.cartOfferedProperty().addListener((obs, old, now) -> fill());
        vm.branchCounts().addListener((MapChangeListener<String, Long>) c -> fillFacets());
        vm.itemTypeCounts().addListener((MapChangeListener<String, Long>) c -> fillFacets());
        vm.branchNames().addListener((MapChangeListener<String, String>) c -> fillFacets());
        l10n.localeProperty().addListener((obs, old, now) -> {
            fill();
            fillFacets();
        });
    }

    public Node node() {
        return root;
    }

    private Node header() {
        Label count = Controls.label(Bindings.createStringBinding(() -> l10n.get("results.count", vm.searchedForProperty().get(),
                String.valueOf(vm.totalProperty().get())), vm.searchedForProperty(), vm.totalProperty(), l10n.localeProperty()), "heading");
        count.setId("resultCount");
        HBox sorts = new HBox();
        sorts.getStyleClass().add("sort-bar");
        sorts.getChildren().add(Controls.label(l10n.text("results.sort"), "sort-label"));
        for (SearchQuery.Sort s : SearchQuery.Sort.values()) {
            Button b = Controls.button(l10n.text("results.sort." + s.name().toLowerCase(java.util.Locale.ROOT)), null, "sort-button");
            b.setId("sort-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setOnAction(e -> vm.sortBy(s));
            b.pseudoClassStateChanged(CURRENT, vm.sortProperty().get() == s);
            vm.sortProperty().addListener((obs, old, now) -> b.pseudoClassStateChanged(CURRENT, now == s));
            sorts.getChildren().add(b);
        }
        sorts.setAlignment(Pos.CENTER_LEFT);
        facets.getStyleClass().add("facets");
        facets.setId("facets");
        VBox header = new VBox(count, sorts, availableNow(), facets);
        header.getStyleClass().add("results-header");
        return header;
    }

    /**
     * 在架のみ: a toggle while the server is reachable; offline it is disabled and says why. When it looked at
     * the first hits only, it says so.
     */
    private Node availableNow() {
        Button toggle = Controls.button(l10n.text("results.availableNow"), null, "facet", "available-now");
        toggle.setId("availableNow");
        toggle.setOnAction(e -> vm.toggleAvailableNow());
        toggle.pseudoClassStateChanged(CURRENT, vm.availableOnlyProperty().get());
        vm.availableOnlyProperty().addListener((obs, old, on) -> toggle.pseudoClassStateChanged(CURRENT, on));
        toggle.disableProperty().bind(vm.availableNowOfferedProperty().not());
        Label why = Controls.label(l10n.text("results.availableNow.offline"), "available-now-note");
        why.setId("availableNowOffline");
        why.setWrapText(true);
        Controls.showWhen(why, vm.availableNowOfferedProperty().not());
        Label limited = Controls.label(Bindings.createStringBinding(() -> l10n.get("results.availableNow.limited",
                String.valueOf(SearchViewModel.AVAILABLE_SCAN_LIMIT)), l10n.localeProperty()), "available-now-note");
        limited.setId("availableNowLimited");
        limited.setWrapText(true);
        // asking the server about up to a hundred records takes seconds: say what is happening meanwhile
        Label checking = Controls.label(Bindings.createStringBinding(() -> l10n.get("results.availableNow.checking",
                String.valueOf(vm.scannedProperty().get()), String.valueOf(vm.scanningProperty().get())),
                vm.scannedProperty(), vm.scanningProperty(), l10n.localeProperty()), "available-now-note");
        checking.setId("availableNowChecking");
        Controls.showWhen(checking, vm.availableOnlyProperty().and(vm.statusProperty().isEqualTo(SearchViewModel.Status.SEARCHING)));
        Controls.showWhen(limited, vm.availableOnlyProperty().and(vm.scanLimitedProperty())
                .and(vm.statusProperty().isNotEqualTo(SearchViewModel.Status.SEARCHING)));
        HBox bar = new HBox(toggle, why, checking, limited);
        HBox.setHgrow(why, Priority.ALWAYS);
        HBox.setHgrow(limited, Priority.ALWAYS);
        bar.getStyleClass().add("available-now-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node body() {
        list.getStyleClass().add("record-list");
        list.setId("resultList");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("record-scroll");
        scroll.setFocusTraversable(false);
        Label empty = Controls.label(l10n.text("results.empty"), "message-text");
        empty.setId("noResults");
        Controls.showWhen(empty, vm.statusProperty().isEqualTo(SearchViewModel.Status.EMPTY));
        Controls.showWhen(scroll, vm.statusProperty().isNotEqualTo(SearchViewModel.Status.EMPTY));
        VBox body = new VBox(empty, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        body.setAlignment(Pos.TOP_CENTER);
        return body;
    }

    private void fill() {
        list.getChildren().clear();
        for (CatalogueEntry e : vm.results()) {
            list.getChildren().add(row(e));
        }
    }

    private Node row(CatalogueEntry e) {
        MaterialType material = MaterialType.ofItemType(e.itemTypeId());
        Label word = Controls.label(l10n.text(material.messageKey()), "material-word");
        VBox badge = new VBox(Icons.icon(material.glyph(), "icon-material"), word);
        badge.getStyleClass().add("material-badge");
        badge.setAlignment(Pos.CENTER);

        Label title = new Label(e.title() + (e.volume().isEmpty() ? "" : " " + e.volume()));
        title.getStyleClass().add("record-title");
        title.setWrapText(true);
        List<String> meta = new ArrayList<>();
        if (!e.mainAuthor().isEmpty()) {
            meta.add(e.mainAuthor());
        }
        if (!e.publisher().isEmpty()) {
            meta.add(e.publisher());
        }
        e.year().ifPresent(y -> meta.add(l10n.get("browse.year", String.valueOf(y))));
        Label details = new Label(String.join(l10n.get("browse.separator"), meta));
        details.getStyleClass().add("record-meta");
        details.setWrapText(true);
        VBox text = new VBox(title, details);
        text.getStyleClass().add("record-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);

        Availability a = vm.availability().getOrDefault(e.id(), Availability.UNKNOWN);
        Label status = new Label(l10n.get(a.messageKey()));
        status.getStyleClass().addAll("availability", "availability-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        status.setGraphic(Icons.icon(a == Availability.ON_SHELF ? Glyph.CHECK : a == Availability.UNKNOWN ? Glyph.OFFLINE : Glyph.CHECKING));
        status.setContentDisplay(ContentDisplay.LEFT);
        status.setMinWidth(Label.USE_PREF_SIZE);
        VBox live = new VBox(status);
        live.getStyleClass().add("record-live");
        live.setAlignment(Pos.CENTER);
        Integer holds = vm.holdCounts().get(e.id());
        if (holds != null && holds > 0) {
            Label count = new Label(l10n.get("search.holds", String.valueOf(holds)));
            count.getStyleClass().add("hold-count");
            count.setMinWidth(Label.USE_PREF_SIZE);
            live.getChildren().add(count);
        }

        HBox row = new HBox(badge, text, live);
        if (vm.cartOfferedProperty().get()) {
            row.getChildren().add(cart(e));
        }
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("record-row", "record-row-content");
        row.setMaxWidth(Double.MAX_VALUE);
        // the record's id as user data, never as a node id: JavaFX's CSS keeps the styles it worked out for every
        // node id it has seen for as long as the scene lives, so an id per record grows the heap with every record
        // ever shown (docs/benchmarks.md, ADR 0106)
        row.setUserData(e.id());
        // the whole row is the touch target: the record page opens on release, as a button would
        row.setOnMouseClicked(ev -> vm.openRecord(e.id()));
        return row;
    }

    /** 予約カートに入れる on the row, a secondary button; once pressed, what the cart did in its place. */
    private Node cart(CatalogueEntry e) {
        String result = vm.cartResults().get(e.id());
        if (result != null) {
            Label said = new Label(l10n.get(result, org.opackiosk.app.holds.CartViewModel.MAX_ITEMS));
            said.getStyleClass().add("row-cart-result");
            said.setWrapText(true);
            return said;
        }
        Button add = Controls.button(l10n.text("results.cart"), null, "row-cart");
        add.setWrapText(true);
        add.setOnAction(ev -> vm.addToCart(e.id()));
        // the row opens the record on a click: a press on this button is not one
        add.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, javafx.event.Event::consume);
        return add;
    }

    private void fillFacets() {
        facets.getChildren().clear();
        Map<String, Long> types = new TreeMap<>(vm.itemTypeCounts());
        Map<String, Long> branches = new TreeMap<>(vm.branchCounts());
        if (types.size() > 1 || types.keySet().stream().anyMatch(vm::itemTypeSelected)) {
            types.forEach((type, n) -> facets.getChildren().add(chip(
                    l10n.get(MaterialType.ofItemType(type).messageKey()) + " (" + n + ")", "facet-type-" + type,
                    vm.itemTypeSelected(type), () -> vm.toggleItemType(type))));
        }
        if (branches.size() > 1 || branches.keySet().stream().anyMatch(vm::branchSelected)) {
            branches.forEach((branch, n) -> facets.getChildren().add(chip(
                    vm.branchNames().getOrDefault(branch, branch) + " (" + n + ")", "facet-branch-" + branch,
                    vm.branchSelected(branch), () -> vm.toggleBranch(branch))));
        }
    }

    private Button chip(String text, String id, boolean selected, Runnable action) {
        Button b = new Button(text);
        b.setMnemonicParsing(false);
        b.getStyleClass().add("facet");
        b.setFocusTraversable(false);
        b.setId(id);
        b.pseudoClassStateChanged(CURRENT, selected);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node pager() {
        Button previous = Controls.button(l10n.text("browse.previous"), Glyph.PREVIOUS, "pager-button");
        previous.setId("previousPage");
        previous.setOnAction(e -> vm.previous());
        previous.disableProperty().bind(vm.pageProperty().lessThanOrEqualTo(1));
        Button next = Controls.button(l10n.text("browse.next"), Glyph.NEXT, "pager-button", "primary");
        next.setId("nextPage");
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.pageProperty().greaterThanOrEqualTo(vm.pageCountProperty()));
        Label page = Controls.label(l10n.format("browse.page", vm.pageProperty(), vm.pageCountProperty()), "page-indicator");
        page.setId("resultPage");
        HBox pager = new HBox(previous, Controls.hgrow(), page, Controls.hgrow(), next);
        pager.getStyleClass().add("pager");
        pager.setAlignment(Pos.CENTER);
        pager.visibleProperty().bind(vm.statusProperty().isEqualTo(SearchViewModel.Status.SHOWING));
        return pager;
    }
}

package org.opackiosk.app.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.browse.BrowseViewModel.Status;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;

/**
 * The catalogue, ten records a page, with big Previous / Next buttons. Landscape screens show the
 * records in two columns, portrait screens in one.
 */
public final class BrowseScreen {

    /** From this width the records are shown in two columns. */
    static final double TWO_COLUMNS_FROM = 1500;

    private final BrowseViewModel vm;
    private final Localization l10n;
    private final BorderPane root = new BorderPane();
    private final GridPane list = new GridPane();
    private int columns = 0;

    public BrowseScreen(BrowseViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().add("browse");
        root.setTop(header());
        root.setCenter(body());
        root.setBottom(pager());
    }

    public Node node() {
        return root;
    }

    private Node header() {
        Label title = Controls.label(l10n.text("browse.title"), "heading");
        title.setId("browseTitle");
        Label count = Controls.label(l10n.format("browse.count", vm.totalCountProperty()), "browse-count");
        count.setId("browseCount");
        Controls.showWhen(count, vm.statusProperty().isEqualTo(Status.SHOWING));
        HBox header = new HBox(title, Controls.hgrow(), count);
        header.getStyleClass().add("browse-header");
        header.setAlignment(Pos.BASELINE_LEFT);
        return header;
    }

    private Node body() {
        list.getStyleClass().add("record-list");
        list.setId("recordList");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("record-scroll");
        scroll.setFocusTraversable(false);
        Controls.showWhen(scroll, vm.statusProperty().isEqualTo(Status.SHOWING));

        vm.records().addListener((ListChangeListener<RecordRow>) c -> fillList());
        scroll.widthProperty().addListener((obs, old, width) -> {
            int wanted = width.doubleValue() >= TWO_COLUMNS_FROM ? 2 : 1;
            if (wanted != columns) {
                columns = wanted;
                fillList();
            }
        });
        columns = 1;
        fillList();

        StackPane body = new StackPane(scroll, message(), loadingPanel());
        body.getStyleClass().add("browse-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    private void fillList() {
        list.getChildren().clear();
        list.getColumnConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setFillWidth(true);
            list.getColumnConstraints().add(cc);
        }
        List<RecordRow> rows = new ArrayList<>(vm.records());
        for (int i = 0; i < rows.size(); i++) {
            Node row = recordRow(rows.get(i));
            GridPane.setFillHeight(row, true);
            list.add(row, i % columns, i / columns);
        }
    }

    private Node recordRow(RecordRow record) {
        Label type = Controls.label(l10n.text(record.material().messageKey()), "material-word");
        VBox badge = new VBox(Icons.icon(record.material().glyph(), "icon-material"), type);
        badge.getStyleClass().add("material-badge");
        badge.setAlignment(Pos.CENTER);

        Label title = new Label(record.title());
        title.getStyleClass().add("record-title");
        title.setWrapText(true);
        VBox text = new VBox(title);
        text.getStyleClass().add("record-text");
        text.setAlignment(Pos.CENTER_LEFT);
        if (!record.subtitle().isEmpty()) {
            Label subtitle = new Label(record.subtitle());
            subtitle.getStyleClass().add("record-subtitle");
            subtitle.setWrapText(true);
            text.getChildren().add(subtitle);
        }
        StringBinding meta = Bindings.createStringBinding(() -> {
            List<String> parts = new ArrayList<>();
            if (!record.author().isEmpty()) {
                parts.add(record.author());
            }
            if (!record.publisher().isEmpty()) {
                parts.add(record.publisher());
            }
            // As a string: MessageFormat would write the year 2019 as "2,019".
            record.year().ifPresent(y -> parts.add(l10n.get("browse.year", String.valueOf(y))));
            return String.join(l10n.get("browse.separator"), parts);
        }, l10n.localeProperty());
        Label details = Controls.label(meta, "record-meta");
        Controls.showWhen(details, meta.isNotEmpty());
        text.getChildren().add(details);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);

        HBox row = new HBox(badge, text);
        row.getStyleClass().add("record-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMaxWidth(Double.MAX_VALUE);
        row.setUserData(record.id());
        return row;
    }

    private Node message() {
        StringBinding words = Bindings.createStringBinding(() -> switch (vm.statusProperty().get()) {
            case UNREACHABLE -> l10n.get("browse.unreachable");
            case FAILED -> l10n.get("browse.failed");
            case EMPTY -> l10n.get("browse.empty");
            case NOT_LOADED, SHOWING -> "";
        }, vm.statusProperty(), l10n.localeProperty());
        Label text = Controls.label(words, "message-text");
        text.setId("browseMessage");
        Button retry = Controls.button(l10n.text("browse.retry"), null, "retry-button");
        retry.setId("retryButton");
        retry.setOnAction(e -> vm.retry());
        Controls.showWhen(retry, vm.statusProperty().isNotEqualTo(Status.EMPTY));
        VBox box = new VBox(Icons.icon(Glyph.OFFLINE, "icon-message"), text, retry);
        box.getStyleClass().add("message-panel");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        Controls.showWhen(box, vm.loadingProperty().not().and(
                vm.statusProperty().isEqualTo(Status.UNREACHABLE)
                        .or(vm.statusProperty().isEqualTo(Status.FAILED))
                        .or(vm.statusProperty().isEqualTo(Status.EMPTY))));
        return box;
    }

    private Node loadingPanel() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("loading-progress");
        progress.setFocusTraversable(false);
        Label text = Controls.label(l10n.text("browse.loading"), "loading-text");
        VBox box = new VBox(progress, text);
        box.getStyleClass().add("loading-panel");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        box.setId("loadingPanel");
        Controls.showWhen(box, vm.loadingProperty());
        // Only spin while visible: an indeterminate indicator animates even when hidden.
        progress.progressProperty().bind(Bindings.when(vm.loadingProperty())
                .then(ProgressIndicator.INDETERMINATE_PROGRESS).otherwise(0.0));
        return box;
    }

    private Node pager() {
        Button previous = Controls.button(l10n.text("browse.previous"), Glyph.PREVIOUS, "pager-button");
        previous.setId("previousButton");
        previous.setOnAction(e -> vm.previous());
        previous.disableProperty().bind(vm.canGoPrevious().not());

        Button next = Controls.button(l10n.text("browse.next"), Glyph.NEXT, "pager-button", "primary");
        next.setId("nextButton");
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.canGoNext().not());

        Label page = Controls.label(l10n.format("browse.page", vm.pageProperty(), vm.pageCountProperty()), "page-indicator");
        page.setId("pageIndicator");
        page.setWrapText(false);
        Controls.showWhen(page, vm.statusProperty().isEqualTo(Status.SHOWING));

        HBox pager = new HBox(previous, Controls.hgrow(), page, Controls.hgrow(), next);
        pager.getStyleClass().add("pager");
        pager.setAlignment(Pos.CENTER);
        // Paging means nothing next to an error message; the space stays, so nothing jumps.
        pager.visibleProperty().bind(vm.statusProperty().isEqualTo(Status.SHOWING).or(vm.loadingProperty()));
        return pager;
    }
}

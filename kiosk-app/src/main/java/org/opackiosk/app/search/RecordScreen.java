package org.opackiosk.app.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.catalogue.CatalogueEntry;

/**
 * The record page: the full description, the copies per branch with call number, shelf location and live
 * status, 予約する, and a QR code that opens the record in the library's web OPAC on a phone. FX thread only.
 */
public final class RecordScreen {

    private final RecordViewModel vm;
    private final Localization l10n;
    private final VBox description = new VBox();
    private final GridPane holdings = new GridPane();
    private final VBox qr = new VBox();
    private final VBox side;
    private final ScrollPane root;

    public RecordScreen(RecordViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        description.getStyleClass().add("record-description");
        holdings.getStyleClass().add("holdings");
        holdings.setId("holdings");
        qr.getStyleClass().add("record-qr");
        qr.setAlignment(Pos.TOP_CENTER);
        Button hold = Controls.button(l10n.text("record.hold"), null, "primary", "record-hold");
        hold.setId("holdButton");
        hold.setOnAction(e -> vm.placeHold());
        Controls.showWhen(hold, vm.holdOfferedProperty().and(vm.entryProperty().isNotNull()).and(vm.notHoldableProperty().not()));
        Label notHoldable = Controls.label(l10n.text("record.hold.notForLoan"), "record-not-holdable");
        notHoldable.setId("notHoldableReason");
        notHoldable.setWrapText(true);
        notHoldable.setPrefWidth(380);
        notHoldable.setMaxWidth(380);
        Controls.showWhen(notHoldable, vm.holdOfferedProperty().and(vm.notHoldableProperty()));
        Button cart = Controls.button(l10n.text("record.cart"), null, "record-cart");
        cart.setId("cartButton");
        cart.setOnAction(e -> vm.addToCart());
        Controls.showWhen(cart, vm.cartOfferedProperty().and(vm.entryProperty().isNotNull()).and(vm.notHoldableProperty().not()));
        // 順番予約 from the series: this volume and the following ones, in order, into the cart (ADR 0068, 2026-11-23)
        Button series = Controls.button(l10n.format("record.series.reserve", javafx.beans.binding.Bindings.createIntegerBinding(
                () -> vm.seriesVolumes().size(), vm.seriesOfferedProperty(), vm.entryProperty())), null, "record-cart");
        series.setId("seriesButton");
        series.setTextAlignment(javafx.scene.text.TextAlignment.CENTER); // two lines: the side column stays narrow
        series.setOnAction(e -> vm.reserveSeries());
        Controls.showWhen(series, vm.seriesOfferedProperty().and(vm.notHoldableProperty().not()));
        Label cartResult = Controls.label(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.cartResultKeyProperty().get() == null ? "" : l10n.get(vm.cartResultKeyProperty().get(), org.opackiosk.app.holds.CartViewModel.MAX_ITEMS),
                vm.cartResultKeyProperty(), l10n.localeProperty()), "record-cart-result");
        cartResult.setId("cartResult");
        cartResult.setWrapText(true);
        // a long sentence must wrap in the side column, not squeeze the description in portrait
        cartResult.setPrefWidth(380);
        cartResult.setMaxWidth(380);
        Controls.showWhen(cartResult, vm.cartResultKeyProperty().isNotNull());
        side = new VBox(hold, notHoldable, cart, series, cartResult, qr);
        side.getStyleClass().add("record-side");
        HBox top = new HBox(description, side);
        HBox.setHgrow(description, Priority.ALWAYS);
        top.getStyleClass().add("record-top");
        Label holdingsTitle = Controls.label(l10n.text("record.holdings"), "subheading");
        Label holdCount = Controls.label(javafx.beans.binding.Bindings.createStringBinding(() -> {
            java.util.OptionalInt n = vm.holdCountProperty().get();
            return n.isPresent() ? l10n.get("record.holdCount", String.valueOf(n.getAsInt())) : "";
        }, vm.holdCountProperty(), l10n.localeProperty()), "hold-count");
        holdCount.setId("recordHoldCount");
        Controls.showWhen(holdCount, javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.holdCountProperty().get().isPresent(), vm.holdCountProperty()));
        HBox holdingsBar = new HBox(holdingsTitle, holdCount);
        holdingsBar.getStyleClass().add("holdings-bar");
        holdingsBar.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(top, holdingsBar, holdings);
        page.getStyleClass().add("record-page");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setFocusTraversable(false);
        vm.entryProperty().addListener((obs, old, e) -> fillDescription());
        vm.webOpacUrlProperty().addListener((obs, old, url) -> fillQr());
        vm.holdings().addListener((ListChangeListener<RecordViewModel.Holding>) c -> fillHoldings());
        l10n.localeProperty().addListener((obs, old, now) -> {
            fillDescription();
            fillHoldings();
            fillQr();
        });
    }

    public Node node() {
        return root;
    }

    /** Adds a print button (請求記号を印刷) to the side column, above the QR code; returns this screen. */
    public RecordScreen withPrint(Node printControl) {
        side.getChildren().add(side.getChildren().indexOf(qr), printControl);
        return this;
    }

    private void fillDescription() {
        description.getChildren().clear();
        CatalogueEntry e = vm.entryProperty().get();
        if (e == null) {
            description.getChildren().add(Controls.label(l10n.text("record.missing"), "message-text"));
            return;
        }
        MaterialType material = MaterialType.ofItemType(e.itemTypeId());
        Label type = new Label(l10n.get(material.messageKey()));
        type.setGraphic(Icons.icon(material.glyph(), "icon-material"));
        type.getStyleClass().add("record-type");
        Label title = new Label(e.title() + (e.volume().isEmpty() ? "" : " " + e.volume()));
        title.getStyleClass().addAll("heading", "record-full-title");
        title.setWrapText(true);
        title.setId("recordTitle");
        description.getChildren().addAll(type, title);
        if (!e.subtitle().isEmpty()) {
            description.getChildren().add(wrapped(e.subtitle(), "record-subtitle"));
        }
        GridPane facts = new GridPane();
        facts.getStyleClass().add("record-facts");
        List<String[]> rows = new ArrayList<>();
        add(rows, "record.author", String.join(" ; ", e.authors()));
        add(rows, "record.publisher", String.join(" ", List.of(e.publicationPlace(), e.publisher(),
                e.year().isPresent() ? l10n.get("browse.year", String.valueOf(e.year().getAsInt())) : "")).strip());
        add(rows, "record.edition", e.edition());
        add(rows, "record.series", (e.seriesTitle() + " " + e.seriesVolume()).strip());
        add(rows, "record.subjects", String.join(" ; ", e.subjects()));
        add(rows, "record.ndc", e.ndc());
        add(rows, "record.isbn", String.join(" ", e.isbns()));
        add(rows, "record.description", e.description());
        for (int i = 0; i < rows.size(); i++) {
            facts.add(Controls.label(l10n.text(rows.get(i)[0]), "fact-name"), 0, i);
            facts.add(wrapped(rows.get(i)[1], "fact-value"), 1, i);
        }
        description.getChildren().add(facts);
    }

    private static void add(List<String[]> rows, String key, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new String[] {key, value});
        }
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private void fillHoldings() {
        holdings.getChildren().clear();
        String[] headers = {"record.branch", "record.callNumber", "record.location", "record.status"};
        for (int c = 0; c < headers.length; c++) {
            holdings.add(Controls.label(l10n.text(headers[c]), "holdings-header"), c, 0);
        }
        int r = 1;
        for (RecordViewModel.Holding h : vm.holdings()) {
            holdings.add(wrapped(h.branch(), "holding-cell"), 0, r);
            holdings.add(wrapped(h.callNumber(), "holding-cell"), 1, r);
            holdings.add(wrapped(h.location(), "holding-cell"), 2, r);
            String status = l10n.get(h.status().messageKey());
            if (h.due().isPresent()) {
                status = l10n.get("record.status.onLoanUntil", h.due().get().getMonthValue() + "/" + h.due().get().getDayOfMonth());
            }
            Label s = wrapped(status, "holding-status");
            s.getStyleClass().add("holding-" + h.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            holdings.add(s, 3, r);
            r++;
        }
        if (vm.holdings().isEmpty()) {
            holdings.add(Controls.label(l10n.text("record.noHoldings"), "holding-cell"), 0, 1, 4, 1);
        }
    }

    private void fillQr() {
        qr.getChildren().clear();
        vm.webOpacUrlProperty().get().ifPresent(url -> {
            ImageView image = new ImageView(QrCodes.of(url, 220));
            image.setId("recordQr");
            image.setSmooth(false);
            qr.getChildren().addAll(image, Controls.label(l10n.text("record.qr"), "qr-caption"));
        });
    }
}

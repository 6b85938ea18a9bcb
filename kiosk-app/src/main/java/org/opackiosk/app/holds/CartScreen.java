package org.opackiosk.app.holds;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
import org.opackiosk.app.holds.CartViewModel.Entry;
import org.opackiosk.app.holds.CartViewModel.Step;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.holds.ContactMethod;

/**
 * 予約カート: the records (tick, untick, remove; in 順番予約 also up and down), one pickup library and
 * contact method, one 予約する; then the result per record. One scroll area, the choices below it.
 */
public final class CartScreen {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final CartViewModel vm;
    private final Localization l10n;
    private final BorderPane root = new BorderPane();
    private final VBox list = new VBox();
    private final FlowPane choices = new FlowPane();
    private final HBox actions;

    public CartScreen(CartViewModel vm, Localization l10n, Runnable myPage) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "cart");

        Label title = Controls.label(l10n.format("cart.title", vm.sizeProperty()), "heading");
        title.setId("cartTitle");
        Button series = Controls.button(l10n.text("cart.series"), null);
        series.setId("cartSeriesButton");
        series.setOnAction(e -> vm.setInOrder(!vm.inOrderProperty().get()));
        vm.inOrderProperty().addListener((obs, old, now) -> {
            series.pseudoClassStateChanged(CURRENT, now);
            series.setGraphic(now ? Icons.icon(Glyph.CHECK) : null);
        });
        series.getStyleClass().add("choice");
        Controls.showWhen(series, vm.seriesOfferedProperty().and(vm.stepProperty().isEqualTo(Step.REVIEW)));
        Label seriesHint = Controls.label(l10n.text("cart.series.hint"), "patron-hint");
        Controls.showWhen(seriesHint, vm.inOrderProperty().and(vm.stepProperty().isEqualTo(Step.REVIEW)));
        HBox header = new HBox(title, Controls.hgrow(), series);
        header.getStyleClass().add("entry-row");
        header.setAlignment(Pos.CENTER_LEFT);
        root.setTop(new VBox(header, seriesHint));

        list.getStyleClass().add("patron-list");
        list.setId("cartList");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("record-scroll");
        root.setCenter(scroll);

        choices.getStyleClass().add("choice-row");
        choices.setAlignment(Pos.CENTER_LEFT);
        Button place = Controls.button(l10n.text("hold.place"), Glyph.CHECK, "primary", "main-action");
        place.setId("cartPlaceButton");
        place.setOnAction(e -> vm.placeAll());
        place.disableProperty().bind(vm.busyProperty().or(Bindings.isEmpty(vm.entries())).or(vm.pickupProperty().isNull()));
        Controls.showWhen(place, vm.stepProperty().isEqualTo(Step.REVIEW));
        Button back = Controls.button(l10n.text("cart.back"), Glyph.BACK);
        back.setId("cartBackButton");
        back.setOnAction(e -> vm.backToReview());
        Controls.showWhen(back, vm.stepProperty().isEqualTo(Step.DONE).and(Bindings.isNotEmpty(vm.entries())));
        Button account = Controls.button(l10n.text("notices.continue"), Glyph.NEXT, "primary", "main-action");
        account.setId("cartMyPageButton");
        account.setOnAction(e -> myPage.run());
        Controls.showWhen(account, vm.stepProperty().isEqualTo(Step.DONE));
        Controls.showWhen(choices, vm.stepProperty().isEqualTo(Step.REVIEW));
        actions = new HBox(back, Controls.hgrow(), account, place);
        actions.getStyleClass().add("entry-row");
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(choices, actions);
        bottom.getStyleClass().add("patron-header");
        root.setBottom(bottom);

        ListChangeListener<Object> redraw = c -> rebuild();
        vm.entries().addListener(redraw);
        vm.outcomes().addListener(redraw);
        vm.pickupLibraries().addListener(redraw);
        vm.contactChoices().addListener(redraw);
        vm.pickupProperty().addListener((obs, old, now) -> rebuild());
        vm.contactProperty().addListener((obs, old, now) -> rebuild());
        vm.inOrderProperty().addListener((obs, old, now) -> rebuild());
        vm.stepProperty().addListener((obs, old, now) -> rebuild());
        l10n.localeProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    public Node node() {
        return root;
    }

    /** Adds a print button (レシートを印刷) to the result's actions, before 利用状況を見る; returns this screen. */
    public CartScreen withPrint(Node printControl) {
        actions.getChildren().add(actions.getChildren().size() - 2, printControl);
        return this;
    }

    private void rebuild() {
        list.getChildren().clear();
        if (vm.stepProperty().get() == Step.DONE) {
            for (CartViewModel.Outcome o : vm.outcomes()) {
                Label t = Controls.text(o.title(), "record-title");
                Label s = Controls.text((o.placed() ? "✓ " : "✗ ") + o.sentence(),
                        o.placed() ? "record-meta" : "mark-warning");
                VBox box = new VBox(t, s);
                box.getStyleClass().addAll("record-row", "patron-row");
                list.getChildren().add(box);
            }
        } else {
            if (vm.entries().isEmpty()) {
                list.getChildren().add(Controls.text(l10n.get("cart.empty"), "patron-hint"));
            }
            int n = 1;
            for (Entry e : vm.entries()) {
                list.getChildren().add(row(e, n++));
            }
        }
        choices.getChildren().clear();
        choices.getChildren().add(Controls.text(l10n.get("hold.pickup"), "confirm-detail"));
        for (Library lib : vm.pickupLibraries()) {
            choices.getChildren().add(Controls.choice(lib.name(), "cartPickup-" + lib.id(),
                    lib.id().equals(vm.pickupProperty().get()), () -> vm.choosePickup(lib.id())));
        }
        if (!vm.contactChoices().isEmpty()) {
            choices.getChildren().add(Controls.text(l10n.get("hold.contact"), "confirm-detail"));
            for (ContactMethod m : vm.contactChoices()) {
                choices.getChildren().add(Controls.choice(l10n.get("contact." + m.name().toLowerCase(Locale.ROOT)),
                        "cartContact-" + m.name().toLowerCase(Locale.ROOT), m == vm.contactProperty().get(), () -> vm.chooseContact(m)));
            }
        }
    }

    private Node row(Entry e, int n) {
        Button tick = Controls.choice(l10n.get(e.tickedProperty().get() ? "cart.ticked" : "cart.unticked"),
                "cartTick-" + e.recordId(), e.tickedProperty().get(), () -> {
                    e.tickedProperty().set(!e.tickedProperty().get());
                    rebuild();
                });
        Label title = Controls.text((vm.inOrderProperty().get() ? n + ". " : "") + e.title(), "record-title");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(tick, title);
        Button remove = Controls.button(l10n.text("cart.remove"), null, "row-action");
        remove.setId("cartRemove-" + e.recordId());
        remove.setOnAction(x -> vm.remove(e));
        row.setAlignment(Pos.CENTER_LEFT);
        if (!vm.inOrderProperty().get()) {
            row.getChildren().add(remove);
            row.getStyleClass().addAll("record-row", "patron-row");
            return row;
        }
        Button up = Controls.button(l10n.text("cart.up"), null, "row-action");
        up.setId("cartUp-" + e.recordId());
        up.setOnAction(x -> vm.moveUp(e));
        Button down = Controls.button(l10n.text("cart.down"), null, "row-action");
        down.setId("cartDown-" + e.recordId());
        down.setOnAction(x -> vm.moveDown(e));
        // In order, four buttons and a title do not fit a portrait row in large text: the buttons go under the title.
        row.getStyleClass().add("entry-row");
        HBox actions = new HBox(up, down, remove);
        actions.getStyleClass().add("entry-row");
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(row, actions);
        box.getStyleClass().addAll("record-row", "patron-row");
        return box;
    }
}

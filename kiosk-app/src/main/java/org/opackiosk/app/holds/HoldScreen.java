package org.opackiosk.app.holds;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.holds.HoldViewModel.Step;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.holds.ContactMethod;

/**
 * Placing a hold: pickup library and contact method, one 予約する; then the confirmation with the
 * pickup library and the place in the queue, and the way back to where the patron came from.
 */
public final class HoldScreen {

    private final HoldViewModel vm;
    private final Localization l10n;
    private final StackPane root = new StackPane();
    private final FlowPane libraries = new FlowPane();
    private final FlowPane contacts = new FlowPane();
    private final VBox placedPanel;

    /**
     * @param back     back to where the patron came from (the record, the search)
     * @param myPage   to My page
     */
    public HoldScreen(HoldViewModel vm, Localization l10n, Runnable back, Runnable myPage) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "hold");
        Node choose = choose();
        VBox placed = placed(back, myPage);
        placedPanel = placed;
        Node refused = refused(back);
        Controls.showWhen(choose, vm.stepProperty().isEqualTo(Step.CHOOSE));
        Controls.showWhen(placed, vm.stepProperty().isEqualTo(Step.PLACED));
        Controls.showWhen(refused, vm.stepProperty().isEqualTo(Step.REFUSED));
        root.getChildren().addAll(choose, placed, refused);
    }

    public Node node() {
        return root;
    }

    private Node choose() {
        Label heading = Controls.label(l10n.text("hold.title"), "heading");
        heading.setId("holdTitle");
        Label record = Controls.label(vm.titleProperty(), "confirm-question");
        record.setId("holdRecord");
        Label pickupCaption = Controls.label(l10n.text("hold.pickup"), "confirm-detail");
        libraries.getStyleClass().add("choice-row");
        libraries.setAlignment(Pos.CENTER);
        Label contactCaption = Controls.label(l10n.text("hold.contact"), "confirm-detail");
        contacts.getStyleClass().add("choice-row");
        contacts.setAlignment(Pos.CENTER);
        var noContactChoice = Bindings.isEmpty(vm.contactChoices());
        Controls.showWhen(contactCaption, noContactChoice.not());
        Controls.showWhen(contacts, noContactChoice.not());
        Label message = Controls.label(vm.messageProperty(), "patron-message");
        message.setId("holdMessage");
        Controls.showWhen(message, vm.messageProperty().isNotEmpty());
        Label loading = Controls.label(l10n.text("mypage.loading"), "patron-hint");
        Controls.showWhen(loading, vm.busyProperty());
        Button place = Controls.button(l10n.text("hold.place"), Glyph.CHECK, "primary", "main-action");
        place.setId("placeHoldButton");
        place.setDefaultButton(true);
        place.setOnAction(e -> vm.place());
        place.disableProperty().bind(vm.busyProperty().or(vm.pickupProperty().isNull()));
        VBox box = panel(heading, record, pickupCaption, libraries, contactCaption, contacts, message, loading, place);

        ListChangeListener<Object> redraw = c -> redrawChoices();
        vm.pickupLibraries().addListener(redraw);
        vm.contactChoices().addListener(redraw);
        vm.pickupProperty().addListener((obs, old, now) -> redrawChoices());
        vm.contactProperty().addListener((obs, old, now) -> redrawChoices());
        l10n.localeProperty().addListener((obs, old, now) -> redrawChoices());
        return box;
    }

    private void redrawChoices() {
        libraries.getChildren().clear();
        for (Library lib : vm.pickupLibraries()) {
            libraries.getChildren().add(Controls.choice(lib.name(), "pickup-" + lib.id(),
                    lib.id().equals(vm.pickupProperty().get()), () -> vm.choosePickup(lib.id())));
        }
        contacts.getChildren().clear();
        for (ContactMethod m : vm.contactChoices()) {
            contacts.getChildren().add(Controls.choice(l10n.get("contact." + m.name().toLowerCase(Locale.ROOT)),
                    "contact-" + m.name().toLowerCase(Locale.ROOT), m == vm.contactProperty().get(), () -> vm.chooseContact(m)));
        }
    }

    /** Adds a print button (レシートを印刷) to the confirmation, above the way back; returns this screen. */
    public HoldScreen withPrint(Node printControl) {
        placedPanel.getChildren().add(placedPanel.getChildren().size() - 1, printControl);
        return this;
    }

    private VBox placed(Runnable back, Runnable myPage) {
        Label heading = Controls.label(l10n.text("hold.placed"), "heading");
        heading.setId("holdPlacedTitle");
        Label record = Controls.label(Bindings.createStringBinding(
                () -> vm.placedProperty().get() == null ? "" : vm.placedProperty().get().title(), vm.placedProperty()),
                "confirm-question");
        Label pickup = Controls.label(Bindings.createStringBinding(
                () -> vm.placedProperty().get() == null ? ""
                        : l10n.get("mypage.hold.pickup", vm.placedProperty().get().pickupLibrary()),
                vm.placedProperty(), l10n.localeProperty()), "confirm-detail");
        pickup.setId("holdPlacedPickup");
        Label position = Controls.label(Bindings.createStringBinding(
                () -> vm.placedProperty().get() == null ? ""
                        : vm.placedProperty().get().queuePosition().map(p -> l10n.get("hold.position", p)).orElse(""),
                vm.placedProperty(), l10n.localeProperty()), "confirm-detail");
        position.setId("holdPlacedPosition");
        Controls.showWhen(position, position.textProperty().isNotEmpty());
        Label later = Controls.label(l10n.text("hold.placed.detail"), "patron-hint");
        Button backButton = Controls.button(l10n.text("hold.back"), Glyph.BACK, "primary", "main-action");
        backButton.setId("holdBackButton");
        backButton.setOnAction(e -> back.run());
        Button account = Controls.button(l10n.text("notices.continue"), Glyph.NEXT);
        account.setId("holdMyPageButton");
        account.setOnAction(e -> myPage.run());
        HBox actions = new HBox(account, backButton);
        actions.getStyleClass().add("entry-row");
        actions.setAlignment(Pos.CENTER);
        return panel(heading, record, pickup, position, later, actions);
    }

    private Node refused(Runnable back) {
        Label heading = Controls.label(javafx.beans.binding.Bindings.when(vm.savedProperty())
                .then(l10n.text("hold.saved")).otherwise(l10n.text("hold.refused")), "heading");
        heading.setId("holdRefusedTitle");
        Label message = Controls.label(vm.messageProperty(), "confirm-detail");
        message.setId("holdRefusal");
        Button backButton = Controls.button(l10n.text("hold.back"), Glyph.BACK, "primary", "main-action");
        backButton.setId("holdRefusedBackButton");
        backButton.setOnAction(e -> back.run());
        return panel(heading, message, backButton);
    }

    private static VBox panel(Node... nodes) {
        VBox box = new VBox(nodes);
        box.getStyleClass().add("confirm-panel");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(1300);
        box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }
}

package org.opackiosk.app.offline;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.geometry.Pos;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.Library;

/**
 * The offline hold flow: the record's title, then "scan your card", the pickup branches as big
 * buttons, and the receipt (what was queued, that it is sent when the connection returns, that
 * the library's rules are checked then) or the reason it was not queued. Built in code; every
 * event calls one view-model method.
 */
public final class OfflineHoldScreen {

    private final VBox root = new VBox();
    private final HBox actions = new HBox();

    /** @param onDone called when the patron closes the flow (the receipt's "done" or "cancel") */
    public OfflineHoldScreen(OfflineHoldViewModel model, Localization l10n, Runnable onDone) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(l10n, "l10n");
        Objects.requireNonNull(onDone, "onDone");
        root.getStyleClass().addAll("patron-screen", "offline-hold");
        root.setId("offlineHold");

        Label heading = Controls.label(l10n.text("offline.hold.heading"), "heading");
        heading.setId("offlineHoldHeading");
        Label title = Controls.label(model.title(), "record-title");
        title.setId("offlineHoldRecord");
        Label badge = Controls.label(l10n.text("offline.hold.badge"), "mark", "mark-warning");
        Label message = Controls.label(model.message(), "patron-message", "offline-message");
        message.setId("offlineHoldMessage");

        Node scanIcon = Icons.icon(Icons.Glyph.CARD);
        scanIcon.getStyleClass().add("icon-hero");
        Controls.showWhen(scanIcon, model.stepProperty().isEqualTo(OfflineHoldViewModel.Step.SCAN_CARD));

        FlowPane pickups = new FlowPane();
        pickups.setId("offlineHoldPickups");
        pickups.getStyleClass().add("pickup-choices");
        model.pickupLocations().addListener((ListChangeListener<Library>) change -> {
            pickups.getChildren().setAll(model.pickupLocations().stream().map(library -> {
                Button b = Controls.button(Bindings.createStringBinding(library::name), null, "main-action");
                b.setId("pickup-" + library.id());
                b.setOnAction(e -> model.choosePickup(library.id()));
                return b;
            }).toList());
        });
        Controls.showWhen(pickups, model.stepProperty().isEqualTo(OfflineHoldViewModel.Step.CHOOSE_PICKUP));

        Label receipt = Controls.label(model.receipt(), "notice", "offline-receipt");
        receipt.setId("offlineHoldReceipt");
        Controls.showWhen(receipt, model.stepProperty().isEqualTo(OfflineHoldViewModel.Step.RECEIPT));

        Button done = Controls.button(l10n.text("offline.hold.done"), Icons.Glyph.CHECK, "primary", "main-action");
        done.setId("offlineHoldDone");
        done.setOnAction(e -> {
            model.clear();
            onDone.run();
        });
        Controls.showWhen(done, model.stepProperty().isEqualTo(OfflineHoldViewModel.Step.RECEIPT)
                .or(model.stepProperty().isEqualTo(OfflineHoldViewModel.Step.REFUSED)));
        Button cancel = Controls.button(l10n.text("offline.hold.cancel"), Icons.Glyph.BACK, "main-action");
        cancel.setId("offlineHoldCancel");
        cancel.setOnAction(e -> {
            model.clear();
            onDone.run();
        });
        Controls.showWhen(cancel, model.stepProperty().isEqualTo(OfflineHoldViewModel.Step.SCAN_CARD)
                .or(model.stepProperty().isEqualTo(OfflineHoldViewModel.Step.CHOOSE_PICKUP)));

        HBox head = new HBox(heading, badge);
        head.getStyleClass().add("entry-row");
        head.setAlignment(Pos.CENTER_LEFT);
        actions.getChildren().addAll(done, cancel);
        actions.getStyleClass().add("entry-row");
        actions.setAlignment(Pos.TOP_LEFT);
        root.getChildren().addAll(head, title, scanIcon, message, pickups, receipt, actions);
    }

    /** Adds the print button (shown only with a printer and a receipt) beside the main button. */
    public OfflineHoldScreen withPrint(Node printControl) {
        actions.getChildren().add(1, printControl);
        return this;
    }

    public Node node() {
        return root;
    }
}

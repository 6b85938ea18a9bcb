package org.opackiosk.app.staff;

import java.util.Objects;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.AdaptiveBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.keyboard.NumericPad;
import org.opackiosk.app.keyboard.OnScreenKeyboard;

/**
 * The staff PIN ({@code ScreenId.STAFF_ENTRY}): the PIN as dots beside a numeric pad (above it in portrait),
 * the tries left or until when entry is locked, and — when no PIN is set — what to ask the technician.
 */
public final class StaffEntryScreen {

    static final double SIDE_BY_SIDE_FROM = 1400;

    private final StaffEntryViewModel vm;
    private final Localization l10n;
    private final StackPane root = new StackPane();

    public StaffEntryScreen(StaffEntryViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "staff-entry");
        root.getChildren().add(content());
    }

    public Node node() {
        return root;
    }

    private Node content() {
        Label title = Controls.label(l10n.text("staff.entry.title"), "heading");
        title.setId("staffPinTitle");
        Label who = Controls.label(l10n.format("staff.entry.who", vm.staffCardProperty()), "patron-hint");
        who.setId("staffPinWho");
        Controls.showWhen(who, vm.staffCardProperty().isNotEmpty());
        Label hint = Controls.label(l10n.text("staff.entry.hint"), "patron-hint");
        Label field = Controls.label(vm.pinShownProperty(), "entry-field");
        field.setId("staffPinField");
        field.setMaxWidth(Double.MAX_VALUE);

        Label message = Controls.label(vm.messageProperty(), "patron-message");
        message.setId("staffPinMessage");
        Controls.showWhen(message, vm.messageProperty().isNotEmpty());
        Label locked = Controls.label(l10n.format("staff.entry.locked", vm.lockedUntilProperty()), "patron-message");
        locked.setId("staffLocked");
        Controls.showWhen(locked, vm.lockedProperty());
        Label checking = Controls.label(l10n.text("staff.entry.checking"), "patron-hint");
        checking.setId("staffPinChecking");
        Controls.showWhen(checking, vm.checkingProperty());

        Button cancel = Controls.button(l10n.text("staff.entry.cancel"), Glyph.BACK);
        cancel.setId("staffPinCancel");
        cancel.setOnAction(e -> vm.cancel());
        Button submit = Controls.button(l10n.text("staff.entry.submit"), Glyph.NEXT, "primary", "main-action");
        submit.setId("staffPinSubmit");
        submit.setOnAction(e -> vm.submit());
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        HBox actions = new HBox(cancel, submit);
        actions.getStyleClass().add("entry-row");

        VBox fields = new VBox(title, who, hint, field, message, locked, checking, actions);
        fields.getStyleClass().add("patron-column");
        fields.setAlignment(Pos.CENTER_LEFT);
        if (!vm.pinConfigured()) {
            // nothing to type: the words say what to do, the pad would only invite trying
            hint.setVisible(false);
            hint.setManaged(false);
            field.setVisible(false);
            field.setManaged(false);
            submit.setVisible(false);
            submit.setManaged(false);
            return fields;
        }
        NumericPad pad = new NumericPad(l10n, OnScreenKeyboard.Listener.of(vm::key, vm::backspace), vm::clearPin, "staffPin");
        pad.node().disableProperty().bind(vm.lockedProperty().or(vm.checkingProperty()));
        AdaptiveBox box = new AdaptiveBox(SIDE_BY_SIDE_FROM, fields, pad.node());
        box.getStyleClass().add("patron-columns");
        return box;
    }

    /**
     * Maintenance mode while the dashboard is not part of the kiosk: says so and offers the way out. Only the
     * composition of the screens uses it, and only when there is no dashboard screen.
     */
    public static Node noDashboard(Localization l10n, Runnable leave) {
        Label title = Controls.label(l10n.text("screen.staff"), "heading");
        title.setId("staffNoDashboardTitle");
        Label text = Controls.label(l10n.text("staff.entry.noDashboard"), "patron-hint");
        Button out = Controls.button(l10n.text("staff.entry.leave"), Glyph.BACK, "primary", "main-action");
        out.setId("staffNoDashboardLeave");
        out.setOnAction(e -> leave.run());
        VBox box = new VBox(title, text, out);
        box.getStyleClass().addAll("patron-column", "patron-screen");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}

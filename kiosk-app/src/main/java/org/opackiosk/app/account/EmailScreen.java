package org.opackiosk.app.account;

import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.account.EmailViewModel.Slot;
import org.opackiosk.app.account.EmailViewModel.Step;
import org.opackiosk.app.fx.AdaptiveBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.keyboard.KeyboardLayout;
import org.opackiosk.app.keyboard.OnScreenKeyboard;

/** メールアドレス登録・変更: the addresses, then one address typed on the keyboard, or a delete step. */
public final class EmailScreen {

    private final EmailViewModel vm;
    private final Localization l10n;
    private final StackPane root = new StackPane();

    /** @param toHolds the way out when an address cannot be deleted: My page's holds */
    public EmailScreen(EmailViewModel vm, Localization l10n, Runnable toHolds) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "email");
        Node list = list();
        Node edit = edit();
        Node delete = delete(toHolds);
        Node done = done();
        Controls.showWhen(list, vm.stepProperty().isEqualTo(Step.LIST));
        Controls.showWhen(edit, vm.stepProperty().isEqualTo(Step.EDIT));
        Controls.showWhen(delete, vm.stepProperty().isEqualTo(Step.DELETE));
        Controls.showWhen(done, vm.stepProperty().isEqualTo(Step.DONE));
        root.getChildren().addAll(list, edit, delete, done);
    }

    public Node node() {
        return root;
    }

    private Node list() {
        Label title = Controls.label(l10n.text("email.title"), "heading");
        title.setId("emailTitle");
        Node second = slotRow(Slot.SECONDARY, vm.secondaryProperty());
        // only where the server keeps a second address (Capability.SECONDARY_EMAIL)
        Controls.showWhen(second, vm.secondaryOfferedProperty());
        VBox box = new VBox(title, slotRow(Slot.PRIMARY, vm.primaryProperty()), second);
        box.getStyleClass().add("patron-list");
        box.setMaxWidth(1500);
        box.setAlignment(Pos.TOP_LEFT);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        return box;
    }

    private Node slotRow(Slot slot, ObservableStringValue address) {
        String name = slot.name().toLowerCase(java.util.Locale.ROOT);
        Label caption = Controls.label(l10n.text("email.slot." + name), "record-title");
        Label value = Controls.label(Bindings.createStringBinding(
                () -> address.get().isEmpty() ? l10n.get("email.none") : address.get(), address, l10n.localeProperty()),
                "record-meta");
        value.setId("email-" + name);
        VBox text = new VBox(caption, value);
        text.getStyleClass().add("record-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button change = Controls.button(Bindings.createStringBinding(
                () -> l10n.get(address.get().isEmpty() ? "email.add" : "email.change"), address, l10n.localeProperty()),
                null, "row-action");
        change.setId("emailEdit-" + name);
        change.setOnAction(e -> vm.edit(slot));
        Button delete = Controls.button(l10n.text("email.delete"), null, "row-action");
        delete.setId("emailDelete-" + name);
        delete.setOnAction(e -> vm.askDelete(slot));
        Controls.showWhen(delete, Bindings.isNotEmpty(address));
        HBox row = new HBox(text, change, delete);
        row.getStyleClass().addAll("record-row", "patron-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node edit() {
        OnScreenKeyboard keyboard = new OnScreenKeyboard(l10n, OnScreenKeyboard.Listener.of(vm::key, vm::backspace), "mail",
                List.of(KeyboardLayout.ABC, KeyboardLayout.SYMBOLS, KeyboardLayout.DIGITS));
        vm.stepProperty().addListener((obs, old, now) -> keyboard.reset());
        Label prompt = Controls.label(l10n.text("email.prompt"), "confirm-question");
        Label field = Controls.label(vm.typedProperty(), "entry-field", "email-field");
        field.setId("emailEntry");
        field.setMaxWidth(Double.MAX_VALUE);
        Label check = Controls.label(vm.checkProperty(), "patron-hint");
        check.setId("emailCheck");
        Controls.showWhen(check, vm.checkProperty().isNotEmpty());
        Button suggestion = Controls.button(l10n.format("email.suggestion", vm.suggestionProperty()), null);
        suggestion.setId("emailSuggestion");
        suggestion.setOnAction(e -> vm.acceptSuggestion());
        Controls.showWhen(suggestion, vm.suggestionProperty().isNotEmpty());
        Label message = Controls.label(vm.messageProperty(), "patron-message");
        message.setId("emailMessage");
        Controls.showWhen(message, vm.messageProperty().isNotEmpty());
        Button back = Controls.button(l10n.text("mypage.renew.keep"), Glyph.BACK);
        back.setId("emailEditBack");
        back.setOnAction(e -> vm.backToList());
        Button save = Controls.button(l10n.text("email.save"), Glyph.CHECK, "primary", "main-action");
        save.setId("emailSave");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty().or(vm.typedProperty().isEmpty()));
        HBox actions = new HBox(back, save);
        actions.getStyleClass().add("entry-row");
        VBox fields = new VBox(prompt, field, check, suggestion, message, actions);
        fields.getStyleClass().add("patron-column");
        fields.setAlignment(Pos.CENTER_LEFT);
        AdaptiveBox box = new AdaptiveBox(1400, fields, keyboard.node());
        box.getStyleClass().add("patron-columns");
        return box;
    }

    private Node delete(Runnable toHolds) {
        Label question = Controls.label(Bindings.createStringBinding(
                () -> vm.deleteRefusedProperty().get() ? l10n.get("email.delete.refused") : l10n.get("email.delete.question",
                        vm.slotProperty().get() == Slot.PRIMARY ? vm.primaryProperty().get() : vm.secondaryProperty().get()),
                vm.deleteRefusedProperty(), vm.slotProperty(), vm.primaryProperty(), vm.secondaryProperty(), l10n.localeProperty()),
                "confirm-question");
        question.setId("emailDeleteQuestion");
        Button keep = Controls.button(l10n.text("email.delete.keep"), Glyph.BACK, "primary", "main-action");
        keep.setId("emailKeep");
        keep.setDefaultButton(true);
        keep.setOnAction(e -> vm.backToList());
        Button delete = Controls.button(l10n.text("email.delete.confirm"), null, "destructive");
        delete.setId("emailConfirmDelete");
        delete.setOnAction(e -> vm.confirmDelete());
        Controls.showWhen(delete, vm.deleteRefusedProperty().not());
        Button holds = Controls.button(l10n.text("email.delete.toHolds"), Glyph.NEXT);
        holds.setId("emailToHolds");
        holds.setOnAction(e -> toHolds.run());
        Controls.showWhen(holds, vm.deleteRefusedProperty());
        Label message = Controls.label(vm.messageProperty(), "patron-message");
        Controls.showWhen(message, vm.messageProperty().isNotEmpty());
        HBox actions = new HBox(delete, holds, keep);
        actions.getStyleClass().add("entry-row");
        actions.setAlignment(Pos.CENTER);
        return panel(question, message, actions);
    }

    private Node done() {
        Label message = Controls.label(vm.messageProperty(), "heading");
        message.setId("emailDone");
        Button back = Controls.button(l10n.text("email.backToList"), Glyph.BACK, "primary", "main-action");
        back.setId("emailDoneBack");
        back.setOnAction(e -> vm.backToList());
        return panel(message, back);
    }

    private static Node panel(Node... nodes) {
        VBox box = new VBox(nodes);
        box.getStyleClass().add("confirm-panel");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(1300, javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }
}

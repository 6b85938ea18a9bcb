package org.opackiosk.app.account;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.account.PasswordViewModel.Mode;
import org.opackiosk.app.account.PasswordViewModel.Step;
import org.opackiosk.app.fx.AdaptiveBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.keyboard.KeyboardLayout;
import org.opackiosk.app.keyboard.NumericPad;
import org.opackiosk.app.keyboard.OnScreenKeyboard;

/** Password registration and change: one question per step, the numeric pad or the keyboard beside it. */
public final class PasswordScreen {

    private final PasswordViewModel vm;
    private final Localization l10n;
    private final StackPane root = new StackPane();

    /** @param afterDone what the button of the last step does (to the login, or back to My page) */
    public PasswordScreen(PasswordViewModel vm, Localization l10n, Runnable afterDone) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "password");

        OnScreenKeyboard.Listener keys = OnScreenKeyboard.Listener.of(vm::key, vm::backspace);
        OnScreenKeyboard keyboard = new OnScreenKeyboard(l10n, keys, "pw", List.of(KeyboardLayout.ABC, KeyboardLayout.DIGITS));
        NumericPad pad = new NumericPad(l10n, keys, vm::clearInput, "pwpad");
        var numeric = Bindings.createBooleanBinding(() -> vm.stepProperty().get().numeric(), vm.stepProperty());
        Controls.showWhen(pad.node(), numeric);
        Controls.showWhen(keyboard.node(), numeric.not());
        vm.stepProperty().addListener((obs, old, now) -> keyboard.reset());
        StackPane keysArea = new StackPane(pad.node(), keyboard.node());

        Label title = Controls.label(Bindings.createStringBinding(
                () -> l10n.get(vm.modeProperty().get() == Mode.REGISTER ? "password.register.title" : "password.change.title"),
                vm.modeProperty(), l10n.localeProperty()), "heading");
        title.setId("passwordTitle");
        Label prompt = Controls.label(Bindings.createStringBinding(
                () -> vm.stepProperty().get() == Step.DONE ? ""
                        : l10n.get("password.step." + vm.stepProperty().get().name().toLowerCase(Locale.ROOT)),
                vm.stepProperty(), l10n.localeProperty()), "confirm-question");
        prompt.setId("passwordPrompt");
        prompt.setAlignment(Pos.CENTER_LEFT);
        Label policy = Controls.label(vm.policyTextProperty(), "patron-hint");
        policy.setId("passwordPolicy");
        Controls.showWhen(policy, vm.stepProperty().isEqualTo(Step.NEW).or(vm.stepProperty().isEqualTo(Step.REPEAT)));
        Label field = Controls.label(vm.shownProperty(), "entry-field");
        field.setId("passwordEntry");
        field.setMaxWidth(Double.MAX_VALUE);
        Button reveal = Controls.button(l10n.text("login.password.show"), null, "reveal-button");
        reveal.setId("passwordReveal");
        reveal.setOnMousePressed(e -> vm.reveal(true));
        reveal.setOnMouseReleased(e -> vm.reveal(false));
        reveal.setOnTouchPressed(e -> vm.reveal(true));
        reveal.setOnTouchReleased(e -> vm.reveal(false));
        Controls.showWhen(reveal, Bindings.createBooleanBinding(() -> vm.stepProperty().get().secret(), vm.stepProperty()));
        HBox fieldRow = new HBox(field, reveal);
        fieldRow.getStyleClass().add("entry-row");
        HBox.setHgrow(field, Priority.ALWAYS);
        Label live = Controls.label(vm.liveCheckProperty(), "patron-hint");
        live.setId("passwordLiveCheck");
        Controls.showWhen(live, vm.liveCheckProperty().isNotEmpty());
        Label message = Controls.label(vm.messageProperty(), "patron-message");
        message.setId("passwordMessage");
        Controls.showWhen(message, vm.messageProperty().isNotEmpty());
        Button next = Controls.button(Bindings.createStringBinding(
                () -> l10n.get(vm.stepProperty().get() == Step.REPEAT
                        ? (vm.modeProperty().get() == Mode.REGISTER ? "password.register.save" : "password.change.save")
                        : "login.next"), vm.stepProperty(), vm.modeProperty(), l10n.localeProperty()),
                Glyph.NEXT, "primary", "main-action");
        next.setId("passwordNext");
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.busyProperty());
        VBox fields = new VBox(title, prompt, policy, fieldRow, live, message, next);
        fields.getStyleClass().add("patron-column");
        fields.setAlignment(Pos.CENTER_LEFT);
        AdaptiveBox form = new AdaptiveBox(1400, fields, keysArea);
        form.getStyleClass().add("patron-columns");
        Controls.showWhen(form, vm.stepProperty().isNotEqualTo(Step.DONE));

        Label done = Controls.label(Bindings.createStringBinding(
                () -> l10n.get(vm.modeProperty().get() == Mode.REGISTER ? "password.register.done" : "password.change.done"),
                vm.modeProperty(), l10n.localeProperty()), "heading");
        done.setId("passwordDone");
        Button onward = Controls.button(Bindings.createStringBinding(
                () -> l10n.get(vm.modeProperty().get() == Mode.REGISTER ? "password.register.login" : "password.change.back"),
                vm.modeProperty(), l10n.localeProperty()), Glyph.NEXT, "primary", "main-action");
        onward.setId("passwordDoneButton");
        onward.setOnAction(e -> afterDone.run());
        VBox donePanel = new VBox(done, onward);
        donePanel.getStyleClass().add("confirm-panel");
        donePanel.setAlignment(Pos.CENTER);
        donePanel.setMaxSize(1200, javafx.scene.layout.Region.USE_PREF_SIZE);
        Controls.showWhen(donePanel, vm.stepProperty().isEqualTo(Step.DONE));
        root.getChildren().addAll(form, donePanel);
    }

    public Node node() {
        return root;
    }
}

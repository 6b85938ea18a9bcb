package org.opackiosk.app.login;

import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.AdaptiveBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.keyboard.KeyboardLayout;
import org.opackiosk.app.keyboard.NumericPad;
import org.opackiosk.app.keyboard.OnScreenKeyboard;
import org.opackiosk.app.login.LoginViewModel.Step;

/**
 * Login: the card number on a numeric pad, then the password on the on-screen keyboard. The
 * fields sit beside the keys in landscape and above them in portrait.
 */
public final class LoginScreen {

    static final double SIDE_BY_SIDE_FROM = 1400;

    private final LoginViewModel vm;
    private final Localization l10n;
    private final StackPane root = new StackPane();
    private final OnScreenKeyboard keyboard;

    public LoginScreen(LoginViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "login");
        keyboard = new OnScreenKeyboard(l10n, OnScreenKeyboard.Listener.of(vm::passwordKey, vm::passwordBackspace), "password",
                List.of(KeyboardLayout.ABC, KeyboardLayout.DIGITS));
        Node card = cardStep();
        Node password = passwordStep();
        Controls.showWhen(card, vm.stepProperty().isEqualTo(Step.CARD));
        Controls.showWhen(password, vm.stepProperty().isEqualTo(Step.PASSWORD));
        vm.stepProperty().addListener((obs, old, now) -> keyboard.reset());
        root.getChildren().addAll(card, password);
    }

    public Node node() {
        return root;
    }

    private Node cardStep() {
        Label title = Controls.label(l10n.text("login.card.title"), "heading");
        title.setId("loginCardTitle");
        Label hint = Controls.label(l10n.text("login.card.hint"), "patron-hint");
        Label digits = Controls.label(vm.cardDigitsProperty(), "entry-field");
        digits.setId("cardDigits");
        digits.setMaxWidth(Double.MAX_VALUE);
        Label error = message();
        Button next = Controls.button(l10n.text("login.next"), Glyph.NEXT, "primary", "main-action");
        next.setId("cardNextButton");
        next.setOnAction(e -> vm.cardNext());
        next.disableProperty().bind(vm.cardDigitsProperty().isEmpty());
        VBox fields = column(title, hint, digits, error, next);

        NumericPad pad = new NumericPad(l10n, OnScreenKeyboard.Listener.of(vm::cardKey, vm::cardBackspace), vm::cardClear, "card");
        AdaptiveBox box = new AdaptiveBox(SIDE_BY_SIDE_FROM, fields, pad.node());
        box.getStyleClass().add("patron-columns");
        return box;
    }

    private Node passwordStep() {
        Label title = Controls.label(l10n.text("login.password.title"), "heading");
        title.setId("loginPasswordTitle");
        Label who = Controls.label(Bindings.createStringBinding(
                () -> l10n.get("login.password.card", vm.cardShown()), vm.stepProperty(), l10n.localeProperty()),
                "patron-hint");
        who.setId("passwordCard");
        Label shown = Controls.label(vm.passwordShownProperty(), "entry-field");
        shown.setId("passwordField");
        shown.setMaxWidth(Double.MAX_VALUE);
        Button reveal = Controls.button(l10n.text("login.password.show"), null, "reveal-button");
        reveal.setId("revealButton");
        // Shown only while held: let go, and the password is dots again.
        reveal.setOnMousePressed(e -> vm.reveal(true));
        reveal.setOnMouseReleased(e -> vm.reveal(false));
        reveal.setOnTouchPressed(e -> vm.reveal(true));
        reveal.setOnTouchReleased(e -> vm.reveal(false));
        Label hint = Controls.label(l10n.text("login.password.hint"), "patron-hint");
        Label error = message();
        Label wait = Controls.label(l10n.format("login.wait", vm.waitSecondsProperty()), "patron-message");
        wait.setId("loginWait");
        Controls.showWhen(wait, vm.waitSecondsProperty().greaterThan(0));
        Button login = Controls.button(l10n.text("login.submit"), Glyph.NEXT, "primary", "main-action");
        login.setId("loginButton");
        login.setOnAction(e -> vm.submit());
        login.disableProperty().bind(vm.canSubmitProperty().not());
        Button otherCard = Controls.button(l10n.text("login.changeCard"), Glyph.BACK);
        otherCard.setId("changeCardButton");
        otherCard.setOnAction(e -> vm.changeCard());
        var fieldRow = new javafx.scene.layout.HBox(shown, reveal);
        fieldRow.getStyleClass().add("entry-row");
        fieldRow.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(shown, javafx.scene.layout.Priority.ALWAYS);
        var actions = new javafx.scene.layout.HBox(otherCard, login);
        actions.getStyleClass().add("entry-row");
        VBox fields = column(title, who, fieldRow, hint, error, wait, actions);
        AdaptiveBox box = new AdaptiveBox(SIDE_BY_SIDE_FROM, fields, keyboard.node());
        box.getStyleClass().add("patron-columns");
        return box;
    }

    private Label message() {
        Label error = Controls.label(vm.messageProperty(), "patron-message");
        error.getStyleClass().add("login-message");
        Controls.showWhen(error, vm.messageProperty().isNotEmpty());
        return error;
    }

    private static VBox column(Node... nodes) {
        VBox box = new VBox(nodes);
        box.getStyleClass().add("patron-column");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}

package org.opackiosk.app.idle;

import java.util.Objects;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.i18n.Localization;

/**
 * The idle countdown, laid over whatever screen is shown: what is about to happen, the seconds
 * left, and a big Continue button, which is the default button (Enter presses it).
 */
public final class IdleScreen {

    private final StackPane overlay = new StackPane();

    public IdleScreen(IdleViewModel vm, Localization l10n) {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(l10n, "l10n");
        Label title = Controls.label(l10n.text("idle.title"), "countdown-title");
        title.setId("countdownTitle");
        Label seconds = Controls.label(vm.secondsLeftProperty().asString(), "countdown-seconds");
        seconds.setId("countdownSeconds");
        seconds.setWrapText(false);
        Label unit = Controls.label(l10n.text("idle.seconds"), "countdown-unit");
        Label detail = Controls.label(l10n.text("idle.detail"), "countdown-detail");
        Button carryOn = Controls.button(l10n.text("idle.continue"), null, "primary", "continue-button");
        carryOn.setId("continueButton");
        carryOn.setOnAction(e -> vm.continueSession());
        // Default only while shown, so Enter elsewhere never presses an invisible button.
        carryOn.defaultButtonProperty().bind(vm.countdownShownProperty());

        VBox panel = new VBox(title, seconds, unit, detail, carryOn);
        panel.getStyleClass().add("countdown-panel");
        panel.setAlignment(Pos.CENTER);
        panel.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);

        overlay.getChildren().add(panel);
        overlay.getStyleClass().add("countdown-overlay");
        overlay.setId("countdownOverlay");
        overlay.setAlignment(Pos.CENTER);
        Controls.showWhen(overlay, vm.countdownShownProperty());
        vm.countdownShownProperty().addListener((obs, old, shown) -> {
            if (shown) {
                carryOn.requestFocus();
            }
        });
    }

    public Node node() {
        return overlay;
    }
}

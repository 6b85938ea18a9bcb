package org.opackiosk.app.keyboard;

import java.util.Objects;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.i18n.Localization;

/**
 * A telephone-style numeric pad (1–9, then clear, 0, backspace) for card numbers, dates and phone
 * numbers. View only; keys go to an {@link OnScreenKeyboard.Listener}, clear to {@code onClear}.
 * FX thread only.
 */
public final class NumericPad {

    private final GridPane root = new GridPane();

    public NumericPad(Localization l10n, OnScreenKeyboard.Listener listener, Runnable onClear, String idPrefix) {
        Objects.requireNonNull(l10n, "l10n");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(onClear, "onClear");
        root.getStyleClass().add("numeric-pad");
        root.setAlignment(Pos.CENTER);
        for (int i = 1; i <= 9; i++) {
            root.add(digit(String.valueOf(i), listener, idPrefix), (i - 1) % 3, (i - 1) / 3);
        }
        Button clear = Controls.button(l10n.text("keyboard.clear"), null, "key", "pad-key", "pad-word");
        clear.setId(idPrefix + "-clear");
        clear.setOnAction(e -> onClear.run());
        Button back = Controls.button(l10n.text("keyboard.backspace"), null, "key", "pad-key", "pad-word");
        back.setId(idPrefix + "-backspace");
        back.setOnAction(e -> listener.backspace());
        root.add(clear, 0, 3);
        root.add(digit("0", listener, idPrefix), 1, 3);
        root.add(back, 2, 3);
    }

    private static Button digit(String d, OnScreenKeyboard.Listener listener, String idPrefix) {
        Button b = new Button(d);
        b.getStyleClass().addAll("key", "pad-key");
        b.setFocusTraversable(false);
        b.setId(idPrefix + "-" + d);
        b.setOnAction(e -> listener.typed(d));
        return b;
    }

    public Node node() {
        return root;
    }
}

package org.opackiosk.app.fx;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small factories for the kiosk's recurring controls, so every screen looks and behaves alike. */
public final class Controls {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private Controls() {
    }

    /** A label whose text follows {@code text}; wraps rather than cutting words off with "…". */
    public static Label label(ObservableValue<String> text, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A label with fixed words (a row's title, a hint); wraps rather than cutting words off with "…". */
    public static Label text(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A touch button with a glyph before its words. */
    public static Button button(ObservableValue<String> text, Icons.Glyph glyph, String... styleClasses) {
        Button button = new Button();
        button.textProperty().bind(text);
        if (glyph != null) {
            button.setGraphic(Icons.icon(glyph));
            button.setContentDisplay(ContentDisplay.LEFT);
        }
        button.getStyleClass().addAll(styleClasses);
        button.setMinWidth(Region.USE_PREF_SIZE);
        // Touch screens have no keyboard focus to show; a focus ring left on the last button touched only confuses.
        button.setFocusTraversable(false);
        return button;
    }

    /**
     * One button of a row of choices (pickup library, contact method). The chosen one is filled and carries a check
     * mark: not by colour alone. Never cut to 予….
     */
    public static Button choice(String text, String id, boolean chosen, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("choice");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setFocusTraversable(false);
        button.setId(id);
        button.pseudoClassStateChanged(CURRENT, chosen);
        if (chosen) {
            button.setGraphic(Icons.icon(Icons.Glyph.CHECK));
        }
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Fills the space between its neighbours in an HBox. */
    public static Region hgrow() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setMinWidth(0);
        return spacer;
    }

    /** Shows and lays out {@code node} only while {@code shown} is true. */
    public static void showWhen(javafx.scene.Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}

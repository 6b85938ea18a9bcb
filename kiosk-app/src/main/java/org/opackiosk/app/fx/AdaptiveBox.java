package org.opackiosk.app.fx;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays its children out side by side when it is at least {@code breakpoint} wide (landscape) and
 * one above the other when narrower (portrait), so one screen serves both orientations.
 * Side by side, the children share the width equally.
 */
public final class AdaptiveBox extends StackPane {

    private final List<Node> children;
    private final HBox row = new HBox();
    private final VBox column = new VBox();
    private final double breakpoint;
    private Boolean wide;

    public AdaptiveBox(double breakpoint, Node... children) {
        this.breakpoint = breakpoint;
        this.children = List.of(children);
        getStyleClass().add("adaptive-box");
        row.getStyleClass().addAll("adaptive-row");
        column.getStyleClass().addAll("adaptive-column");
        // Its own width decides the arrangement, so what it contains must never push that width up.
        setMinWidth(0);
        row.setMinWidth(0);
        column.setMinWidth(0);
        row.setAlignment(Pos.CENTER);
        row.setFillHeight(true);
        column.setAlignment(Pos.CENTER);
        column.setFillWidth(true);
        for (Node child : children) {
            HBox.setHgrow(child, Priority.ALWAYS);
            VBox.setVgrow(child, Priority.ALWAYS);
        }
        widthProperty().addListener((obs, old, width) -> arrange(width.doubleValue()));
        arrange(0);
    }

    public boolean isSideBySide() {
        return Boolean.TRUE.equals(wide);
    }

    private void arrange(double width) {
        // Before the first layout (width 0) start side by side; the real width decides right after.
        boolean nowWide = width == 0 || width >= breakpoint;
        if (wide != null && wide == nowWide) {
            return;
        }
        wide = nowWide;
        if (nowWide) {
            column.getChildren().clear();
            row.getChildren().setAll(children);
            getChildren().setAll(row);
        } else {
            row.getChildren().clear();
            column.getChildren().setAll(children);
            getChildren().setAll(column);
        }
    }
}

package org.opackiosk.app.fx;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A bar with one node on the left and a group of controls on the right that wraps onto further
 * right-aligned rows when the bar is too narrow for all of them (portrait screens, large text).
 * Controls keep their preferred width: a button never shrinks until its words are cut off.
 * Invisible children take no space.
 */
public final class WrappingBar extends Pane {

    private final Node leading;
    private final List<Node> trailing;
    private double hgap = 16;
    private double vgap = 12;

    public WrappingBar(Node leading, Node... trailing) {
        this.leading = leading;
        this.trailing = List.of(trailing);
        getChildren().add(leading);
        getChildren().addAll(trailing);
        getStyleClass().add("wrapping-bar");
    }

    public void setGaps(double hgap, double vgap) {
        this.hgap = hgap;
        this.vgap = vgap;
        requestLayout();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double width = 0;
        int shown = 0;
        for (Node n : shown()) {
            width += width(n);
            shown++;
        }
        return in.getLeft() + width + Math.max(0, shown - 1) * hgap + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        double widest = 0;
        for (Node n : shown()) {
            widest = Math.max(widest, n.minWidth(-1));
        }
        return in.getLeft() + widest + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double available = (width < 0 ? computePrefWidth(-1) : width) - in.getLeft() - in.getRight();
        double height = 0;
        List<List<Node>> rows = rows(available);
        for (List<Node> row : rows) {
            height += rowHeight(row);
        }
        return in.getTop() + height + Math.max(0, rows.size() - 1) * vgap + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = in.getLeft();
        double right = getWidth() - in.getRight();
        double y = in.getTop();
        for (List<Node> row : rows(right - left)) {
            double h = rowHeight(row);
            double x = right;
            for (int i = row.size() - 1; i >= 0; i--) {
                Node n = row.get(i);
                double w = width(n);
                double nh = Math.min(h, height(n, w));
                if (n == leading) {
                    // The leading node takes what the controls leave on its row.
                    w = Math.max(0, Math.min(w, x - left));
                    layoutInArea(n, left, y, w, h, 0, null, false, false,
                            HPos.LEFT, VPos.CENTER);
                } else {
                    x -= w;
                    n.resizeRelocate(snapPositionX(x), snapPositionY(y + (h - nh) / 2), snapSizeX(w), snapSizeY(nh));
                    x -= hgap;
                }
            }
            y += h + vgap;
        }
    }

    private List<Node> shown() {
        List<Node> shown = new ArrayList<>();
        if (leading.isManaged()) {
            shown.add(leading);
        }
        for (Node n : trailing) {
            if (n.isManaged()) {
                shown.add(n);
            }
        }
        return shown;
    }

    // In order: the leading node first, then as many controls as fit on each row.
    private List<List<Node>> rows(double available) {
        List<List<Node>> rows = new ArrayList<>();
        List<Node> row = new ArrayList<>();
        double used = 0;
        if (leading.isManaged()) {
            row.add(leading);
            used = width(leading);
        }
        for (Node n : trailing) {
            if (!n.isManaged()) {
                continue;
            }
            double w = width(n);
            double needed = row.isEmpty() ? w : used + hgap + w;
            if (!row.isEmpty() && needed > available) {
                rows.add(row);
                row = new ArrayList<>();
                needed = w;
            }
            row.add(n);
            used = needed;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    // As layout panes do: the preferred size, but never below the minimum or above the maximum.
    private static double width(Node n) {
        return Math.max(n.minWidth(-1), Math.min(n.prefWidth(-1), n.maxWidth(-1)));
    }

    private static double height(Node n, double width) {
        return Math.max(n.minHeight(width), Math.min(n.prefHeight(width), n.maxHeight(width)));
    }

    private double rowHeight(List<Node> row) {
        double h = 0;
        for (Node n : row) {
            h = Math.max(h, height(n, width(n)));
        }
        return h;
    }
}

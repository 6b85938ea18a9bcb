package org.opackiosk.app.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;

/** What a patron can see in a scene graph. Call on the FX thread. */
public final class SceneQueries {

    private SceneQueries() {
    }

    /** Every node under {@code root} that is shown: it and all its ancestors up to root are visible. */
    public static List<Node> visibleNodes(Node root) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        return nodes;
    }

    /** Visible labels and buttons with text. */
    public static List<Labeled> visibleLabeled(Node root) {
        return visibleNodes(root).stream()
                .filter(n -> n instanceof Labeled l && l.getText() != null && !l.getText().isBlank())
                .map(Labeled.class::cast)
                .toList();
    }

    public static List<String> visibleTexts(Node root) {
        return visibleLabeled(root).stream().map(Labeled::getText).toList();
    }

    /**
     * Every text under {@code root}, shown or hidden: of labels and buttons, of bare {@link Text} nodes, and what is
     * typed in (or prompted by) text fields and areas. What a privacy check must search.
     */
    public static List<String> allTexts(Node root) {
        List<String> texts = new ArrayList<>();
        if (root instanceof Labeled l && l.getText() != null) {
            texts.add(l.getText());
        }
        if (root instanceof Text t && t.getText() != null) {
            texts.add(t.getText());
        }
        if (root instanceof TextInputControl input) {
            if (input.getText() != null) {
                texts.add(input.getText());
            }
            if (input.getPromptText() != null) {
                texts.add(input.getPromptText());
            }
        }
        if (root instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                texts.addAll(allTexts(child));
            }
        }
        return texts;
    }

    /**
     * Whether the node {@code query} finds is there and shown: it and every parent up to the scene's root visible. Unlike
     * the rest of this class, read from the calling thread, as a TestFX lookup is.
     */
    public static boolean shown(FxRobot robot, String query) {
        Optional<Node> node = robot.lookup(query).tryQuery();
        for (Node n = node.orElse(null); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.isPresent();
    }

    public static List<Button> visibleButtons(Node root) {
        return visibleNodes(root).stream().filter(Button.class::isInstance).map(Button.class::cast).toList();
    }

    /**
     * The text a label actually draws, which differs from its text when the label is too small and
     * cut it off with an ellipsis.
     */
    public static String drawnText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(Text.class::isInstance)
                .map(n -> ((Text) n).getText())
                .findFirst()
                .orElse(labeled.getText());
    }

    /** Every visible text under {@code root} that is drawn shorter than it is (cut off with "…"), described. */
    public static List<String> cutOffTexts(Node root) {
        return visibleLabeled(root).stream()
                .filter(l -> !drawnText(l).equals(l.getText()))
                .map(l -> "'" + l.getText() + "' is drawn as '" + drawnText(l) + "'")
                .toList();
    }

    /**
     * Every visible text or button under {@code root} that sticks out of the scene's left or right edge, described
     * (a layout wider than the screen). Not the top and bottom: a list may scroll there.
     */
    public static List<String> outsideTheSidesOfTheScene(Node root) {
        double width = root.getScene().getWidth();
        return visibleLabeled(root).stream()
                .filter(l -> {
                    javafx.geometry.Bounds b = l.localToScene(l.getLayoutBounds());
                    return b.getMinX() < -0.5 || b.getMaxX() > width + 0.5;
                })
                .map(l -> {
                    javafx.geometry.Bounds b = l.localToScene(l.getLayoutBounds());
                    return "'" + l.getText() + "' spans x " + Math.round(b.getMinX()) + "–" + Math.round(b.getMaxX())
                            + " of a scene " + Math.round(width) + " wide";
                })
                .toList();
    }

    private static void collect(Node node, List<Node> into) {
        if (!node.isVisible()) {
            return;
        }
        into.add(node);
        if (node instanceof Parent p && !(node instanceof Labeled)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        } else if (node instanceof Labeled l && l.getGraphic() != null) {
            collect(l.getGraphic(), into);
        }
    }
}

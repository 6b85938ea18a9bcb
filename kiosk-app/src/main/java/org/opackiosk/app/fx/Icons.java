package org.opackiosk.app.fx;

import javafx.scene.layout.Region;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * The kiosk's glyphs, drawn as shapes rather than taken from a font, so they never turn into empty
 * boxes and scale with the text size. An icon is a {@link Region} with style class {@code icon} (its
 * size and colour come from {@code kiosk.css}) plus one class per glyph, e.g. {@code icon-home}.
 */
public final class Icons {

    /** Shapes on a 24 × 24 grid; even-odd filling makes the holes. */
    public enum Glyph {
        HOME("M12 2.5 L1.5 11.5 L3 13.2 L4.5 11.9 V21.5 H10 V15 H14 V21.5 H19.5 V11.9 L21 13.2 L22.5 11.5 Z"),
        BACK("M21.5 10.5 H7.2 L12.6 5.1 L10.5 3 L1.5 12 L10.5 21 L12.6 18.9 L7.2 13.5 H21.5 Z"),
        PREVIOUS("M16.6 4.1 L14.5 2 L4.5 12 L14.5 22 L16.6 19.9 L8.7 12 Z"),
        NEXT("M7.4 4.1 L9.5 2 L19.5 12 L9.5 22 L7.4 19.9 L15.3 12 Z"),
        CHECK("M9 16.2 L4.8 12 L3.2 13.6 L9 19.4 L21 7.4 L19.4 5.8 Z"),
        SEARCH("M10 2.5 A7.5 7.5 0 1 0 14.55 16 L20 21.5 L21.5 20 L16 14.55 A7.5 7.5 0 0 0 10 2.5 Z"
                + " M10 5 A5 5 0 1 1 10 15 A5 5 0 1 1 10 5 Z"),
        CARD("M2.5 4 H21.5 Q23.5 4 23.5 6 V18 Q23.5 20 21.5 20 H2.5 Q0.5 20 0.5 18 V6 Q0.5 4 2.5 4 Z"
                + " M2.5 6 V18 H21.5 V6 Z"
                + " M5 9 H6.5 V15 H5 Z M8 9 H8.8 V15 H8 Z M10.2 9 H12.2 V15 H10.2 Z M13.6 9 H14.4 V15 H13.6 Z"
                + " M15.8 9 H17.6 V15 H15.8 Z M19 9 H19.8 V15 H19 Z"),
        ONLINE("M12 1.5 A10.5 10.5 0 1 0 12 22.5 A10.5 10.5 0 1 0 12 1.5 Z"
                + " M10.2 16.8 L5.6 12.2 L7.3 10.5 L10.2 13.4 L16.7 6.9 L18.4 8.6 Z"),
        OFFLINE("M12 1.5 A10.5 10.5 0 1 0 12 22.5 A10.5 10.5 0 1 0 12 1.5 Z"
                + " M12 4.5 A7.5 7.5 0 0 1 17.9 16.4 L7.6 6.1 A7.5 7.5 0 0 1 12 4.5 Z"
                + " M6.1 7.6 L16.4 17.9 A7.5 7.5 0 0 1 6.1 7.6 Z"),
        CHECKING("M5 1.5 H19 V3.5 H17.5 V6.5 Q17.5 9.5 13.8 12 Q17.5 14.5 17.5 17.5 V20.5 H19 V22.5 H5 V20.5"
                + " H6.5 V17.5 Q6.5 14.5 10.2 12 Q6.5 9.5 6.5 6.5 V3.5 H5 Z"),
        BOOK("M1 4.5 Q6.5 3 11.2 5.8 V20.5 Q6.5 18 1 19.2 Z M23 4.5 Q17.5 3 12.8 5.8 V20.5 Q17.5 18 23 19.2 Z"),
        MAGAZINE("M4 1.5 H20 V22.5 H4 Z M6 3.5 V20.5 H18 V3.5 Z M7.5 5 H16.5 V9 H7.5 Z"
                + " M7.5 11 H16.5 V12.5 H7.5 Z M7.5 14.5 H16.5 V16 H7.5 Z M7.5 18 H13 V19.5 H7.5 Z"),
        CD("M12 1.5 A10.5 10.5 0 1 0 12 22.5 A10.5 10.5 0 1 0 12 1.5 Z M12 8.5 A3.5 3.5 0 1 1 12 15.5"
                + " A3.5 3.5 0 1 1 12 8.5 Z M12 10.5 A1.5 1.5 0 1 0 12 13.5 A1.5 1.5 0 1 0 12 10.5 Z"),
        DVD("M1.5 4 H22.5 V20 H1.5 Z M3.5 6 V18 H20.5 V6 Z M9.5 8.5 V15.5 L16 12 Z"),
        KAMISHIBAI("M1.5 3 H22.5 V21 H1.5 Z M3.5 5 V19 H20.5 V5 Z M5.5 17 L10 10.5 L13.2 14.5 L15.5 12 L18.5 17 Z"
                + " M16 6.5 A1.5 1.5 0 1 1 16 9.5 A1.5 1.5 0 1 1 16 6.5 Z"),
        PRINTER("M6 2.5 H18 V7 H6 Z M1.5 8.5 H22.5 V17.5 H18.5 V14 H5.5 V17.5 H1.5 Z M7 15.5 H17 V22 H7 Z"),
        DOCUMENT("M5 1.5 H14.5 L19 6 V22.5 H5 Z M7 3.5 V20.5 H17 V7.5 H13 V3.5 Z");

        // Two specks in opposite corners make every shape's bounds the full grid, so a scaled
        // shape keeps its proportions and its place instead of being stretched to the region.
        private static final String FULL_GRID = " M0 0 H0.01 V0.01 H0 Z M24 24 H23.99 V23.99 H24 Z";

        private final String path;

        Glyph(String path) {
            this.path = path + FULL_GRID;
        }

        public String styleClass() {
            return "icon-" + name().toLowerCase().replace('_', '-');
        }
    }

    private Icons() {
    }

    /** A new icon node for {@code glyph}; extra style classes (e.g. {@code icon-large}) size it. */
    public static Region icon(Glyph glyph, String... styleClasses) {
        SVGPath shape = new SVGPath();
        shape.setContent(glyph.path);
        shape.setFillRule(FillRule.EVEN_ODD);
        Region icon = new Region();
        icon.setShape(shape);
        icon.setScaleShape(true);
        icon.setCenterShape(true);
        icon.getStyleClass().addAll("icon", glyph.styleClass());
        icon.getStyleClass().addAll(styleClasses);
        // Decoration: the words next to it say the same thing.
        icon.setFocusTraversable(false);
        icon.setMouseTransparent(true);
        return icon;
    }
}

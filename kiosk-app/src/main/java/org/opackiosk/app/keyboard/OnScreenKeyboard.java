package org.opackiosk.app.keyboard;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.i18n.Localization;

/**
 * The kiosk's one on-screen keyboard (view only), for search, passwords and e-mail: the layouts it offers
 * (50音 / ABC / 123 / symbols, see {@link KeyboardLayout}), a shift key where case matters, backspace, and the
 * space and clear keys where the field wants them ({@link Extras}). What each key does goes to a
 * {@link Listener} — normally one view-model method per key. Keys are at least 90 px square. Build and use on
 * the FX thread.
 */
public final class OnScreenKeyboard {

    /** Where the keys go. */
    public interface Listener {
        void typed(String text);

        void backspace();

        /** The usual listener: typed text to {@code typed}, backspace to {@code backspace} (a view model's methods). */
        static Listener of(Consumer<String> typed, Runnable backspace) {
            Objects.requireNonNull(typed, "typed");
            Objects.requireNonNull(backspace, "backspace");
            return new Listener() {
                @Override
                public void typed(String text) {
                    typed.accept(text);
                }

                @Override
                public void backspace() {
                    backspace.run();
                }
            };
        }
    }

    /**
     * The keys a field needs besides the letters and backspace.
     *
     * @param shift whether a shift key is offered on layouts with case (passwords: yes; search: case is folded)
     * @param space whether a space key is offered (search words)
     * @param clear what a "clear" key does, or null for none
     */
    public record Extras(boolean shift, boolean space, Runnable clear) {
        /** Shift where case matters, nothing else: passwords and e-mail addresses. */
        public static final Extras CASE = new Extras(true, false, null);

        /** Space and clear, no shift: text where case does not matter (the catalogue search). */
        public static Extras words(Runnable clear) {
            return new Extras(false, true, Objects.requireNonNull(clear, "clear"));
        }
    }

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final Localization l10n;
    private final Listener listener;
    private final List<KeyboardLayout> layouts;
    private final ObjectProperty<KeyboardLayout> layout = new SimpleObjectProperty<>(this, "layout");
    private final BooleanProperty shift = new SimpleBooleanProperty(this, "shift", false);
    private final VBox keys = new VBox();
    private final VBox root = new VBox();
    private final String idPrefix;
    private final Extras extras;

    /**
     * @param idPrefix prefix of the keys' node ids ({@code idPrefix + "-key-a"}), for tests
     * @param layouts  the layouts offered, the first shown first
     */
    public OnScreenKeyboard(Localization l10n, Listener listener, String idPrefix, List<KeyboardLayout> layouts) {
        this(l10n, listener, idPrefix, layouts, Extras.CASE);
    }

    /**
     * @param idPrefix prefix of the keys' node ids ({@code idPrefix + "-key-a"}), for tests
     * @param layouts  the layouts offered, the first shown first
     * @param extras   the shift, space and clear keys this field wants
     */
    public OnScreenKeyboard(Localization l10n, Listener listener, String idPrefix, List<KeyboardLayout> layouts,
                            Extras extras) {
        this.extras = Objects.requireNonNull(extras, "extras");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
        this.layouts = List.copyOf(layouts);
        if (this.layouts.isEmpty()) {
            throw new IllegalArgumentException("a keyboard has at least one layout");
        }
        root.getStyleClass().add("on-screen-keyboard");
        root.setAlignment(Pos.CENTER);
        keys.getStyleClass().add("keyboard-keys");
        keys.setAlignment(Pos.CENTER);
        root.getChildren().addAll(keys, controlRow());
        layout.addListener((obs, old, now) -> rebuild());
        shift.addListener((obs, old, now) -> rebuild());
        layout.set(this.layouts.get(0));
    }

    public Node node() {
        return root;
    }

    /**
     * The layout shown. A view model that chooses the layout itself (the search puts 123 up for an ISBN field)
     * sets it; listening to it tells which layout the patron chose.
     */
    public ObjectProperty<KeyboardLayout> layoutProperty() {
        return layout;
    }

    /** Back to the first layout, lower case (a new patron, or a cleared field). */
    public void reset() {
        shift.set(false);
        layout.set(layouts.get(0));
    }

    private Node controlRow() {
        HBox row = new HBox();
        row.getStyleClass().add("keyboard-row");
        row.setAlignment(Pos.CENTER);
        if (layouts.size() > 1) {
            for (KeyboardLayout l : layouts) {
                Button b = Controls.button(l10n.text(l.messageKey()), null, "key", "key-layout");
                b.setId(idPrefix + "-layout-" + l.name().toLowerCase(Locale.ROOT));
                b.setOnAction(e -> layout.set(l));
                layout.addListener((obs, old, now) -> b.pseudoClassStateChanged(CURRENT, now == l));
                row.getChildren().add(b);
            }
        }
        if (extras.shift()) {
            Button shiftKey = Controls.button(l10n.text("keyboard.shift"), null, "key", "key-wide");
            shiftKey.setId(idPrefix + "-shift");
            shiftKey.setOnAction(e -> shift.set(!shift.get()));
            shift.addListener((obs, old, now) -> shiftKey.pseudoClassStateChanged(CURRENT, now));
            Controls.showWhen(shiftKey, javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> layout.get() != null && layout.get().hasCase(), layout));
            row.getChildren().add(shiftKey);
        }
        if (extras.space()) {
            Button space = Controls.button(l10n.text("keyboard.space"), null, "key", "key-wide");
            space.setId(idPrefix + "-space");
            space.setOnAction(e -> listener.typed(" "));
            row.getChildren().add(space);
        }
        Button back = Controls.button(l10n.text("keyboard.backspace"), null, "key", "key-wide");
        back.setId(idPrefix + "-backspace");
        back.setOnAction(e -> listener.backspace());
        row.getChildren().add(back);
        if (extras.clear() != null) {
            Button clear = Controls.button(l10n.text("keyboard.clear"), null, "key", "key-wide");
            clear.setId(idPrefix + "-clear");
            clear.setOnAction(e -> extras.clear().run());
            row.getChildren().add(clear);
        }
        return row;
    }

    /** A key's id suffix: letters and digits as they are, {@code @ . - _ +} by name, anything else by code point. */
    static String idOf(String text) {
        StringBuilder id = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                id.appendCodePoint(c);
            } else {
                id.append(switch (c) {
                    case '@' -> "at";
                    case '.' -> "dot";
                    case '-' -> "minus";
                    case '_' -> "underscore";
                    case '+' -> "plus";
                    default -> "u" + Integer.toHexString(c);
                });
            }
        });
        return id.toString();
    }

    private void rebuild() {
        keys.getChildren().clear();
        KeyboardLayout current = layout.get();
        for (List<String> letters : current.rows()) {
            javafx.scene.layout.Pane row;
            if (letters.stream().anyMatch(l -> l.codePointCount(0, l.length()) > 1)) {
                // Whole domains keep their words and wrap onto a second row when half a landscape screen is too narrow.
                javafx.scene.layout.FlowPane words = new javafx.scene.layout.FlowPane(8, 8);
                words.setAlignment(Pos.CENTER);
                words.setPrefWrapLength(800);
                row = words;
            } else {
                HBox keysRow = new HBox();
                keysRow.setAlignment(Pos.CENTER);
                row = keysRow;
            }
            row.getStyleClass().add("keyboard-row");
            for (String letter : letters) {
                if (letter.isEmpty()) {
                    Region gap = new Region();
                    gap.getStyleClass().add("key-gap");
                    row.getChildren().add(gap);
                    continue;
                }
                String text = shift.get() && current.hasCase() ? letter.toUpperCase(Locale.ROOT) : letter;
                Button key = new Button(text);
                key.setMnemonicParsing(false);
                if (text.equals(KanaInput.SMALL)) {
                    key.textProperty().bind(l10n.text("keyboard.small")); // 小 means nothing to a visitor
                    key.getStyleClass().add("key-word");
                }
                key.getStyleClass().add("key");
                if (text.codePointCount(0, text.length()) > 1) {
                    key.getStyleClass().add("key-word"); // a whole domain on one key: as wide as its words
                }
                key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                key.setFocusTraversable(false);
                key.setId(idPrefix + "-key-" + idOf(text));
                key.setOnAction(e -> listener.typed(text));
                row.getChildren().add(key);
            }
            keys.getChildren().add(row);
        }
    }
}

package org.opackiosk.app.search;

import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.keyboard.KeyboardLayout;
import org.opackiosk.app.keyboard.OnScreenKeyboard;
import org.opackiosk.app.search.SearchViewModel.Field;
import org.opackiosk.core.catalogue.Suggestion;

/**
 * The search screen: one large box, the suggestions while typing, the on-screen keyboard (50音, ABC, 123)
 * and the advanced form (title, author, publisher, ISBN, subject, NDC, years). Every key goes to one view
 * model method. FX thread only.
 */
public final class SearchScreen {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /** From this width the keyboard stands beside the form and the suggestions. */
    static final double SIDE_BY_SIDE_FROM = 1500;

    private final SearchViewModel vm;
    private final Localization l10n;
    private final VBox root = new VBox();
    private final VBox suggestionList = new VBox();

    public SearchScreen(SearchViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().add("search");
        Node bar = searchBar();
        VBox left = new VBox(advancedForm(), suggestions());
        left.getStyleClass().add("search-left");
        Node keyboard = keyboard();
        HBox wide = new HBox();
        wide.getStyleClass().add("search-wide");
        HBox.setHgrow(left, Priority.ALWAYS);
        root.getChildren().addAll(bar, left, keyboard);
        // landscape: what was typed and found on the left, the keys on the right; portrait: one above the other.
        // Decided by the window, not by this screen's own width: side by side, the advanced form and the keys
        // together are wider than a portrait screen, and the screen would never become narrow enough to stack.
        javafx.beans.value.ChangeListener<Number> arrange = (obs, old, width) -> {
            boolean sideBySide = width.doubleValue() >= SIDE_BY_SIDE_FROM;
            if (sideBySide && wide.getParent() == null) {
                root.getChildren().removeAll(left, keyboard);
                wide.getChildren().setAll(left, keyboard);
                root.getChildren().add(wide);
            } else if (!sideBySide && wide.getParent() != null) {
                wide.getChildren().clear();
                root.getChildren().remove(wide);
                root.getChildren().addAll(left, keyboard);
            }
        };
        // a keyboard plugged into the kiosk types into the focused field while this screen is shown; a
        // keyboard-wedge scanner's scans never get here, the scene's wedge detector swallows them (ADR 0090)
        EventHandler<KeyEvent> physicalKeys = this::physicalKey;
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.widthProperty().removeListener(arrange);
                old.removeEventHandler(KeyEvent.ANY, physicalKeys);
            }
            if (scene != null) {
                scene.widthProperty().addListener(arrange);
                arrange.changed(scene.widthProperty(), null, scene.getWidth());
                scene.addEventHandler(KeyEvent.ANY, physicalKeys);
            }
        });
    }

    public Node node() {
        return root;
    }

    private void physicalKey(KeyEvent e) {
        if (e.isConsumed() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            String c = e.getCharacter();
            if (c.length() == 1 && c.charAt(0) >= 0x20 && c.charAt(0) != 0x7F) {
                vm.typed(c);
                e.consume();
            }
        } else if (e.getEventType() == KeyEvent.KEY_PRESSED && e.getCode() == KeyCode.BACK_SPACE) {
            vm.backspace();
            e.consume();
        } else if (e.getEventType() == KeyEvent.KEY_PRESSED && e.getCode() == KeyCode.ENTER) {
            vm.search();
            e.consume();
        }
    }

    private Node searchBar() {
        Button box = fieldBox(Field.TEXT, "searchBox");
        box.getStyleClass().add("search-box");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        Button search = Controls.button(l10n.text("search.go"), Glyph.SEARCH, "search-go", "primary");
        search.setId("searchGo");
        search.setOnAction(e -> vm.search());
        Button advanced = Controls.button(l10n.text("search.advanced"), null, "search-advanced");
        advanced.setId("advancedButton");
        advanced.setOnAction(e -> vm.toggleAdvanced());
        vm.advancedProperty().addListener((obs, old, on) -> advanced.pseudoClassStateChanged(CURRENT, on));
        Label title = Controls.label(l10n.text("screen.search"), "heading");
        title.setId("searchTitle");
        title.setMinWidth(Label.USE_PREF_SIZE);
        HBox bar = new HBox(title, box, search, advanced);
        bar.getStyleClass().add("search-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Controls.showWhen(box, vm.advancedProperty().not());
        return bar;
    }

    /** A field shown as a large touch target: its text, or its name when empty; touching it puts the keys there. */
    private Button fieldBox(Field field, String id) {
        Button box = new Button();
        box.setId(id);
        box.getStyleClass().add("search-field");
        box.setFocusTraversable(false);
        box.setMnemonicParsing(false);
        box.setMaxWidth(Double.MAX_VALUE);
        box.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = vm.fieldProperty(field).get();
            boolean current = vm.focusedProperty().get() == field;
            // empty: what to type here (the advanced form's fields have their names above them); the frame and
            // the cursor show which field the keys go to
            if (text.isEmpty() && field == Field.TEXT) {
                return l10n.get("search.field.text");
            }
            return text + (current ? "|" : "");
        }, vm.fieldProperty(field), vm.focusedProperty(), l10n.localeProperty()));
        box.setOnAction(e -> vm.focus(field));
        vm.focusedProperty().addListener((obs, old, now) -> box.pseudoClassStateChanged(CURRENT, now == field));
        box.pseudoClassStateChanged(CURRENT, vm.focusedProperty().get() == field);
        return box;
    }

    private Node advancedForm() {
        GridPane form = new GridPane();
        form.getStyleClass().add("advanced-form");
        form.setId("advancedForm");
        List<Field> fields = List.of(Field.TITLE, Field.AUTHOR, Field.PUBLISHER, Field.ISBN, Field.SUBJECT, Field.NDC,
                Field.YEAR_FROM, Field.YEAR_TO);
        // each field's name above its box: beside it, two names and two boxes share the width left of the keys in
        // landscape, and the boxes became too narrow for their own hints ("Year fr…")
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            form.getColumnConstraints().add(half);
        }
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Label name = Controls.label(l10n.text("search.field." + f.name().toLowerCase(java.util.Locale.ROOT)), "advanced-label");
            Button box = fieldBox(f, "field-" + f.name().toLowerCase(java.util.Locale.ROOT));
            VBox cell = new VBox(name, box);
            cell.getStyleClass().add("advanced-cell");
            form.add(cell, i % 2, i / 2);
        }
        Controls.showWhen(form, vm.advancedProperty());
        return form;
    }

    private Node suggestions() {
        suggestionList.getStyleClass().add("suggestions");
        suggestionList.setId("suggestions");
        vm.suggestions().addListener((ListChangeListener<Suggestion>) c -> fillSuggestions());
        Controls.showWhen(suggestionList, Bindings.isNotEmpty(vm.suggestions()));
        return suggestionList;
    }

    /**
     * The suggestion buttons are made once and refilled on every key: new buttons on each keystroke would be
     * styled and laid out from scratch, which is most of the time from a key to the suggestions on screen.
     */
    private void fillSuggestions() {
        List<Suggestion> shown = vm.suggestions();
        while (suggestionList.getChildren().size() < shown.size()) {
            suggestionList.getChildren().add(suggestionButton());
        }
        for (int i = 0; i < suggestionList.getChildren().size(); i++) {
            Button b = (Button) suggestionList.getChildren().get(i);
            @SuppressWarnings("unchecked")
            javafx.beans.property.ObjectProperty<Suggestion> slot = (javafx.beans.property.ObjectProperty<Suggestion>) b.getUserData();
            boolean used = i < shown.size();
            slot.set(used ? shown.get(i) : null);
            b.setVisible(used);
            b.setManaged(used);
        }
    }

    private Button suggestionButton() {
        javafx.beans.property.ObjectProperty<Suggestion> slot = new javafx.beans.property.SimpleObjectProperty<>();
        Button b = new Button();
        b.setUserData(slot);
        b.setMnemonicParsing(false);
        b.getStyleClass().add("suggestion");
        b.textProperty().bind(Bindings.createStringBinding(() -> slot.get() == null ? "" : slot.get().text(), slot));
        Label kind = Controls.label(Bindings.createStringBinding(() -> l10n.get(slot.get() != null
                && slot.get().kind() == Suggestion.Kind.AUTHOR ? "search.suggestion.author" : "search.suggestion.title"),
                slot, l10n.localeProperty()), "suggestion-kind");
        b.setGraphic(kind);
        slot.addListener((obs, old, now) -> {
            String wanted = now != null && now.kind() == Suggestion.Kind.AUTHOR ? "suggestion-author" : "suggestion-title";
            if (!b.getStyleClass().contains(wanted)) { // a changed style class restyles the button: only when it changes
                b.getStyleClass().removeAll("suggestion-author", "suggestion-title");
                b.getStyleClass().add(wanted);
            }
        });
        b.setMaxWidth(Double.MAX_VALUE);
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            if (slot.get() != null) {
                vm.chooseSuggestion(slot.get());
            }
        });
        return b;
    }

    /** The one on-screen keyboard with the search's layouts; the view model may choose the layout (123 for an ISBN). */
    private Node keyboard() {
        OnScreenKeyboard keyboard = new OnScreenKeyboard(l10n, OnScreenKeyboard.Listener.of(vm::press, vm::backspace), "search",
                List.of(KeyboardLayout.KANA, KeyboardLayout.ABC, KeyboardLayout.NUMBERS), OnScreenKeyboard.Extras.words(vm::clearField));
        keyboard.layoutProperty().set(vm.layoutProperty().get());
        vm.layoutProperty().addListener((obs, old, now) -> keyboard.layoutProperty().set(now));
        keyboard.layoutProperty().addListener((obs, old, now) -> vm.useLayout(now));
        Node node = keyboard.node();
        node.setId("searchKeyboard");
        node.getStyleClass().add("search-keyboard");
        return node;
    }
}

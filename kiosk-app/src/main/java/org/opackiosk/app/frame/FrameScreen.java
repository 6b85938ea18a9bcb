package org.opackiosk.app.frame;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.fx.WrappingBar;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.config.UiSettings.TextSize;
import org.opackiosk.core.connectivity.ConnectionState;

/**
 * The frame around every screen: the top bar (library, connection when not normal, Home, language,
 * text size), the current screen, the bottom bar (breadcrumb, Back) and, above all, an overlay
 * (the idle countdown). Its root is the scene's root, or sits scaled inside it in the development preview.
 */
public final class FrameScreen {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final FrameViewModel vm;
    private final Localization l10n;
    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final Map<ScreenId, Node> screens;

    public FrameScreen(FrameViewModel vm, Localization l10n, Map<ScreenId, Node> screens, Node overlay) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        this.screens = new EnumMap<>(screens);

        content.getStyleClass().add("screen-area");
        BorderPane frame = new BorderPane(content);
        frame.setTop(topBar());
        frame.setBottom(bottomBar());
        root.getChildren().addAll(frame, overlay);
        root.getStyleClass().add("kiosk");

        vm.currentScreenProperty().addListener((obs, old, screen) -> showScreen(screen));
        showScreen(vm.currentScreenProperty().get());
        vm.textSizeProperty().addListener((obs, old, size) -> applyTextSize(size));
        applyTextSize(vm.textSizeProperty().get());
        vm.languageProperty().addListener((obs, old, language) -> applyLanguage(language));
        applyLanguage(vm.languageProperty().get());
    }

    public Region root() {
        return root;
    }

    private void showScreen(ScreenId screen) {
        Node node = screens.get(screen);
        if (node == null) {
            throw new IllegalStateException("no view for screen " + screen);
        }
        content.getChildren().setAll(node);
    }

    private void applyTextSize(TextSize size) {
        root.getStyleClass().remove("text-large");
        if (size == TextSize.LARGE) {
            root.getStyleClass().add("text-large");
        }
    }

    // Lets the stylesheet tune typography per language (English words need no CJK line spacing).
    private void applyLanguage(Locale language) {
        root.getStyleClass().removeAll("lang-ja", "lang-en");
        root.getStyleClass().add("lang-" + language.getLanguage());
    }

    // ---- top bar

    private Node topBar() {
        BooleanBinding atHome = vm.currentScreenProperty().isEqualTo(ScreenId.ATTRACT);

        Label name = Controls.label(vm.libraryName(), "library-name");
        name.setId("frameLibraryName");
        name.setWrapText(false);
        Label branch = Controls.label(vm.branchNameProperty(), "branch-name");
        branch.setId("frameBranchName");
        branch.setWrapText(false);
        Controls.showWhen(branch, vm.branchNameProperty().isNotEmpty());
        HBox identity = new HBox(name, branch);
        identity.getStyleClass().add("identity");
        identity.setAlignment(Pos.BASELINE_LEFT);
        // The attract screen shows the library's name large itself.
        Controls.showWhen(identity, atHome.not());

        Node connection = connectionIndicator();
        Node scanner = scannerIndicator();

        Button home = Controls.button(l10n.text("frame.home"), Glyph.HOME, "bar-button");
        home.setId("homeButton");
        home.setOnAction(e -> vm.goHome());
        Controls.showWhen(home, atHome.not());

        Node language = languageSwitch();
        Node textSize = textSizeSwitch();

        // Controls wrap onto a second (third) row when the screen is narrow or the text large.
        WrappingBar bar = new WrappingBar(identity, connection, scanner, home, language, textSize);
        bar.setGaps(20, 12);
        bar.getStyleClass().add("top-bar");
        bar.setId("topBar");
        return bar;
    }

    private Node connectionIndicator() {
        var state = vm.connectionStateProperty();
        Region checking = Icons.icon(Glyph.CHECKING);
        Region offline = Icons.icon(Glyph.OFFLINE);
        Controls.showWhen(checking, state.isEqualTo(ConnectionState.CHECKING));
        Controls.showWhen(offline, state.isEqualTo(ConnectionState.OFFLINE));
        StringBinding words = Bindings.createStringBinding(
                () -> switch (state.get()) {
                    case CHECKING -> l10n.get("frame.connection.checking");
                    case OFFLINE -> l10n.get("frame.connection.offline");
                    case ONLINE -> "";
                },
                state, l10n.localeProperty());
        Label text = Controls.label(words);
        text.setWrapText(false);
        text.setId("connectionState");
        HBox indicator = new HBox(checking, offline, text);
        indicator.getStyleClass().add("connection-indicator");
        indicator.setAlignment(Pos.CENTER_LEFT);
        indicator.setId("connectionIndicator");
        Controls.showWhen(indicator, state.isNotEqualTo(ConnectionState.ONLINE));
        state.addListener((obs, old, s) -> indicator.pseudoClassStateChanged(OFFLINE, s == ConnectionState.OFFLINE));
        indicator.pseudoClassStateChanged(OFFLINE, state.get() == ConnectionState.OFFLINE);
        return indicator;
    }

    // Shown only while a configured scanner is unplugged; the words say it, not a colour.
    private Node scannerIndicator() {
        Label text = Controls.label(l10n.text("frame.scanner.missing"));
        text.setWrapText(false);
        HBox indicator = new HBox(Icons.icon(Glyph.CARD), text);
        indicator.getStyleClass().addAll("connection-indicator", "scanner-indicator");
        indicator.pseudoClassStateChanged(OFFLINE, true);
        indicator.setAlignment(Pos.CENTER_LEFT);
        indicator.setId("scannerMissing");
        Controls.showWhen(indicator, vm.scannerMissingProperty());
        return indicator;
    }

    // JavaFX CSS has no :first-child; the ends of a segmented group are marked by hand.
    private static void markEnds(HBox group) {
        group.getChildren().get(0).getStyleClass().add("segment-first");
        group.getChildren().get(group.getChildren().size() - 1).getStyleClass().add("segment-last");
    }

    private Node languageSwitch() {
        HBox group = new HBox();
        group.getStyleClass().add("segmented");
        for (Locale language : Localization.SUPPORTED) {
            Button b = Controls.button(l10n.text("language." + language.getLanguage()), null, "segment");
            b.setId("language-" + language.getLanguage());
            b.setOnAction(e -> vm.switchLanguage(language));
            markCurrent(b, Bindings.createBooleanBinding(() -> language.equals(vm.languageProperty().get()),
                    vm.languageProperty()));
            group.getChildren().add(b);
        }
        markEnds(group);
        return group;
    }

    private Node textSizeSwitch() {
        Label caption = Controls.label(l10n.text("frame.textSize"), "switch-caption");
        caption.setWrapText(false);
        HBox group = new HBox();
        group.getStyleClass().add("segmented");
        for (TextSize size : TextSize.values()) {
            String key = "frame.textSize." + size.name().toLowerCase(Locale.ROOT);
            Button b = Controls.button(l10n.text(key), null, "segment", "text-size-" + size.name().toLowerCase(Locale.ROOT));
            b.setId("textSize-" + size.name().toLowerCase(Locale.ROOT));
            b.setOnAction(e -> vm.setTextSize(size));
            markCurrent(b, vm.textSizeProperty().isEqualTo(size));
            group.getChildren().add(b);
        }
        markEnds(group);
        HBox box = new HBox(caption, group);
        box.getStyleClass().add("text-size-switch");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // The chosen option gets a check mark as well as a filled look, so it does not rely on colour.
    private static void markCurrent(Button button, BooleanBinding current) {
        Region check = Icons.icon(Glyph.CHECK);
        Runnable update = () -> {
            button.pseudoClassStateChanged(CURRENT, current.get());
            button.setGraphic(current.get() ? check : null);
        };
        current.addListener((obs, old, now) -> update.run());
        update.run();
        // The binding is only weakly held by what it observes; keep it alive as long as the button.
        button.getProperties().put("current-binding", current);
    }

    // ---- bottom bar

    private Node bottomBar() {
        Button back = Controls.button(l10n.text("frame.back"), Glyph.BACK, "bar-button", "back-button");
        back.setId("backButton");
        back.setOnAction(e -> vm.goBack());
        Controls.showWhen(back, vm.canGoBackProperty());

        StringBinding path = Bindings.createStringBinding(
                () -> vm.breadcrumb().stream()
                        .map(s -> l10n.get(s.messageKey()))
                        .collect(Collectors.joining(l10n.get("frame.breadcrumb.separator"))),
                vm.breadcrumb(), l10n.localeProperty());
        Label breadcrumb = Controls.label(path, "breadcrumb");
        breadcrumb.setId("breadcrumb");

        // When a patron is logged in: whose session it is, and the way out of it.
        Label patron = Controls.label(vm.patronCardProperty(), "patron-card");
        patron.setId("patronCard");
        patron.setWrapText(false);
        // the breadcrumb gives way (it wraps), never the card: a long path in portrait drew ****0…
        patron.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button logout = Controls.button(l10n.text("frame.logout"), null, "bar-button", "logout-button");
        logout.setId("logoutButton");
        logout.setOnAction(e -> vm.logout());
        Controls.showWhen(patron, vm.patronCardProperty().isNotEmpty());
        Controls.showWhen(logout, vm.patronCardProperty().isNotEmpty());

        HBox bar = new HBox(back, breadcrumb, Controls.hgrow(), patron, logout);
        bar.getStyleClass().add("bottom-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("bottomBar");
        // At home there is nowhere to go back to and nothing to locate: the attract screen keeps the space.
        Controls.showWhen(bar, vm.currentScreenProperty().isNotEqualTo(ScreenId.ATTRACT));
        return bar;
    }
}

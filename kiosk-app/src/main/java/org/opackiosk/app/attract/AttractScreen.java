package org.opackiosk.app.attract;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.AdaptiveBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.connectivity.ConnectionState;

/**
 * The attract screen, shown while nobody uses the kiosk: the library, the date and time, "scan
 * your card", the one big way into the catalogue, and whether the library's system is reachable.
 * No animation: a calm screen is kinder to the patron's eyes and to a small GPU.
 */
public final class AttractScreen {

    /**
     * Below this width (of the panels' area) the two panels stack: portrait, 1080 wide. A 1280-wide
     * development window still has them side by side.
     */
    static final double SIDE_BY_SIDE_FROM = 1000;

    private final AttractViewModel vm;
    private final Localization l10n;
    private final VBox root = new VBox();

    public AttractScreen(AttractViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().add("attract");
        root.setAlignment(Pos.CENTER);

        AdaptiveBox actions = new AdaptiveBox(SIDE_BY_SIDE_FROM, searchButton(), scanPanel());
        actions.getStyleClass().add("attract-actions");
        VBox.setVgrow(actions, Priority.ALWAYS);
        root.getChildren().addAll(header(), actions, statusLine());
    }

    public Node node() {
        return root;
    }

    private Node header() {
        Label name = Controls.label(vm.libraryName(), "attract-library-name");
        name.setId("attractLibraryName");
        Label branch = Controls.label(vm.branchName(), "attract-branch-name");
        branch.setId("attractBranchName");
        Controls.showWhen(branch, Bindings.isNotEmpty(vm.branchName()));
        Label dateTime = Controls.label(vm.dateTime(), "attract-date-time");
        dateTime.setId("dateTime");
        VBox header = new VBox(name, branch, dateTime);
        header.getStyleClass().add("attract-header");
        header.setAlignment(Pos.CENTER);
        return header;
    }

    private Node searchButton() {
        Label title = Controls.label(l10n.text("attract.search"), "search-title");
        title.setId("searchLabel");
        Label detail = Controls.label(l10n.text("attract.search.detail"), "search-detail");
        VBox content = new VBox(Icons.icon(Glyph.SEARCH, "icon-hero"), title, detail);
        content.getStyleClass().add("search-content");
        content.setAlignment(Pos.CENTER);

        Button search = new Button();
        search.setGraphic(content);
        search.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        search.getStyleClass().addAll("primary", "search-button");
        search.setId("searchButton");
        search.setFocusTraversable(false);
        search.setMaxWidth(Double.MAX_VALUE);
        search.setMaxHeight(Double.MAX_VALUE);
        search.setOnAction(e -> vm.searchCatalogue());
        return search;
    }

    private Node scanPanel() {
        Label prompt = Controls.label(l10n.text("attract.scan"), "scan-prompt");
        prompt.setId("scanPrompt");
        Label detail = Controls.label(vm.scanDetail(), "scan-detail");
        detail.setId("scanDetail");
        // Without the card at hand, or with a scanner that will not read it: type the number instead.
        Button typeCard = Controls.button(l10n.text("attract.typeCard"), null, "type-card-button");
        typeCard.setId("typeCardButton");
        typeCard.setOnAction(e -> vm.logInByCardNumber());
        Button register = Controls.button(l10n.text("attract.registerPassword"), null, "type-card-button");
        register.setId("registerPasswordButton");
        register.setOnAction(e -> vm.registerPassword());
        Controls.showWhen(register, vm.passwordRegistrationOfferedProperty());
        Button mail = Controls.button(l10n.text("attract.registerEmail"), null, "type-card-button");
        mail.setId("registerEmailButton");
        mail.setOnAction(e -> vm.registerEmail());
        // Three buttons wrap onto a second row when they do not fit (English, large text, portrait).
        javafx.scene.layout.FlowPane cardActions = new javafx.scene.layout.FlowPane(typeCard, register, mail);
        cardActions.getStyleClass().add("choice-row");
        cardActions.setAlignment(Pos.CENTER);
        cardActions.setPrefWrapLength(1200);
        VBox panel = new VBox(Icons.icon(Glyph.CARD, "icon-hero"), prompt, detail, cardActions);
        panel.getStyleClass().add("scan-panel");
        panel.setAlignment(Pos.CENTER);
        panel.setMaxWidth(Double.MAX_VALUE);
        panel.setMaxHeight(Double.MAX_VALUE);
        return panel;
    }

    private Node statusLine() {
        var state = vm.connectionStateProperty();
        Region checking = Icons.icon(Glyph.CHECKING);
        Region online = Icons.icon(Glyph.ONLINE);
        Region offline = Icons.icon(Glyph.OFFLINE);
        Controls.showWhen(checking, state.isEqualTo(ConnectionState.CHECKING));
        Controls.showWhen(online, state.isEqualTo(ConnectionState.ONLINE));
        Controls.showWhen(offline, state.isEqualTo(ConnectionState.OFFLINE));
        Label text = Controls.label(vm.status(), "status-text");
        text.setId("statusLine");
        HBox line = new HBox(checking, online, offline, text);
        line.getStyleClass().add("status-line");
        line.setId("statusBox");
        line.setAlignment(Pos.CENTER);
        line.setMaxWidth(Region.USE_PREF_SIZE);
        Runnable mark = () -> {
            for (ConnectionState s : ConnectionState.values()) {
                line.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)),
                        s == state.get());
            }
        };
        state.addListener((obs, old, s) -> mark.run());
        mark.run();
        return line;
    }
}

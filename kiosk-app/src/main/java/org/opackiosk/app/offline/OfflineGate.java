package org.opackiosk.app.offline;

import java.util.Objects;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.connectivity.ConnectionState;

/**
 * A screen that needs the library's system (My page, password, e-mail) while the kiosk is offline: instead of
 * its content — stale, or a form that cannot be sent — the patron sees why it is not available, what to do
 * ({@link OfflineFeature}'s message and hint), and a way to what still works, the catalogue. The content comes
 * back by itself when the connection does; nothing typed in it is lost meanwhile.
 */
public final class OfflineGate {

    private OfflineGate() {
    }

    /**
     * @param content  the screen's own node
     * @param toSearch opens the search screen (search works offline)
     */
    public static Node wrap(Node content, OfflineFeature feature, ObservableValue<ConnectionState> connection,
                            Localization l10n, Runnable toSearch) {
        Objects.requireNonNull(feature, "feature");
        return wrap(content, new javafx.beans.property.SimpleObjectProperty<>(feature), connection, l10n, toSearch);
    }

    /**
     * As {@link #wrap(Node, OfflineFeature, ObservableValue, Localization, Runnable)}, for a screen whose refused feature
     * depends on what the patron was doing (My page with a renewal being confirmed: the renewal is what is refused).
     */
    public static Node wrap(Node content, ObservableValue<OfflineFeature> feature, ObservableValue<ConnectionState> connection,
                            Localization l10n, Runnable toSearch) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(l10n, "l10n");
        Objects.requireNonNull(toSearch, "toSearch");
        BooleanBinding offline = Bindings.createBooleanBinding(() -> connection.getValue() == ConnectionState.OFFLINE, connection);

        Node icon = Icons.icon(Icons.Glyph.OFFLINE);
        icon.getStyleClass().add("icon-hero");
        Label message = Controls.label(Bindings.createStringBinding(() -> feature.getValue().message(l10n).get(), feature,
                l10n.localeProperty()), "heading", "offline-gate-message");
        message.setId("offlineGateMessage");
        message.setWrapText(true);
        Label hint = Controls.label(Bindings.createStringBinding(() -> feature.getValue().hint(l10n).get(), feature,
                l10n.localeProperty()), "patron-message");
        hint.setId("offlineGateHint");
        hint.setWrapText(true);
        Button search = Controls.button(l10n.text("offline.gate.search"), Icons.Glyph.SEARCH, "main-action");
        search.setId("offlineGateSearch");
        search.setOnAction(e -> toSearch.run());

        VBox refusal = new VBox(icon, message, hint, search);
        refusal.setId("offlineGate");
        refusal.getStyleClass().addAll("patron-screen", "offline-gate");
        refusal.setAlignment(Pos.CENTER);
        refusal.visibleProperty().bind(offline);
        content.visibleProperty().bind(offline.not());

        StackPane gate = new StackPane(content, refusal);
        gate.getStyleClass().add("offline-gated");
        return gate;
    }
}

package org.opackiosk.app.login;

import java.util.Objects;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;

/** The notices after login, one sentence each, and one way on: to My page. */
public final class NoticesScreen {

    private final NoticesViewModel vm;
    private final Localization l10n;
    private final VBox root = new VBox();
    private final VBox list = new VBox();

    public NoticesScreen(NoticesViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "notices");
        root.setAlignment(Pos.CENTER);
        Label title = Controls.label(l10n.text("notices.title"), "heading");
        title.setId("noticesTitle");
        list.getStyleClass().add("notice-list");
        list.setId("noticeList");
        Button next = Controls.button(l10n.text("notices.continue"), Glyph.NEXT, "primary", "main-action");
        next.setId("noticesContinueButton");
        next.setOnAction(e -> vm.continueToMyPage());
        root.getChildren().addAll(title, list, next);
        vm.notices().addListener((ListChangeListener<Object>) c -> rebuild());
        vm.refusals().addListener((ListChangeListener<Object>) c -> rebuild());
        l10n.localeProperty().addListener((obs, old, now) -> rebuild());
    }

    private void rebuild() {
        list.getChildren().clear();
        vm.notices().forEach(n -> {
            Label line = new Label(vm.text(n));
            line.setWrapText(true);
            line.getStyleClass().add("notice");
            list.getChildren().add(line);
        });
        vm.refusals().forEach(r -> {
            Label line = new Label(vm.text(r));
            line.setWrapText(true);
            line.setId("refused-" + r.id());
            line.getStyleClass().addAll("notice", "refused-request");
            list.getChildren().add(line);
        });
    }

    public Node node() {
        return root;
    }
}

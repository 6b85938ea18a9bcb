package org.opackiosk.app.devices;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;

/**
 * The print button of a screen and the sentence under it (printing…, printed, out of paper, not
 * working); shown only when the kiosk has a printer. A secondary action: never the screen's default.
 */
public final class SlipPrintControl {

    private SlipPrintControl() {
    }

    /**
     * @param labelKey the button's words ({@code print.receipt}, {@code print.callNumber})
     * @param id       the button's node id; the sentence is {@code id + "Result"}
     */
    public static Node of(SlipPrintViewModel vm, Localization l10n, String labelKey, String id, double maxTextWidth) {
        Button button = Controls.button(l10n.text(labelKey), Glyph.PRINTER, "print-slip");
        button.setId(id);
        button.setOnAction(e -> vm.print());
        button.disableProperty().bind(vm.busyProperty());
        Label result = Controls.label(Bindings.createStringBinding(
                () -> vm.busyProperty().get() ? l10n.get("print.printing")
                        : vm.outcomeProperty().get() == null ? "" : l10n.get(vm.outcomeProperty().get().messageKey()),
                vm.busyProperty(), vm.outcomeProperty(), l10n.localeProperty()), "print-result");
        result.setId(id + "Result");
        // a long sentence wraps within its column rather than widening it
        result.setMaxWidth(maxTextWidth);
        result.setPrefWidth(maxTextWidth);
        Controls.showWhen(result, result.textProperty().isNotEmpty());
        VBox box = new VBox(button, result);
        box.getStyleClass().add("print-control");
        box.setAlignment(Pos.CENTER);
        Controls.showWhen(box, vm.offeredProperty());
        return box;
    }
}

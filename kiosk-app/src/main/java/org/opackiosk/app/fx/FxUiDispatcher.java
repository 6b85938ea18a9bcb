package org.opackiosk.app.fx;

import javafx.application.Platform;
import org.opackiosk.core.platform.UiDispatcher;

/**
 * The kiosk's {@link UiDispatcher}: posts work to the JavaFX application thread. Tasks run in the
 * order they were posted, also when posted from the FX thread itself. Thread-safe.
 */
public final class FxUiDispatcher implements UiDispatcher {

    @Override
    public void dispatch(Runnable task) {
        Platform.runLater(task);
    }
}

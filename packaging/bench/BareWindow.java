import java.time.Duration;
import java.time.Instant;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The start-up benchmark's baseline (packaging/startup-benchmark): a bare JavaFX window, full screen as the
 * kiosk's, with one label. It logs its first pulse the way the kiosk's FirstFrame does, and with
 * --exit-after-first-frame it then exits. Started from the class path like the kiosk (not an Application).
 */
public final class BareWindow {

    public static void main(String[] args) {
        boolean exit = args.length > 0 && args[0].equals("--exit-after-first-frame");
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            Rectangle2D bounds = Screen.getPrimary().getBounds();
            Scene scene = new Scene(new StackPane(new Label("bare JavaFX window")), bounds.getWidth(), bounds.getHeight());
            boolean[] done = {false};
            scene.addPostLayoutPulseListener(() -> {
                if (!done[0]) {
                    done[0] = true;
                    long ms = ProcessHandle.current().info().startInstant()
                            .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
                    System.err.println("First frame after " + ms + " ms since the process started");
                    if (exit) {
                        Platform.runLater(stage::hide);
                    }
                }
            });
            stage.setScene(scene);
            stage.setFullScreen(true);
            stage.show();
        });
    }
}

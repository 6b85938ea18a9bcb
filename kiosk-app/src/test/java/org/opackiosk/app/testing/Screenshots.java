package org.opackiosk.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import javafx.beans.InvalidationListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Writes what the patron would see to {@code target/screenshots/NAME-landscape.png} and
 * {@code NAME-portrait.png}: the stage is resized to each orientation, laid out, and its scene
 * snapshotted. Leaves the stage in landscape.
 */
public final class Screenshots {

    public record Size(String name, double width, double height) {
    }

    public static final Size LANDSCAPE = new Size("landscape", 1920, 1080);
    public static final Size PORTRAIT = new Size("portrait", 1080, 1920);

    private static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** The development window of {@code --windowed}. */
    public static final Size WINDOWED = new Size("windowed", 1280, 800);

    public static void capture(Stage stage, String name) {
        for (Size size : new Size[] {LANDSCAPE, PORTRAIT}) {
            resize(stage, size);
            write(Fx.call(() -> stage.getScene().snapshot(null)), name, size);
        }
        resize(stage, LANDSCAPE);
    }

    /**
     * As {@link #capture}, after checking in landscape and in portrait that every visible label and button is drawn
     * whole (no text cut off with "…"); fails naming the cut texts and the orientation.
     */
    public static void captureWhole(Stage stage, String name) {
        for (Size size : new Size[] {LANDSCAPE, PORTRAIT}) {
            resize(stage, size);
            java.util.List<String> cut = Fx.call(() -> SceneQueries.visibleLabeled(stage.getScene().getRoot()).stream()
                    .filter(l -> !SceneQueries.drawnText(l).equals(l.getText())).map(javafx.scene.control.Labeled::getText)
                    .toList());
            if (!cut.isEmpty()) {
                resize(stage, LANDSCAPE);
                throw new AssertionError(name + " in " + size.name() + ": cut off " + cut);
            }
        }
        capture(stage, name);
    }

    /**
     * Draws a second scene of the kiosk (e.g. {@code ui::createScene}: the same view models, so the
     * same state) at {@code size} without a window. For sizes whose pixel count differs from the stage's: Monocle's headless
     * painter cannot resize its buffers to those while the window is shown.
     */
    public static void captureOffscreen(BiFunction<Double, Double, Scene> sceneOfSize, String name, Size size) {
        write(Fx.call(() -> {
            Scene scene = sceneOfSize.apply(size.width(), size.height());
            // The first pass lets width-dependent layouts re-arrange; a window would take another pulse for that.
            scene.snapshot(null);
            return scene.snapshot(null);
        }), name, size);
    }

    /** A window that is not the kiosk (e.g. the device panel) at the size it is shown: {@code name.png}. */
    public static void captureAsShown(Stage stage, String name) {
        write(Fx.call(() -> stage.getScene().snapshot(null)), name + ".png");
    }

    /** A picture made elsewhere (e.g. a printed slip) kept beside the screenshots as {@code fileName}. */
    public static void keep(Path picture, String fileName) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.copy(picture, DIRECTORY.resolve(fileName), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(WritableImage image, String name, Size size) {
        write(image, name + "-" + size.name() + ".png");
    }

    private static void write(WritableImage image, String fileName) {
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(fileName);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long the window system may take to tell the scene its new size (a busy machine takes its time). */
    private static final long RESIZE_TIMEOUT_SECONDS = 30;

    public static void resize(Stage stage, Size size) {
        // The scene learns its new size from the window system's resize event, which may come after setWidth and
        // setHeight return: wait for that event (not for a time), then lay out.
        CountDownLatch sized = new CountDownLatch(1);
        InvalidationListener check = o -> {
            if (stage.getScene().getWidth() == size.width() && stage.getScene().getHeight() == size.height()) {
                sized.countDown();
            }
        };
        Fx.run(() -> {
            stage.getScene().widthProperty().addListener(check);
            stage.getScene().heightProperty().addListener(check);
            // Kept inside the headless screen (1920×1920): Monocle cannot paint a window that sticks out.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(size.width());
            stage.setHeight(size.height());
            check.invalidated(null);
        });
        try {
            if (!sized.await(RESIZE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the scene is " + stage.getScene().getWidth() + "×"
                        + stage.getScene().getHeight() + ", not " + size.width() + "×" + size.height());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Fx.run(() -> {
                stage.getScene().widthProperty().removeListener(check);
                stage.getScene().heightProperty().removeListener(check);
            });
        }
        // A second pulse: layouts that re-arrange on a width change (portrait / landscape) settle in the next one.
        Fx.run(() -> stage.getScene().getRoot().layout());
    }
}

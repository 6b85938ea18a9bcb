package org.opackiosk.app;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.opackiosk.app.attract.AttractScreen;
import org.opackiosk.app.attract.AttractViewModel;
import org.opackiosk.app.browse.BrowseScreen;
import org.opackiosk.app.browse.BrowseViewModel;
import org.opackiosk.app.frame.FrameScreen;
import org.opackiosk.app.frame.FrameViewModel;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.fx.FontCheck;
import org.opackiosk.app.fx.Theme;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.idle.IdleScreen;
import org.opackiosk.app.idle.IdleViewModel;
import org.opackiosk.app.search.NoCatalogue;
import org.opackiosk.app.search.RecordScreen;
import org.opackiosk.app.search.RecordViewModel;
import org.opackiosk.app.search.ResultsScreen;
import org.opackiosk.app.search.SearchScreen;
import org.opackiosk.app.search.SearchViewModel;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;

/**
 * The kiosk's screens, built from their dependencies: the one object the composition root needs
 * to put the UI on a stage. Holds the session's view models; the views are built per scene.
 *
 * <p>Construct after the JavaFX toolkit has started (it subscribes to the connectivity monitor,
 * whose first answer the dispatcher posts to the FX thread at once), on any thread; everything
 * else on the JavaFX application thread. Background work (network calls, timers) runs on the {@link Scheduler} and
 * comes back through the {@link UiDispatcher}.
 */
public final class KioskUi implements AutoCloseable {

    /** The window size without full screen (development): what {@code --windowed} promises. */
    static final double WINDOWED_WIDTH = 1280;
    static final double WINDOWED_HEIGHT = 800;
    /** The landscape kiosk screen the layout is designed for. */
    static final double DESIGN_WIDTH = 1920;
    static final double DESIGN_HEIGHT = 1080;

    private static final String STYLESHEET = "/org/opackiosk/app/kiosk.css";

    private final KioskConfig config;
    private final Localization l10n;
    private final FrameViewModel frame;
    private final AttractViewModel attract;
    private final BrowseViewModel browse;
    private final IdleViewModel idle;
    // the catalogue: search screen, result list and record page over the local index
    private final SearchViewModel search;
    private final RecordViewModel record;

    public KioskUi(KioskConfig config, CirculationService circulation, ConnectivityMonitor connectivity,
                   Clock clock, Scheduler scheduler, UiDispatcher dispatcher) {
        this(config, circulation, connectivity, clock, scheduler, dispatcher, NoCatalogue.INSTANCE);
    }

    /** The kiosk with its local catalogue index, which the search screens search (offline too). */
    public KioskUi(KioskConfig config, CirculationService circulation, ConnectivityMonitor connectivity,
                   Clock clock, Scheduler scheduler, UiDispatcher dispatcher, CatalogueIndex catalogue) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(circulation, "circulation");
        Objects.requireNonNull(connectivity, "connectivity");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(dispatcher, "dispatcher");

        l10n = new Localization(config.ui().defaultLanguage());
        frame = new FrameViewModel(config.library(), config.ui(), l10n, circulation, connectivity, scheduler, dispatcher);
        attract = new AttractViewModel(l10n, clock, scheduler, dispatcher, frame, frame.libraryName(),
                frame.branchNameProperty(), frame.connectionStateProperty());
        browse = new BrowseViewModel(circulation, scheduler, dispatcher);
        idle = new IdleViewModel(config.ui(), scheduler, dispatcher, frame.sessionInProgress(), this::endSession);
        record = new RecordViewModel(catalogue, circulation, frame.connectionStateProperty(), config.search(), scheduler, dispatcher);
        search = new SearchViewModel(catalogue, circulation, frame.connectionStateProperty(), scheduler, dispatcher, frame, record);

        frame.currentScreenProperty().addListener((obs, old, screen) -> {
            if (screen == ScreenId.BROWSE) {
                browse.open();
            }
        });
    }

    /**
     * Builds the kiosk's scene (FX thread). Starts the clock on the attract screen. Every touch,
     * mouse press, scroll or key press in the scene counts as activity for the idle timer.
     */
    public Scene createScene(double width, double height) {
        return withActivityFilters(new Scene(createRoot(), width, height));
    }

    /**
     * A scene for development that shows the kiosk exactly as on a 1920 × 1080 kiosk screen,
     * scaled down (or up) to fit a window of any size, with the rest of the window left blank.
     * Without it a laptop window would get a squeezed layout no kiosk ever shows.
     */
    public Scene createPreviewScene(double width, double height) {
        Region kiosk = createRoot();
        kiosk.setMinSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        kiosk.setPrefSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        kiosk.setMaxSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        Pane window = new Pane(kiosk);
        window.getStyleClass().add("preview-window");
        Scale scale = new Scale(1, 1, 0, 0);
        scale.xProperty().bind(Bindings.min(window.widthProperty().divide(DESIGN_WIDTH),
                window.heightProperty().divide(DESIGN_HEIGHT)));
        scale.yProperty().bind(scale.xProperty());
        kiosk.getTransforms().add(scale);
        kiosk.layoutXProperty().bind(window.widthProperty().subtract(scale.xProperty().multiply(DESIGN_WIDTH)).divide(2));
        kiosk.layoutYProperty().bind(window.heightProperty().subtract(scale.yProperty().multiply(DESIGN_HEIGHT)).divide(2));
        return withActivityFilters(new Scene(window, width, height));
    }

    private Region createRoot() {
        Map<ScreenId, Node> screens = new EnumMap<>(ScreenId.class);
        screens.put(ScreenId.ATTRACT, new AttractScreen(attract, l10n).node());
        screens.put(ScreenId.BROWSE, new BrowseScreen(browse, l10n).node());
        screens.put(ScreenId.SEARCH, new SearchScreen(search, l10n).node());
        screens.put(ScreenId.RESULTS, new ResultsScreen(search, l10n).node());
        screens.put(ScreenId.RECORD, new RecordScreen(record, l10n).node());
        IdleScreen countdown = new IdleScreen(idle, l10n);
        FrameScreen frameScreen = new FrameScreen(frame, l10n, screens, countdown.node());

        Region root = frameScreen.root();
        Theme theme = Theme.of(config.library().accentColor(), new FontCheck().check());
        root.setStyle(theme.rootStyle());
        // The stylesheet's .root rules belong to the kiosk, also when it is not the scene's root (preview).
        if (!root.getStyleClass().contains("root")) {
            root.getStyleClass().add(0, "root");
        }
        attract.start();
        return root;
    }

    private Scene withActivityFilters(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(KioskUi.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        EventHandler<Event> activity = e -> idle.userActivity();
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, activity);
        scene.addEventFilter(ScrollEvent.SCROLL_STARTED, activity);
        scene.addEventFilter(ScrollEvent.SCROLL, activity);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, activity);
        return scene;
    }

    /**
     * Puts the kiosk on {@code stage} and shows it (FX thread). Full screen covers the primary
     * screen, cannot be left with Esc and shows no "press Esc to exit" hint. Otherwise a 1280 × 800
     * window with the {@linkplain #createPreviewScene preview} of a 1920 × 1080 kiosk (development).
     */
    public void show(Stage stage, boolean fullScreen) {
        Objects.requireNonNull(stage, "stage");
        if (fullScreen) {
            Rectangle2D bounds = Screen.getPrimary().getBounds();
            stage.setScene(createScene(bounds.getWidth(), bounds.getHeight()));
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        } else {
            stage.setScene(createPreviewScene(WINDOWED_WIDTH, WINDOWED_HEIGHT));
        }
        stage.titleProperty().bind(frame.libraryName());
        stage.show();
    }

    /** A scan or another sign of a patron that is not a touch or key in the scene (scanner events, later). */
    public void userActivity() {
        idle.userActivity();
    }

    /** Ends the session as the idle timeout does: attract screen, default language and text size, nothing of the patron left. */
    public void endSession() {
        browse.clear();
        search.reset();
        frame.resetSession();
    }

    /** The record page (the holds feature sets its 予約する action here). */
    public RecordViewModel recordPage() {
        return record;
    }

    /**
     * A barcode read while the search screen or the result list is shown: a book's ISBN is searched.
     * Returns whether it was taken as one.
     */
    public boolean isbnScanned(String code) {
        ScreenId screen = frame.currentScreenProperty().get();
        return (screen == ScreenId.SEARCH || screen == ScreenId.RESULTS) && search.scanned(code);
    }

    /** Stops the UI's timers (FX thread). */
    @Override
    public void close() {
        attract.stop();
        idle.stop();
    }
}

package org.opackiosk.app.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.app.KioskUi;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.LibrarySettings;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.outbox.Backoff;
import org.opackiosk.core.outbox.DurableCirculationService;
import org.opackiosk.core.outbox.InMemoryOutbox;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.platform.UiDispatcher;

/**
 * The whole kiosk UI on fakes: an in-memory circulation server, manual time (a {@link QueuedScheduler}
 * and a {@link MutableClock} moved together) and a dispatcher that runs at once. Time is moved and
 * the connection changed on the FX thread, as the real dispatcher would deliver them.
 */
public final class KioskFixture {

    /** Monday 23 November 2026, 14:05 in Tokyo. */
    public static final Instant START = Instant.parse("2026-11-23T05:05:00Z");
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final UiDispatcher IMMEDIATE = Runnable::run;

    public final FakeCirculationService circulation = FakeCirculationService.withSampleCatalogue();
    /** Worker tasks run at once unless a test holds them ({@link QueuedScheduler#setHoldWork}). */
    public final QueuedScheduler scheduler = new QueuedScheduler(false);
    public final MutableClock clock = new MutableClock(START, TOKYO);
    private final AtomicBoolean serverAnswers = new AtomicBoolean(true);
    public final ConnectivityMonitor connectivity =
            new ConnectivityMonitor(serverAnswers::get, scheduler, Duration.ofSeconds(30));
    /** Every hold, cancel, change and renewal is written here first and sent by {@link #replay}, as in the kiosk. */
    public final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    public final ReplayService replay;
    public final UiSettings settings;
    public final KioskUi ui;
    private Stage stage;

    public KioskFixture() {
        this(UiSettings.DEFAULTS);
    }

    public KioskFixture(UiSettings settings) {
        this(settings, java.util.function.UnaryOperator.identity());
    }

    /** The kiosk with the demo configuration as {@code adjust} changes it (e.g. {@code c -> c.withStaff(...)}). */
    public KioskFixture(UiSettings settings, java.util.function.UnaryOperator<KioskConfig> adjust) {
        this(settings, adjust, IMMEDIATE);
    }

    /**
     * With {@code dispatcher} instead of running answers at once: e.g. {@code Platform::runLater} when worker tasks run
     * on a real thread ({@link QueuedScheduler#runWorkOn}), as the kiosk's own dispatcher does.
     */
    public KioskFixture(UiSettings settings, java.util.function.UnaryOperator<KioskConfig> adjust, UiDispatcher dispatcher) {
        this(settings, adjust, dispatcher, org.opackiosk.app.search.NoCatalogue.INSTANCE);
    }

    /** The kiosk whose search screens search {@code catalogue} (e.g. a real Lucene index in a temporary folder). */
    public KioskFixture(UiSettings settings, java.util.function.UnaryOperator<KioskConfig> adjust,
                        org.opackiosk.core.catalogue.CatalogueIndex catalogue) {
        this(settings, adjust, IMMEDIATE, catalogue);
    }

    private KioskFixture(UiSettings settings, java.util.function.UnaryOperator<KioskConfig> adjust, UiDispatcher dispatcher,
                         org.opackiosk.core.catalogue.CatalogueIndex catalogue) {
        this.settings = settings;
        KioskConfig demo = KioskConfig.demo(Path.of("target", "kiosk-state"));
        KioskConfig config = new KioskConfig(demo.source(), demo.library(), demo.server(), settings, demo.stateDirectory(),
                demo.cards(), demo.search(), demo.offline(), demo.devices());
        // the composition root's wiring: the port the screens get saves every mutation first (ADR 0044)
        replay = new ReplayService(outbox, circulation.service(), connectivity, clock, scheduler, Backoff.standard(),
                ReplayService.DEFAULT_RETENTION);
        replay.start();
        ui = new KioskUi(adjust.apply(config), new DurableCirculationService(circulation.service(), outbox, replay), connectivity, clock,
                scheduler, dispatcher, catalogue);
        ui.attachOutbox(outbox, replay);
    }

    /** Shows the kiosk on {@code stage} in landscape (call on the FX thread, e.g. from {@code @Start}). */
    public Scene show(Stage stage) {
        this.stage = stage;
        return show(ui, stage);
    }

    /** Shows {@code ui}, however it was wired, on {@code stage} in landscape at the screen's top left (on the FX thread). */
    public static Scene show(KioskUi ui, Stage stage) {
        Scene scene = ui.createScene(Screenshots.LANDSCAPE.width(), Screenshots.LANDSCAPE.height());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    /** Every text the patron sees on the kiosk now (read on the FX thread). */
    public java.util.List<String> visibleTexts() {
        return Fx.call(() -> SceneQueries.visibleTexts(stage.getScene().getRoot()));
    }

    /** Moves the clock and the scheduler forward together, running what falls due on the FX thread. */
    public void advance(Duration by) {
        Fx.run(() -> {
            clock.advance(by);
            scheduler.advance(by);
        });
    }

    public void serverOnline() {
        probe(true);
    }

    public void serverOffline() {
        probe(false);
    }

    /** Runs the held worker tasks (the network calls) on the FX thread, as if their answers arrived. */
    public void completeWork() {
        Fx.run(scheduler::runQueuedWork);
    }

    private void probe(boolean answers) {
        serverAnswers.set(answers);
        circulation.setReachable(answers);
        Fx.run(connectivity::probeNow);
    }
}

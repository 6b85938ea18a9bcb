package org.opackiosk.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.opackiosk.app.devices.DevicePanel;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.devices.SimulatorControls;
import org.opackiosk.app.fx.FirstFrame;
import org.opackiosk.app.fx.FxUiDispatcher;
import org.opackiosk.app.watchdog.FxWatchdog;
import org.opackiosk.app.watchdog.SystemdNotifyCommand;
import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.ObservedCirculationService;
import org.opackiosk.core.connectivity.RequestFailures;
import org.opackiosk.core.connectivity.RequestsInFlight;
import org.opackiosk.core.outbox.Backoff;
import org.opackiosk.core.outbox.DurableCirculationService;
import org.opackiosk.core.outbox.InMemoryOutbox;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.platform.ExecutorScheduler;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.opackiosk.app.search.NoCatalogue;
import org.opackiosk.circulation.koha.KohaCatalogueFeed;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.catalogue.CatalogueSync;
import org.opackiosk.store.catalogue.LuceneCatalogue;
import org.opackiosk.device.DeviceSet;
import org.opackiosk.store.outbox.H2Outbox;
import org.opackiosk.store.staff.H2StaffAudit;
import org.opackiosk.app.system.LogindSystemActions;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.opackiosk.core.staff.StaffAudit;
import org.opackiosk.app.staff.CatalogueMaintenance;
import org.opackiosk.app.staff.LogRing;
import org.opackiosk.app.staff.StaffDashboardPorts;
import org.opackiosk.app.staff.SystemHostFacts;
import org.opackiosk.circulation.koha.KohaServerHealth;
import org.opackiosk.core.staff.SystemActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds every adapter from the configuration and wires
 * them to the screens. Nothing else in the kiosk names a concrete adapter (ArchUnit checks it).
 */
public final class KioskMain {

    private static final Logger LOG = LoggerFactory.getLogger(KioskMain.class);

    /** How often the kiosk checks that the circulation server answers. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(10);

    private KioskMain() {
    }

    /**
     * Builds the kiosk and shows its window; returns at once (the FX thread keeps the JVM alive).
     *
     * @throws KioskStartException when the kiosk cannot start, with a message for the technician
     */
    public static void start(KioskConfig config, boolean windowed) {
        start(config, windowed, false);
    }

    /**
     * As {@link #start(KioskConfig, boolean)}; with {@code exitAfterFirstFrame} the kiosk exits once its first frame is
     * drawn (start-up measurements and the class-data training of packaging/build-deb).
     */
    public static void start(KioskConfig config, boolean windowed, boolean exitAfterFirstFrame) {
        List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
        // the staff dashboard's log section: the last lines, from the start (issue 8)
        LogRing logRing = LogRing.installOnRootLogger();
        Clock clock = Clock.systemDefaultZone();
        ExecutorScheduler scheduler = new ExecutorScheduler(4);
        resources.add(scheduler);

        ServerSettings server = config.server().orElseGet(() -> startDemoServer(config, resources));
        KohaCirculationService circulation = new KohaCirculationService(server, clock);
        resources.add(circulation);
        List<CatalogueMaintenance> maintenance = new ArrayList<>(1);
        CatalogueIndex catalogue = openCatalogue(config, server, clock, scheduler, resources, maintenance::add);
        LOG.info("Circulation server {} ({})", server.url(), config.demoMode() ? "embedded demo server" : "configured");

        ConnectivityMonitor connectivity = new ConnectivityMonitor(circulation::reachable, scheduler, PROBE_INTERVAL);
        resources.add(connectivity);

        // real or simulated, chosen once here from [devices] (ADR 0023); a missing device never stops the kiosk
        DeviceSet devices = DeviceSet.open(config.devices(), scheduler, clock, config.stateDirectory().resolve("slips"));
        resources.add(devices);
        // every real request's outcome is evidence for the monitor too, not only the probe (ADR 0040)
        // and every request waiting for the server turns the status light amber after a moment (ADR 0024)
        RequestsInFlight requestsInFlight = new RequestsInFlight(scheduler);
        // and the last request that failed is what staff read as the server's "last error" (issue 8)
        RequestFailures requestFailures = new RequestFailures(clock);
        CirculationService observed = new ObservedCirculationService(circulation, connectivity, requestsInFlight, requestFailures);

        // every mutation is saved here before anyone is told "saved", and replayed when online (ADR 0041, 0042)
        Outbox outbox = openOutbox(config, clock);
        resources.add(outbox);
        ReplayService replay = new ReplayService(outbox, observed, connectivity, clock, scheduler, Backoff.standard(),
                config.offline().doneRetention());
        resources.add(replay);
        replay.start();
        // the screens' holds, cancels, changes and renewals are written to the outbox first, then sent (ADR 0044)
        CirculationService durable = new DurableCirculationService(observed, outbox, replay);
        // staff mode: every action in the kiosk's database; restart, reboot, shutdown through logind or simulated (ADR 0072, 0073)
        StaffAudit staffAudit = openStaffAudit(config, clock, resources);
        SystemActions systemActions = config.demoMode() ? SystemActions.simulation()
                : new LogindSystemActions(LogindSystemActions.SYSTEMCTL, code -> Platform.runLater(() -> {
                    closeAll(resources);
                    Platform.exit();
                    System.exit(code);
                }));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(resources), "kiosk-shutdown"));
        Platform.setImplicitExit(true);
        try {
            Platform.startup(() -> {
                KioskUi ui = new KioskUi(config, durable, connectivity, clock, scheduler, new FxUiDispatcher(), catalogue);
                resources.add(ui);
                // offline holds by card, refusals told at the next login, queued requests on My page (ADR 0043, 0045)
                ui.attachOutbox(outbox, replay);
                ui.attachStaff(staffAudit, systemActions);
                // the dashboard (issue 8): what staff see and do, recorded in the same audit
                ui.attachStaffDashboard(new StaffDashboardPorts(config, staffAudit,
                        new KohaServerHealth(server, circulation, clock), observed, maintenance.stream().findFirst(), outbox,
                        replay::requestReplay, systemActions, new SystemHostFacts(config.stateDirectory()), logRing,
                        requestFailures::last));
                // what staff changed on the dashboard survives a restart, applied over kiosk.toml (ADR 0075)
                ui.attachSettingsOverrides(config.stateDirectory());
                ui.attachDevices(new KioskDevices(devices.scanner(), devices.indicator(), devices.printer(), devices.staffKey()),
                        connectivity);
                ui.attachRequestsInFlight(requestsInFlight);
                Stage stage = new Stage();
                // the demo server's and HTTP client's threads would keep the JVM alive after the window closes
                stage.setOnHidden(e -> {
                    closeAll(resources);
                    Platform.exit();
                });
                ui.show(stage, !windowed);
                // "First frame after N ms" in the log: the start-up benchmark's measure (docs/benchmarks.md)
                FirstFrame.report(stage.getScene(), () -> {
                    if (exitAfterFirstFrame) {
                        // not inside the pulse: hiding a full-screen stage there fails in glass
                        Platform.runLater(stage::hide);
                    }
                });
                devices.simulation().ifPresent(simulation -> {
                    SimulatorControls controls = simulatorControls(simulation);
                    DevicePanel.installShortcuts(stage.getScene(), controls);
                    if (windowed) {
                        new DevicePanel(controls).show(stage);
                    }
                });
                connectivity.start();
                // under systemd (WatchdogSec): tell it the FX thread is alive; a hung UI gets restarted
                FxWatchdog.fromEnvironment(System.getenv(), new SystemdNotifyCommand(SystemdNotifyCommand.DEFAULT_EXECUTABLE),
                        scheduler, new FxUiDispatcher()).ifPresent(watchdog -> {
                            resources.add(watchdog);
                            watchdog.start();
                        });
            });
        } catch (RuntimeException e) {
            // JavaFX could not open a display: no X11/Wayland session, or GTK 3 is not installed
            closeAll(resources);
            throw new KioskStartException("JavaFX could not open the screen (" + e.getMessage() + "). The kiosk needs a"
                    + " graphical session (DISPLAY or WAYLAND_DISPLAY; under systemd: cage) and the GTK 3 library"
                    + " (Debian / Raspberry Pi OS: apt-get install libgtk-3-0).", e);
        }
    }

    /**
     * The outbox in {@code STATE/outbox}. A corrupt file has already been moved aside by {@link H2Outbox#open}; a
     * directory that cannot be used at all leaves the kiosk running on a queue in memory, and staff are told.
     */
    private static Outbox openOutbox(KioskConfig config, Clock clock) {
        java.nio.file.Path dir = config.stateDirectory().resolve("outbox");
        try {
            H2Outbox outbox = H2Outbox.open(dir, clock);
            outbox.staffWarning().ifPresent(w -> LOG.error("Staff attention: {}", w));
            LOG.info("Outbox in {}: {} operations waiting", dir, outbox.countOpen());
            return outbox;
        } catch (Outbox.OutboxException e) {
            LOG.error("The outbox in {} cannot be used; operations are kept in memory only until it is fixed", dir, e);
            return new InMemoryOutbox(clock, "The outbox database in " + dir + " cannot be used (" + e.getMessage()
                    + "); queued operations are lost if the kiosk stops.");
        }
    }

    /**
     * The staff audit in {@code STATE/staff}. A corrupt file has been moved aside by {@link H2StaffAudit#open}; a
     * directory that cannot be used at all leaves staff actions recorded in memory and the log only, and says so.
     */
    private static StaffAudit openStaffAudit(KioskConfig config, Clock clock, List<AutoCloseable> resources) {
        java.nio.file.Path dir = config.stateDirectory().resolve("staff");
        try {
            H2StaffAudit audit = H2StaffAudit.open(dir, clock);
            resources.add(audit);
            audit.staffWarning().ifPresent(w -> LOG.error("Staff attention: {}", w));
            return audit;
        } catch (H2StaffAudit.AuditException e) {
            LOG.error("Staff attention: the staff audit database in {} cannot be used; staff actions are recorded in"
                    + " memory and in this log only until it is fixed", dir, e);
            return new InMemoryStaffAudit();
        }
    }

    private static ServerSettings startDemoServer(KioskConfig config, List<AutoCloseable> resources) {
        try {
            DemoServer demo = DemoServer.start(DemoServerOptions.defaults(config.stateDirectory().resolve("demo-server")));
            resources.add(demo);
            LOG.info("Demo mode: embedded demo server at {} with data in {}", demo.baseUrl(), demo.dataDir());
            // the same client and pinned TLS a real server gets: the demo server's own key is the pin
            return new ServerSettings(demo.baseUrl(), List.of(demo.pin()), Optional.empty(),
                    ServerSettings.AuthMethod.OAUTH2, demo.clientId(), new Secret(demo.clientSecret()),
                    ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw new KioskStartException("The embedded demo server could not start in "
                    + config.stateDirectory().resolve("demo-server") + ": " + e.getMessage(), e);
        }
    }

    // The device panel drives device-drivers' simulated devices through an interface of the app's own.
    private static SimulatorControls simulatorControls(DeviceSet.Simulation sim) {
        return new SimulatorControls() {
            @Override
            public void scan(org.opackiosk.core.device.Symbology symbology, String text) {
                sim.scanner().scan(symbology, text);
            }

            @Override
            public void setScannerConnected(boolean connected) {
                sim.scanner().setConnected(connected);
            }

            @Override
            public void setPrinterStatus(org.opackiosk.core.device.PrinterStatus status) {
                sim.printer().setStatus(status);
            }

            @Override
            public void turnStaffKey(boolean on) {
                sim.staffKey().turn(on);
            }

            @Override
            public void onLight(java.util.function.Consumer<org.opackiosk.core.device.LightState> listener) {
                sim.indicator().onLight(listener);
            }

            @Override
            public void onBeep(java.util.function.Consumer<org.opackiosk.core.device.Beep> listener) {
                sim.indicator().onBeep(listener);
            }

            @Override
            public void onSlipPrinted(java.util.function.Consumer<java.nio.file.Path> listener) {
                sim.printer().onPrinted(listener);
            }
        };
    }

    /**
     * The local catalogue in {@code STATE/catalogue}, synced from the circulation server now and every
     * {@code search.sync_interval_minutes} on a worker thread; searching it needs no network (ADR 0030). An index that
     * cannot be opened at all leaves the kiosk running without search, and says so in the log.
     */
    private static CatalogueIndex openCatalogue(KioskConfig config, ServerSettings server, Clock clock,
                                                ExecutorScheduler scheduler, List<AutoCloseable> resources,
                                                java.util.function.Consumer<CatalogueMaintenance> forStaff) {
        java.nio.file.Path dir = config.stateDirectory().resolve("catalogue");
        try {
            LuceneCatalogue catalogue = LuceneCatalogue.open(dir);
            resources.add(catalogue);
            KohaCatalogueFeed feed = new KohaCatalogueFeed(server, clock, KohaCatalogueFeed.Format.MARCXML);
            resources.add(feed);
            CatalogueSync sync = new CatalogueSync(feed, catalogue, Clock.systemUTC());
            sync.addListener(progress -> LOG.debug("Catalogue sync: {} {} of {}", progress.state(), progress.written(),
                    progress.expected()));
            forStaff.accept(CatalogueMaintenance.of(catalogue, catalogue, sync));
            var periodic = sync.scheduleEvery(scheduler, config.search().syncInterval());
            resources.add(periodic::cancel);
            LOG.info("Catalogue index in {}: {} records, synced every {}", dir, catalogue.stats().records(),
                    config.search().syncInterval());
            return catalogue;
        } catch (RuntimeException e) {
            LOG.error("The catalogue index in {} cannot be used; the kiosk runs without search", dir, e);
            return NoCatalogue.INSTANCE;
        }
    }

    /** The kiosk could not start; the message says why in words a technician can act on. */
    public static final class KioskStartException extends RuntimeException {
        KioskStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Closes in reverse order of creation; safe to call twice (window closed, then shutdown hook). */
    private static void closeAll(List<AutoCloseable> resources) {
        List<AutoCloseable> toClose = List.copyOf(resources).reversed();
        resources.clear();
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}

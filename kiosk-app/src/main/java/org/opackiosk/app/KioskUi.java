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
import org.opackiosk.app.frame.FrameScreen;
import org.opackiosk.app.frame.FrameViewModel;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.fx.FontCheck;
import org.opackiosk.app.fx.Theme;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.idle.IdleScreen;
import org.opackiosk.app.idle.IdleViewModel;
import org.opackiosk.app.search.NoCatalogue;
import org.opackiosk.app.search.CallNumberSlip;
import org.opackiosk.app.search.RecordScreen;
import org.opackiosk.app.search.RecordViewModel;
import org.opackiosk.app.search.ResultsScreen;
import org.opackiosk.app.search.SearchScreen;
import org.opackiosk.app.search.SearchViewModel;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.app.devices.DeviceBridge;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.devices.SlipPrintControl;
import org.opackiosk.app.devices.SlipPrintViewModel;
import org.opackiosk.app.scan.ScanEvents;
import org.opackiosk.app.scan.WedgeScanFilter;
import org.opackiosk.core.cards.ScanClassifier;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.app.account.EmailScreen;
import org.opackiosk.app.account.EmailViewModel;
import org.opackiosk.app.account.PasswordScreen;
import org.opackiosk.app.account.PasswordViewModel;
import org.opackiosk.app.holds.CartAdder;
import org.opackiosk.app.holds.CartScreen;
import org.opackiosk.app.holds.CartViewModel;
import org.opackiosk.app.holds.HoldReceipt;
import org.opackiosk.app.holds.HoldScreen;
import org.opackiosk.app.holds.HoldStarter;
import org.opackiosk.app.holds.HoldViewModel;
import org.opackiosk.app.login.LoginScreen;
import org.opackiosk.app.login.LoginViewModel;
import org.opackiosk.app.login.NoticesScreen;
import org.opackiosk.app.login.NoticesViewModel;
import org.opackiosk.app.mypage.MyPageScreen;
import org.opackiosk.app.mypage.MyPageViewModel;
import org.opackiosk.core.session.CardNumberCheck;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.LoginThrottle;
import org.opackiosk.core.session.PatronSession;
import org.opackiosk.app.staff.LiveSettings;
import org.opackiosk.app.staff.StaffDashboardPorts;
import org.opackiosk.app.staff.StaffDashboardScreen;
import org.opackiosk.app.staff.StaffDashboardViewModel;
import org.opackiosk.core.staff.StaffSession;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.app.offline.OfflineHoldScreen;
import org.opackiosk.app.offline.OfflineHoldViewModel;
import org.opackiosk.app.offline.QueuedRequest;
import org.opackiosk.core.offline.OfflineHoldPolicy;
import org.opackiosk.core.offline.OfflineHolds;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.PatronRequests;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.connectivity.RequestsInFlight;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.app.staff.LongPress;
import org.opackiosk.app.staff.StaffEntryScreen;
import org.opackiosk.app.staff.StaffEntryViewModel;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.opackiosk.core.staff.StaffAudit;
import org.opackiosk.core.staff.StaffEntry;
import org.opackiosk.core.staff.StaffSession;
import org.opackiosk.core.staff.SystemActions;

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
    private final IdleViewModel idle;
    // the catalogue: search screen, result list and record page over the local index
    private final SearchViewModel search;
    private final RecordViewModel record;
    // every scanner's scans for the view models, the wedge detector, and the devices' events (ADR 0021, 0023)
    private final ScanEvents scans;
    private final DeviceBridge devices;
    private final java.util.Optional<WedgeScanFilter> wedge;
    // the patron's kiosk: who is logged in, and the screens that show their account
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final PatronSession session = new PatronSession();
    // staff maintenance mode (issue 8): the way in is built on first use, after attachStaff (ADR 0070)
    private final StaffSession staffSession = new StaffSession();
    private final javafx.beans.property.BooleanProperty staffMode = new javafx.beans.property.SimpleBooleanProperty(this, "staffMode", false);
    private StaffAudit staffAudit = new InMemoryStaffAudit();
    private SystemActions systemActions = SystemActions.simulation();
    private StaffEntryViewModel staff;
    private final LoginViewModel login;
    private final NoticesViewModel notices;
    private final MyPageViewModel myPage;
    private final HoldViewModel hold;
    private final PasswordViewModel password;
    private final EmailViewModel email;
    private final CartViewModel cart;
    // printed slips, offered only when the kiosk has a receipt printer (issue 6)
    private final SlipPrintViewModel holdSlip;
    private final SlipPrintViewModel recordSlip;
    private final SlipPrintViewModel cartSlip;
    private boolean pendingCart;
    // メール登録 from the attract screen: the e-mail screen after login.
    private boolean pendingEmail;
    // A hold asked for before login: placed after it (record id, title).
    private String[] pendingHold;
    private Scheduler.Cancellable sessionLimit;
    private long sessionGeneration;
    // offline operation (issue 7): set by attachOutbox; without it a hold offline goes to the login, which refuses
    private final Clock clock;
    private final CirculationService circulation;
    private final CatalogueIndex catalogue;
    private OfflineHoldViewModel offlineHold;
    private SlipPrintViewModel offlineSlip;
    private PatronRequests patronRequests;
    private volatile java.util.List<org.opackiosk.core.circulation.Library> knownLibraries = java.util.List.of();
    // the staff dashboard (issue 8), once the composition root attached it
    private StaffDashboardViewModel staffDashboard;

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
        // in maintenance mode the patron's countdown never starts: staff mode has its own idle exit
        idle = new IdleViewModel(config.ui(), scheduler, dispatcher, frame.sessionInProgress().and(staffMode.not()), this::endSession);
        record = new RecordViewModel(catalogue, circulation, frame.connectionStateProperty(), config.search(), scheduler, dispatcher);
        // 予約する on a record's page starts the hold flow (logging the patron in first when nobody is)
        record.setHoldAction((recordId, title) -> holdStarter().startHold(recordId, title));
        // 予約カートに入れる collects records to hold together after one login
        record.setCartAction((recordId, title) -> cartAdder().addToCart(recordId, title));
        // シリーズを順番に予約: this volume and the following ones into the cart, in order (ADR 0068)
        record.setSeriesAction(volumes -> seriesAdder().addSeries(volumes));
        search = new SearchViewModel(catalogue, circulation, frame.connectionStateProperty(), scheduler, dispatcher, frame, record);
        // 予約カートに入れる also from a row of the result list
        search.setCartAction((recordId, title) -> cartAdder().addToCart(recordId, title));
        this.scheduler = scheduler;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.circulation = circulation;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        LoginThrottle throttle = new LoginThrottle(clock);
        CardNumberCheck cardCheck = new CardNumberCheck(config.cards().definition());
        login = new LoginViewModel(circulation, throttle, cardCheck, clock, scheduler, dispatcher, l10n, this::loggedIn);
        // nobody can check a password while the library's system is unreachable (issue 7)
        login.setOffline(() -> frame.connectionStateProperty().get() == ConnectionState.OFFLINE);
        password = new PasswordViewModel(circulation, session, throttle, cardCheck, scheduler, dispatcher, l10n);
        email = new EmailViewModel(circulation, session, scheduler, dispatcher, l10n);
        cart = new CartViewModel(circulation, session, config.library().branchId(), scheduler, dispatcher, l10n);
        notices = new NoticesViewModel(l10n, this::afterLogin);
        myPage = new MyPageViewModel(circulation, session, scheduler, dispatcher, l10n);
        hold = new HoldViewModel(circulation, session, config.library().branchId(), scheduler, dispatcher, l10n);
        hold.setHoldLimit(config.library().maxHolds());
        cart.setHoldLimit(config.library().maxHolds());
        holdSlip = new SlipPrintViewModel(() -> HoldReceipt.of(hold.placedProperty().get(), config.library(),
                java.time.LocalDate.now(clock), l10n.locale()), scheduler, dispatcher);
        holdSlip.clearWhenChanged(hold.placedProperty());
        recordSlip = new SlipPrintViewModel(() -> CallNumberSlip.of(record.entryProperty().get(), record.holdings(),
                record.webOpacUrlProperty().get()), scheduler, dispatcher);
        recordSlip.clearWhenChanged(record.entryProperty());
        recordSlip.offerOnlyWhen(javafx.beans.binding.Bindings.isNotEmpty(record.holdings()));
        cartSlip = new SlipPrintViewModel(() -> HoldReceipt.ofCart(cart.receiptProperty().get(), config.library(),
                java.time.LocalDate.now(clock), l10n.locale()), scheduler, dispatcher);
        cartSlip.clearWhenChanged(cart.receiptProperty());
        cartSlip.offerOnlyWhen(cart.receiptProperty().isNotNull());
        frame.setLogoutAction(this::endSession);
        attract.setPasswordRegistration(() -> {
            password.startRegistration();
            frame.open(ScreenId.PASSWORD);
        });
        attract.setEmailRegistration(() -> {
            login.clear();
            pendingHold = null;
            pendingEmail = true;
            frame.open(ScreenId.LOGIN);
        });
        myPage.setCart(this::openCart, cart.sizeProperty());
        myPage.setOffline(() -> frame.connectionStateProperty().get() == ConnectionState.OFFLINE);
        myPage.setOnEmail(() -> {
            email.open();
            frame.open(ScreenId.EMAIL);
        });
        myPage.setOnChangePassword(() -> {
            password.startChange();
            frame.open(ScreenId.PASSWORD);
        });
        // パスワード登録 only where the server can check identity; asked once, off the FX thread
        scheduler.execute(() -> {
            boolean offered = circulation.capabilities().contains(org.opackiosk.core.circulation.Capability.IDENTITY_CHECK);
            dispatcher.dispatch(() -> attract.setPasswordRegistrationOffered(offered));
        });

        frame.currentScreenProperty().addListener((obs, old, screen) -> {
            if (old == ScreenId.STAFF && screen != ScreenId.STAFF && staffMode.get()) {
                staff().leave(); // Home or Back out of the dashboard closes maintenance mode
            }
            if (old == ScreenId.STAFF_ENTRY && staff != null) {
                staff.clear(); // no digit of the PIN stays behind the screen
            }
            if (screen == ScreenId.MY_PAGE) {
                myPage.open();
            }
            if (old == ScreenId.MY_PAGE) {
                myPage.dismissConfirmation(); // a question left open is not answered by leaving
            }
            if (old == ScreenId.EMAIL) {
                email.clear();
            }
            if (old == ScreenId.PASSWORD) {
                password.clear(); // nothing typed stays behind a screen the patron left
            }
            if (old == ScreenId.LOGIN && !session.loggedIn()) {
                pendingHold = null; // left the login without logging in: no hold afterwards
                pendingEmail = false;
                pendingCart = false;
            }
            if (old == ScreenId.OFFLINE_HOLD && offlineHold != null) {
                offlineHold.clear(); // the card, the record and the receipt go with the screen
            }
            if (old == ScreenId.LOGIN && screen != ScreenId.LOGIN) {
                login.clear(); // nothing typed stays behind a screen the patron left
            }
            if (screen == ScreenId.STAFF && staffDashboard != null) {
                staffDashboard.open();
            }
            if (old == ScreenId.STAFF && screen != ScreenId.STAFF && staffDashboard != null) {
                staffDashboard.closed();
            }
        });

        scans = new ScanEvents(new ScanClassifier(config.cards().definition()));
        devices = new DeviceBridge(dispatcher, scans, this::userActivity, frame::setScannerMissing);
        devices.onStaffKey(on -> staff().keySwitch(on));
        // a library card scanned on any screen starts the login with its number (issue 4)
        scans.subscribe(code -> {
            // the offline hold screen takes the card itself: no login offline (issue 7)
            if (code instanceof org.opackiosk.core.cards.ScannedCode.LibraryCard card
                    && frame.currentScreenProperty().get() != ScreenId.OFFLINE_HOLD) {
                cardScanned(card.number().value());
            }
        });
        // a staff card need not fit the patrons' card profile
        scans.subscribe(code -> {
            if (code instanceof org.opackiosk.core.cards.ScannedCode.Other other) {
                staff().cardScanned(other.scan().text().strip());
            }
        });
        DeviceSettings.ScannerSettings scanner = config.devices().scanner();
        wedge = scanner.type() == DeviceSettings.ScannerSettings.Type.WEDGE
                ? java.util.Optional.of(new WedgeScanFilter(scanner.wedgeMaxKeyInterval(), scanner.wedgeMinLength(),
                        scanner.prefix(), clock, scheduler, dispatcher, devices::scanned))
                : java.util.Optional.empty();
        // a book's barcode read on the search screen or the result list searches that ISBN (issue 5)
        scans.subscribe(code -> {
            if (code instanceof org.opackiosk.core.cards.ScannedCode.Isbn isbn) {
                isbnScanned(isbn.isbn13());
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
        return scaledScene(width, height, DESIGN_WIDTH, DESIGN_HEIGHT);
    }

    /**
     * The kiosk's full-screen scene for a screen of {@code width} × {@code height}. A screen whose short side
     * is at least the design's 1080 gets the layout at its own size. A smaller one (a 1280 × 800 or 1024 × 600
     * touch panel) gets the layout of a screen with the same shape and a short side of 1080, scaled down to
     * fit: the screens are laid out and tested at those sizes, and a smaller layout would overlap and cut
     * words off instead of shrinking them.
     */
    public Scene createFullScreenScene(double width, double height) {
        double shortSide = Math.min(width, height);
        if (shortSide >= DESIGN_HEIGHT) {
            return createScene(width, height);
        }
        double factor = DESIGN_HEIGHT / shortSide;
        return scaledScene(width, height, width * factor, height * factor);
    }

    // The kiosk laid out at designWidth × designHeight, scaled to fit the window and centred in it.
    private Scene scaledScene(double width, double height, double designWidth, double designHeight) {
        Region kiosk = createRoot();
        kiosk.setMinSize(designWidth, designHeight);
        kiosk.setPrefSize(designWidth, designHeight);
        kiosk.setMaxSize(designWidth, designHeight);
        Pane window = new Pane(kiosk);
        window.getStyleClass().add("preview-window");
        Scale scale = new Scale(1, 1, 0, 0);
        scale.xProperty().bind(Bindings.min(window.widthProperty().divide(designWidth),
                window.heightProperty().divide(designHeight)));
        scale.yProperty().bind(scale.xProperty());
        kiosk.getTransforms().add(scale);
        kiosk.layoutXProperty().bind(window.widthProperty().subtract(scale.xProperty().multiply(designWidth)).divide(2));
        kiosk.layoutYProperty().bind(window.heightProperty().subtract(scale.yProperty().multiply(designHeight)).divide(2));
        return withActivityFilters(new Scene(window, width, height));
    }

    private Region createRoot() {
        Map<ScreenId, Node> screens = new EnumMap<>(ScreenId.class);
        screens.put(ScreenId.ATTRACT, new AttractScreen(attract, l10n).node());
        screens.put(ScreenId.SEARCH, new SearchScreen(search, l10n).node());
        screens.put(ScreenId.RESULTS, new ResultsScreen(search, l10n).node());
        screens.put(ScreenId.RECORD, new RecordScreen(record, l10n)
                .withPrint(SlipPrintControl.of(recordSlip, l10n, "print.callNumber", "printCallNumberButton", 380)).node());
        screens.put(ScreenId.LOGIN, new LoginScreen(login, l10n).node());
        screens.put(ScreenId.NOTICES, new NoticesScreen(notices, l10n).node());
        // pages that need the library's system say so while offline, with what the patron can do instead (issue 7)
        Runnable toSearch = () -> frame.open(ScreenId.SEARCH);
        screens.put(ScreenId.MY_PAGE, org.opackiosk.app.offline.OfflineGate.wrap(new MyPageScreen(myPage, l10n).node(),
                myPage.offlineFeature(), frame.connectionStateProperty(), l10n, toSearch));
        screens.put(ScreenId.PASSWORD, org.opackiosk.app.offline.OfflineGate.wrap(new PasswordScreen(password, l10n, () -> {
            if (password.modeProperty().get() == PasswordViewModel.Mode.REGISTER) {
                frame.replace(ScreenId.LOGIN);
            } else {
                frame.goBack();
            }
        }).node(), org.opackiosk.app.offline.OfflineFeature.PASSWORD, frame.connectionStateProperty(), l10n, toSearch));
        screens.put(ScreenId.EMAIL, org.opackiosk.app.offline.OfflineGate.wrap(new EmailScreen(email, l10n, () -> {
            frame.goHome();
            frame.open(ScreenId.MY_PAGE);
            myPage.showTab(MyPageViewModel.Tab.HOLDS);
        }).node(), org.opackiosk.app.offline.OfflineFeature.EMAIL, frame.connectionStateProperty(), l10n, toSearch));
        screens.put(ScreenId.CART, new CartScreen(cart, l10n, () -> {
            frame.goHome();
            frame.open(ScreenId.MY_PAGE);
            myPage.showTab(MyPageViewModel.Tab.HOLDS);
        }).withPrint(SlipPrintControl.of(cartSlip, l10n, "print.receipt", "printCartReceiptButton", 420)).node());
        if (offlineHold != null) {
            screens.put(ScreenId.OFFLINE_HOLD, new OfflineHoldScreen(offlineHold, l10n, frame::goBack)
                    .withPrint(SlipPrintControl.of(offlineSlip, l10n, "print.receipt", "offlineHoldPrint", 600)).node());
        }
        if (staffDashboard != null) {
            screens.put(ScreenId.STAFF, new StaffDashboardScreen(staffDashboard, l10n).node());
        }
        screens.put(ScreenId.HOLD, new HoldScreen(hold, l10n, frame::goBack, () -> frame.open(ScreenId.MY_PAGE))
                .withPrint(SlipPrintControl.of(holdSlip, l10n, "print.receipt", "printReceiptButton", 900)).node());
        screens.put(ScreenId.STAFF_ENTRY, new StaffEntryScreen(staff(), l10n).node());
        // until the dashboard (issue 8) is on main: a screen that says so, with the way out
        screens.putIfAbsent(ScreenId.STAFF, StaffEntryScreen.noDashboard(l10n, this::leaveStaffMode));
        // five seconds on the library's name (the frame's, and the attract screen's own) asks for the staff PIN
        LongPress namePress = new LongPress(StaffEntryViewModel.NAME_PRESS, scheduler, dispatcher, () -> staff().namePressed());
        java.util.Optional.ofNullable(screens.get(ScreenId.ATTRACT).lookup("#attractLibraryName")).ifPresent(namePress::attachTo);
        IdleScreen countdown = new IdleScreen(idle, l10n);
        FrameScreen frameScreen = new FrameScreen(frame, l10n, screens, countdown.node());
        java.util.Optional.ofNullable(frameScreen.root().lookup("#frameLibraryName")).ifPresent(namePress::attachTo);

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
        EventHandler<Event> activity = e -> userActivity();
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, activity);
        scene.addEventFilter(ScrollEvent.SCROLL_STARTED, activity);
        scene.addEventFilter(ScrollEvent.SCROLL, activity);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, activity);
        wedge.ifPresent(w -> w.install(scene));
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
            stage.setScene(createFullScreenScene(bounds.getWidth(), bounds.getHeight()));
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
        if (staff != null) {
            staff.userActivity();
        }
    }

    /**
     * A library card was scanned (FX thread): login starts with its number filled in, whatever the
     * screen. A different patron's session still open is ended first. A staff card asks for the staff
     * PIN instead; with {@code [staff] categories}, online, the server is asked first whose card it is.
     */
    public void cardScanned(String raw) {
        idle.userActivity();
        if (staff().cardScanned(raw)) {
            return; // a staff card asks for the staff PIN; in maintenance mode no patron's login starts
        }
        if (session.current().map(p -> p.cardNumber().equals(raw)).orElse(false)) {
            return; // the patron's own card again: they are already logged in
        }
        if (staff().lookUpCategory(raw, () -> patronCardScanned(raw))) {
            return; // [staff] categories: the server says whose card it is first (ADR 0070)
        }
        patronCardScanned(raw);
    }

    // A patron's card: their login, with the number filled in.
    private void patronCardScanned(String raw) {
        if (session.loggedIn()) {
            endSession();
        }
        login.cardScanned(raw);
        frame.open(ScreenId.LOGIN);
    }

    private void loggedIn(LoggedInPatron patron) {
        session.start(patron);
        frame.setPatronCard(patron.maskedCard());
        long current = ++sessionGeneration;
        // the longest a patron session lasts, touched or not: [ui] session_maximum_minutes (issue 4)
        sessionLimit = scheduler.schedule(config.ui().sessionMaximum(), () -> dispatcher.dispatch(() -> {
            if (current == sessionGeneration && session.loggedIn()) {
                endSession();
            }
        }));
        if (patronRequests == null) {
            showNotices(patron, java.util.List.of());
            return;
        }
        // refusals of requests this kiosk took for the patron come first, with the other notices (ADR 0045)
        PatronRequests requests = patronRequests;
        scheduler.execute(() -> {
            java.util.List<QueuedRequest> refused = untoldRefusals(requests, patron);
            dispatcher.dispatch(() -> {
                if (current == sessionGeneration && session.loggedIn()) {
                    showNotices(patron, refused);
                }
            });
        });
    }

    private void showNotices(LoggedInPatron patron, java.util.List<QueuedRequest> refused) {
        if (notices.show(patron, refused)) {
            frame.replace(ScreenId.NOTICES);
        } else {
            afterLogin();
        }
    }

    private java.util.List<QueuedRequest> untoldRefusals(PatronRequests requests, LoggedInPatron patron) {
        try {
            return requests.untoldRefusals(patron.id(), patron.cardNumber()).stream()
                    .map(e -> QueuedRequest.of(e, this::titleOf)).toList();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(KioskUi.class).warn("The outbox could not be read for the login's notices", e);
            return java.util.List.of();
        }
    }

    private java.util.Optional<String> titleOf(String recordId) {
        try {
            return catalogue.record(recordId).map(org.opackiosk.core.catalogue.CatalogueEntry::title);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Connects the outbox the composition root built (before {@link #show}, on the thread that built the kiosk): 予約する offline opens
     * the offline hold screen (a scanned card, limits from {@code [offline]}, a receipt), the patron's next login
     * tells them of refused requests, and My page lists the requests this kiosk took for them (ADR 0043–0045).
     * Online mutations reach the outbox through the circulation port the kiosk was built with
     * ({@code DurableCirculationService}).
     */
    public void attachOutbox(Outbox outbox, ReplayService replay) {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(replay, "replay");
        OfflineHolds holds = new OfflineHolds(new OfflineHoldPolicy(config.offline(), outbox), outbox);
        offlineHold = new OfflineHoldViewModel(holds, scannedCards(), this::pickupLocations, l10n, clock.getZone(),
                scheduler, dispatcher);
        offlineHold.setLibraryName(() -> frame.libraryName().get());
        // the paper receipt through the kiosk's one print button (ADR 0046)
        offlineSlip = new SlipPrintViewModel(offlineHold::receiptSlip, scheduler, dispatcher);
        offlineSlip.clearWhenChanged(offlineHold.receipt());
        offlineSlip.offerOnlyWhen(offlineHold.stepProperty().isEqualTo(OfflineHoldViewModel.Step.RECEIPT));
        offlineSlip.attachPrinter(devices.devices().printer());
        patronRequests = new PatronRequests(outbox);
        notices.setZone(clock.getZone());
        notices.setOnAcknowledged(ids -> {
            PatronRequests requests = patronRequests;
            scheduler.execute(() -> requests.told(ids));
        });
        myPage.setQueuedRequests(patron -> patronRequests.requests(patron.id(), patron.cardNumber()).stream()
                .map(e -> QueuedRequest.of(e, this::titleOf)).toList(), clock.getZone());
        // a request queued offline is sent when the connection returns (the replay listens for that itself)
        rememberLibraries();
        frame.connectionStateProperty().addListener((obs, old, now) -> {
            if (now == ConnectionState.ONLINE) {
                rememberLibraries();
            }
        });
    }

    // Cards for the offline hold screen: only what the scanner read counts (a typed number is refused there).
    private org.opackiosk.app.offline.CardNumberSource scannedCards() {
        return listener -> {
            org.opackiosk.core.device.Subscription sub = scans.subscribe(code -> {
                if (code instanceof org.opackiosk.core.cards.ScannedCode.LibraryCard card) {
                    listener.accept(org.opackiosk.core.offline.CardInput.scanned(card.number().value()));
                }
            });
            return sub::cancel;
        };
    }

    // The pickup libraries as last read from the server; offline, at least this kiosk's own branch.
    private java.util.List<org.opackiosk.core.circulation.Library> pickupLocations() {
        java.util.List<org.opackiosk.core.circulation.Library> known = knownLibraries;
        if (known.stream().anyMatch(org.opackiosk.core.circulation.Library::pickupLocation)) {
            return known;
        }
        String own = frame.branchNameProperty().get();
        return java.util.List.of(new org.opackiosk.core.circulation.Library(config.library().branchId(),
                own.isEmpty() ? config.library().branchId() : own, true));
    }

    private void rememberLibraries() {
        scheduler.execute(() -> {
            if (circulation.libraries() instanceof org.opackiosk.core.circulation.CallResult.Ok<
                    java.util.List<org.opackiosk.core.circulation.Library>> ok) {
                knownLibraries = java.util.List.copyOf(ok.value());
            }
        });
    }

    // After login (and its notices): the hold the patron asked for, or My page.
    private void afterLogin() {
        if (pendingCart) {
            pendingCart = false;
            cart.review();
            frame.replace(ScreenId.CART);
        } else if (pendingEmail) {
            pendingEmail = false;
            email.open();
            frame.replace(ScreenId.EMAIL);
        } else if (pendingHold != null) {
            String[] wanted = pendingHold;
            pendingHold = null;
            hold.start(wanted[0], wanted[1]);
            frame.replace(ScreenId.HOLD);
        } else {
            frame.replace(ScreenId.MY_PAGE);
        }
    }

    /** How a record's page or a search result puts a record in the hold cart (予約カートに入れる). */
    public CartAdder cartAdder() {
        return cart::add;
    }

    /** How a record's page puts its series in the hold cart in order (順番予約) and opens the cart. */
    public org.opackiosk.app.holds.SeriesAdder seriesAdder() {
        return volumes -> {
            cart.addSeries(volumes);
            openCart();
        };
    }

    /** Opens the hold cart; logs the patron in first when nobody is. */
    public void openCart() {
        if (session.loggedIn()) {
            cart.review();
            frame.open(ScreenId.CART);
        } else {
            login.clear();
            pendingHold = null;
            pendingEmail = false;
            pendingCart = true;
            frame.open(ScreenId.LOGIN);
        }
    }

    /** How a record's page or a search result starts a hold (予約する). */
    public HoldStarter holdStarter() {
        return (recordId, title) -> {
            if (offlineHold != null && frame.connectionStateProperty().get() == ConnectionState.OFFLINE) {
                // no login offline: the physical card is the proof, the request waits in the outbox (ADR 0043)
                offlineHold.start(recordId, title);
                frame.open(ScreenId.OFFLINE_HOLD);
            } else if (session.loggedIn()) {
                hold.start(recordId, title);
                frame.open(ScreenId.HOLD);
            } else {
                login.clear();
                pendingHold = new String[] {recordId, title};
                frame.open(ScreenId.LOGIN);
            }
        };
    }

    /** Ends the session as the idle timeout does: attract screen, default language and text size, nothing of the patron left. */
    public void endSession() {
        sessionGeneration++;
        if (sessionLimit != null) {
            sessionLimit.cancel();
            sessionLimit = null;
        }
        login.clear();
        notices.clear();
        myPage.clear();
        hold.clear();
        if (offlineHold != null) {
            offlineHold.clear();
        }
        password.clear();
        email.clear();
        cart.clear();
        pendingHold = null;
        pendingEmail = false;
        pendingCart = false;
        session.end();
        if (staff != null) {
            staff.clear();
        }
        search.reset();
        frame.resetSession();
    }

    // For the tests that prove nothing of a patron is left after the session.
    LoginViewModel loginViewModel() {
        return login;
    }

    NoticesViewModel noticesViewModel() {
        return notices;
    }

    MyPageViewModel myPageViewModel() {
        return myPage;
    }

    CartViewModel cartViewModel() {
        return cart;
    }

    EmailViewModel emailViewModel() {
        return email;
    }

    PasswordViewModel passwordViewModel() {
        return password;
    }

    HoldViewModel holdViewModel() {
        return hold;
    }

    SearchViewModel searchViewModel() {
        return search;
    }

    PatronSession patronSession() {
        return session;
    }

    /** The offline hold flow, once {@link #attachOutbox} made it (else empty). */
    java.util.Optional<OfflineHoldViewModel> offlineHoldViewModel() {
        return java.util.Optional.ofNullable(offlineHold);
    }

    /**
     * Connects the devices the composition root built (any thread): their scans reach {@link #scans()},
     * the frame shows a missing scanner, the status light follows the connection.
     */
    public void attachDevices(KioskDevices attached, ConnectivityMonitor connectivity) {
        devices.attach(attached, connectivity);
        dispatcher.dispatch(() -> {
            holdSlip.attachPrinter(attached.printer());
            recordSlip.attachPrinter(attached.printer());
            cartSlip.attachPrinter(attached.printer());
            if (offlineSlip != null) {
                offlineSlip.attachPrinter(attached.printer());
            }
        });
    }

    /** The status light shows "working" (amber) while {@code requests} says the kiosk waits for the server (ADR 0024). */
    public void attachRequestsInFlight(RequestsInFlight requests) {
        devices.followRequests(requests);
    }

    /**
     * Gives staff mode its audit (the kiosk's database) and the system's restart, reboot and shutdown (FX
     * thread; before the scene is built). Without it: an audit in memory and simulated actions.
     */
    public void attachStaff(StaffAudit audit, SystemActions actions) {
        if (staff != null) {
            throw new IllegalStateException("attachStaff comes before the scene is built and before the first scan");
        }
        staffAudit = Objects.requireNonNull(audit, "audit");
        systemActions = Objects.requireNonNull(actions, "actions");
    }

    // The way into maintenance mode, built on first use with what attachStaff gave.
    private StaffEntryViewModel staff() {
        if (staff == null) {
            StaffEntry entry = new StaffEntry(config.staff(), staffAudit, clock);
            staff = new StaffEntryViewModel(entry, config.staff(), staffSession, clock, scheduler, dispatcher, l10n, frame,
                    this::endSession, devices::staffLocked);
            staff.lookUpCategoriesWith(circulation, () -> frame.connectionStateProperty().get() == ConnectionState.ONLINE);
            staffMode.bind(staff.activeProperty());
        }
        return staff;
    }

    /**
     * Builds the staff dashboard from what the composition root opened (FX thread, before {@link #show} or
     * {@link #createScene}). Without it there is no {@link ScreenId#STAFF} screen.
     */
    public void attachStaffDashboard(StaffDashboardPorts ports) {
        staffDashboard = new StaffDashboardViewModel(ports, staffSession, liveSettings(), devices::devices,
                devices::restoreLight, clock, scheduler, dispatcher);
        if (settingsDirectory != null) {
            staffDashboard.keepSettingsIn(settingsDirectory);
        }
        // the dashboard records its leave button and ends the session; the entry closes maintenance mode, and the kiosk
        // is then as a new patron finds it, with what staff set
        staffDashboard.setOnLeave(() -> {
            leaveStaffMode();
            endSession();
        });
        devices.watchScans(scan -> {
            if (frame.currentScreenProperty().get() == ScreenId.STAFF) {
                staffDashboard.scanned(scan);
            }
        });
    }

    /**
     * Applies what staff changed before the last restart ({@code SettingsOverrides} in {@code stateDirectory}) over the
     * configuration, and keeps staff's next changes there (ADR 0075, 2026-11-23). FX thread, at start.
     */
    public void attachSettingsOverrides(java.nio.file.Path stateDirectory) {
        settingsDirectory = java.util.Objects.requireNonNull(stateDirectory, "stateDirectory");
        org.opackiosk.app.staff.SettingsOverrides kept = org.opackiosk.app.staff.SettingsOverrides.load(stateDirectory);
        LiveSettings live = liveSettings();
        kept.branch().ifPresent(live::setBranch);
        kept.defaultPickup().ifPresent(live::setDefaultPickup);
        kept.language().ifPresent(live::setDefaultLanguage);
        kept.textSize().ifPresent(live::setDefaultTextSize);
        if (!kept.isEmpty()) {
            frame.resetSession(); // the first session starts as every later one will: in staff's language and text size
        }
        if (staffDashboard != null) {
            staffDashboard.keepSettingsIn(stateDirectory);
        }
    }

    private java.nio.file.Path settingsDirectory;

    /** Who is in maintenance mode (the dashboard shows it and ends it). */
    public StaffSession staffSession() {
        return staffSession;
    }

    /** True while maintenance mode is open (UI thread). */
    public javafx.beans.property.ReadOnlyBooleanProperty staffModeProperty() {
        return staff().activeProperty();
    }

    /** Where every staff action is recorded. */
    public StaffAudit staffAudit() {
        return staffAudit;
    }

    /** Restart, reboot, shut down: real (logind) or simulated (demo mode). */
    public SystemActions systemActions() {
        return systemActions;
    }

    /** Closes maintenance mode and shows the attract screen; recorded unless the dashboard already ended the session. */
    public void leaveStaffMode() {
        staff().leave();
    }

    StaffEntryViewModel staffEntryViewModel() {
        return staff();
    }

    // What staff may change on the running kiosk: in memory until it restarts (ADR 0075).
    private LiveSettings liveSettings() {
        return new LiveSettings() {
            @Override
            public String branch() {
                return frame.branchId();
            }

            @Override
            public String defaultPickup() {
                return hold.defaultPickup();
            }

            @Override
            public java.util.Locale defaultLanguage() {
                return frame.sessionLanguage();
            }

            @Override
            public org.opackiosk.core.config.UiSettings.TextSize defaultTextSize() {
                return frame.sessionTextSize();
            }

            @Override
            public void setBranch(String branchId) {
                frame.setBranch(branchId);
            }

            @Override
            public void setDefaultPickup(String branchId) {
                hold.setDefaultPickup(branchId);
                cart.setDefaultPickup(branchId);
            }

            @Override
            public void setDefaultLanguage(java.util.Locale language) {
                frame.setSessionDefaults(language, frame.sessionTextSize());
            }

            @Override
            public void setDefaultTextSize(org.opackiosk.core.config.UiSettings.TextSize size) {
                frame.setSessionDefaults(frame.sessionLanguage(), size);
            }
        };
    }

    StaffDashboardViewModel staffDashboardViewModel() {
        return staffDashboard;
    }

    /** Every scan, classified, on the UI thread: view models subscribe here (a card scanned, a book's ISBN). */
    public ScanEvents scans() {
        return scans;
    }

    /** The devices: the printer for slips, the staff key (UI thread). */
    public KioskDevices devices() {
        return devices.devices();
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
        devices.close();
    }
}

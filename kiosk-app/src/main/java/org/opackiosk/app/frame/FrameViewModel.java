package org.opackiosk.app.frame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.LibrarySettings;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.config.UiSettings.TextSize;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame around every screen: which screen is shown and the way back to it, who the kiosk
 * belongs to, the session's language and text size, and whether the circulation server is
 * reachable. UI thread only; results of background work arrive through the {@link UiDispatcher}.
 */
public final class FrameViewModel implements Navigator {

    private static final Logger LOG = LoggerFactory.getLogger(FrameViewModel.class);

    private final LibrarySettings library;
    private final UiSettings ui;
    private final Localization l10n;
    private final CirculationService circulation;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;

    private final ReadOnlyObjectWrapper<ScreenId> current = new ReadOnlyObjectWrapper<>(this, "current", ScreenId.ATTRACT);
    private final Deque<ScreenId> wayBack = new ArrayDeque<>();
    private final ObservableList<ScreenId> breadcrumb = FXCollections.observableArrayList(ScreenId.ATTRACT);
    private final ObservableList<ScreenId> breadcrumbView = FXCollections.unmodifiableObservableList(breadcrumb);
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack", false);
    private final ReadOnlyObjectWrapper<TextSize> textSize;
    private final ReadOnlyObjectWrapper<ConnectionState> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", ConnectionState.CHECKING);
    private final ReadOnlyStringWrapper branchName = new ReadOnlyStringWrapper(this, "branchName", "");
    private final StringBinding libraryName;
    private final BooleanBinding sessionInProgress;
    private boolean branchLookupRunning;
    // what a new session starts with; staff may change them for the running kiosk (ADR 0075)
    private String branchId;
    private Locale sessionLanguage;
    private TextSize sessionTextSize;
    // a configured scanner that is unplugged (ADR 0021)
    private final ReadOnlyBooleanWrapper scannerMissing = new ReadOnlyBooleanWrapper(this, "scannerMissing", false);
    // The logged-in patron as the bottom bar shows them (****4567), and what ログアウト does.
    private final ReadOnlyStringWrapper patronCard = new ReadOnlyStringWrapper(this, "patronCard", "");
    private Runnable logout = () -> { };

    public FrameViewModel(LibrarySettings library, UiSettings ui, Localization l10n, CirculationService circulation,
                          ConnectivityMonitor connectivity, Scheduler scheduler, UiDispatcher dispatcher) {
        this.library = Objects.requireNonNull(library, "library");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.textSize = new ReadOnlyObjectWrapper<>(this, "textSize", ui.textSize());
        this.libraryName = Bindings.createStringBinding(
                () -> Localization.ENGLISH.equals(l10n.locale()) ? library.nameEn() : library.nameJa(),
                l10n.localeProperty());
        this.branchId = library.branchId();
        this.sessionLanguage = Localization.supported(ui.defaultLanguage());
        this.sessionTextSize = ui.textSize();
        this.sessionInProgress = Bindings.createBooleanBinding(
                () -> current.get() != ScreenId.ATTRACT
                        || !sessionLanguage.equals(l10n.locale())
                        || textSize.get() != sessionTextSize
                        || !patronCard.get().isEmpty(),
                current, l10n.localeProperty(), textSize, patronCard);
        // The monitor calls back on its worker thread; hop to the UI thread before touching state.
        connectivity.addListener(state -> dispatcher.dispatch(() -> onConnectionState(state)));
    }

    // ---- navigation

    @Override
    public void open(ScreenId screen) {
        Objects.requireNonNull(screen, "screen");
        if (screen == ScreenId.ATTRACT) {
            goHome();
            return;
        }
        if (screen == current.get()) {
            return;
        }
        wayBack.push(current.get());
        show(screen);
    }

    @Override
    public void replace(ScreenId screen) {
        Objects.requireNonNull(screen, "screen");
        if (screen == ScreenId.ATTRACT) {
            goHome();
            return;
        }
        show(screen);
    }

    @Override
    public void goHome() {
        wayBack.clear();
        show(ScreenId.ATTRACT);
    }

    /** Back to the screen the patron came from; nothing when there is none. */
    public void goBack() {
        if (!wayBack.isEmpty()) {
            show(wayBack.pop());
        }
    }

    private void show(ScreenId screen) {
        current.set(screen);
        List<ScreenId> path = new ArrayList<>(wayBack);
        Collections.reverse(path);
        path.add(screen);
        breadcrumb.setAll(path);
        canGoBack.set(!wayBack.isEmpty());
    }

    public ReadOnlyObjectProperty<ScreenId> currentScreenProperty() {
        return current.getReadOnlyProperty();
    }

    /** The screens from home to the current one. */
    public ObservableList<ScreenId> breadcrumb() {
        return breadcrumbView;
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    // ---- the session's settings

    public void switchLanguage(Locale language) {
        l10n.setLocale(language);
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return l10n.localeProperty();
    }

    public void setTextSize(TextSize size) {
        textSize.set(Objects.requireNonNull(size, "size"));
    }

    public ReadOnlyObjectProperty<TextSize> textSizeProperty() {
        return textSize.getReadOnlyProperty();
    }

    /** True while anything differs from how a new patron finds the kiosk (a screen, the language, the text size). */
    public BooleanBinding sessionInProgress() {
        return sessionInProgress;
    }

    /** Ends the session: the attract screen, the configured language and text size. */
    public void resetSession() {
        goHome();
        patronCard.set("");
        l10n.setLocale(sessionLanguage);
        textSize.set(sessionTextSize);
    }

    /** Staff: the language and text size every new session starts with, from now until the kiosk restarts. */
    public void setSessionDefaults(Locale language, TextSize size) {
        sessionLanguage = Localization.supported(Objects.requireNonNull(language, "language"));
        sessionTextSize = Objects.requireNonNull(size, "size");
    }

    public Locale sessionLanguage() {
        return sessionLanguage;
    }

    public TextSize sessionTextSize() {
        return sessionTextSize;
    }

    // ---- the logged-in patron

    /** The masked card number of the logged-in patron ({@code ****4567}); empty when nobody is logged in. */
    public ReadOnlyStringProperty patronCardProperty() {
        return patronCard.getReadOnlyProperty();
    }

    /** A patron logged in ({@code maskedCard}) or the session ended (empty). */
    public void setPatronCard(String maskedCard) {
        patronCard.set(maskedCard == null ? "" : maskedCard);
    }

    /** What ログアウト does (set once by the composition of the screens). */
    public void setLogoutAction(Runnable action) {
        this.logout = Objects.requireNonNull(action, "action");
    }

    /** The patron touched ログアウト. */
    public void logout() {
        logout.run();
    }

    // ---- who the kiosk belongs to

    /** The library's name in the session's language. */
    public StringBinding libraryName() {
        return libraryName;
    }

    /** The server's id of the branch this kiosk stands in. */
    public String branchId() {
        return branchId;
    }

    /** Staff moved the kiosk to another branch (until it restarts): its name is asked of the server again. */
    public void setBranch(String id) {
        branchId = Objects.requireNonNull(id, "id");
        branchName.set("");
        if (connection.get() == ConnectionState.ONLINE && !branchLookupRunning) {
            lookUpBranchName();
        }
    }

    /** The branch's name as the circulation server calls it; empty until the server has told us. */
    public ReadOnlyStringProperty branchNameProperty() {
        return branchName.getReadOnlyProperty();
    }

    // ---- devices

    /** True while the configured barcode scanner is not there (unplugged): the frame says so. */
    public ReadOnlyBooleanProperty scannerMissingProperty() {
        return scannerMissing.getReadOnlyProperty();
    }

    public void setScannerMissing(boolean missing) {
        scannerMissing.set(missing);
    }

    // ---- connection

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connection.getReadOnlyProperty();
    }

    private void onConnectionState(ConnectionState state) {
        connection.set(state);
        if (state == ConnectionState.ONLINE && branchName.get().isEmpty() && !branchLookupRunning) {
            lookUpBranchName();
        }
    }

    // The configuration has only the branch's id; its name comes from the server, once it answers.
    private void lookUpBranchName() {
        branchLookupRunning = true;
        String branchId = this.branchId;
        scheduler.execute(() -> {
            CallResult<List<Library>> result = circulation.libraries();
            dispatcher.dispatch(() -> {
                branchLookupRunning = false;
                if (result instanceof CallResult.Ok<List<Library>> ok) {
                    if (!branchId.equals(this.branchId)) {
                        lookUpBranchName(); // staff changed the branch while the answer was on its way
                        return;
                    }
                    ok.value().stream()
                            .filter(l -> l.id().equals(branchId))
                            .findFirst()
                            .ifPresentOrElse(l -> branchName.set(l.name()),
                                    () -> LOG.warn("The circulation server knows no branch '{}'; check library.branch in the configuration", branchId));
                } else {
                    LOG.info("Branch name not available yet: {}", result);
                }
            });
        });
    }
}

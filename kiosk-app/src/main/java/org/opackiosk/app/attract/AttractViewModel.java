package org.opackiosk.app.attract;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import org.opackiosk.app.frame.Navigator;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;

/**
 * The attract screen: who the kiosk belongs to, the date and time (to the minute), whether the
 * library's system can be reached, and the way into the catalogue. UI thread only.
 */
public final class AttractViewModel {

    private final Localization l10n;
    private final Clock clock;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Navigator navigator;
    private final ObservableStringValue libraryName;
    private final ObservableStringValue branchName;
    private final ReadOnlyObjectProperty<ConnectionState> connection;

    private final ReadOnlyObjectWrapper<ZonedDateTime> minute = new ReadOnlyObjectWrapper<>(this, "minute");
    private final StringBinding dateTime;
    private final StringBinding status;
    private final StringBinding scanDetail;
    private Scheduler.Cancellable nextTick;
    private final javafx.beans.property.ReadOnlyBooleanWrapper passwordRegistrationOffered =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "passwordRegistrationOffered", false);
    private Runnable passwordRegistration = () -> { };
    private Runnable emailRegistration = () -> { };
    private boolean running;

    public AttractViewModel(Localization l10n, Clock clock, Scheduler scheduler, UiDispatcher dispatcher,
                            Navigator navigator, ObservableStringValue libraryName,
                            ObservableStringValue branchName, ReadOnlyObjectProperty<ConnectionState> connection) {
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.libraryName = Objects.requireNonNull(libraryName, "libraryName");
        this.branchName = Objects.requireNonNull(branchName, "branchName");
        this.connection = Objects.requireNonNull(connection, "connection");
        minute.set(currentMinute());
        dateTime = Bindings.createStringBinding(
                () -> DateTimeFormatter.ofPattern(l10n.get("attract.dateTime"), l10n.locale()).format(minute.get()),
                minute, l10n.localeProperty());
        status = Bindings.createStringBinding(
                () -> l10n.get("attract.status." + connection.get().name().toLowerCase(Locale.ROOT)),
                connection, l10n.localeProperty());
        // offline a scanned card cannot log in, but it does place a hold from the record page (issue 7)
        scanDetail = Bindings.createStringBinding(
                () -> l10n.get(connection.get() == ConnectionState.OFFLINE ? "attract.scan.detail.offline" : "attract.scan.detail"),
                connection, l10n.localeProperty());
    }

    /** Starts keeping the time; the shown minute changes on the minute. */
    public void start() {
        if (!running) {
            running = true;
            tick();
        }
    }

    /** Stops keeping the time. */
    public void stop() {
        running = false;
        if (nextTick != null) {
            nextTick.cancel();
            nextTick = null;
        }
    }

    // Re-aims at the next minute boundary every time, so a clock that is corrected (a Pi has no
    // real-time clock and sets its time from the network after boot) is followed within a minute.
    private void tick() {
        if (!running) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        minute.set(now.truncatedTo(ChronoUnit.MINUTES));
        Duration untilNextMinute = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1));
        nextTick = scheduler.schedule(untilNextMinute, () -> dispatcher.dispatch(this::tick));
    }

    private ZonedDateTime currentMinute() {
        return ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The patron wants to look for something. */
    public void searchCatalogue() {
        navigator.open(ScreenId.SEARCH);
    }

    /** Where パスワード登録 leads (set by the composition of the screens). */
    public void setPasswordRegistration(Runnable action) {
        this.passwordRegistration = Objects.requireNonNull(action, "action");
    }

    /** Whether the server offers first password registration at the kiosk (the button is shown only then). */
    public void setPasswordRegistrationOffered(boolean offered) {
        passwordRegistrationOffered.set(offered);
    }

    public javafx.beans.property.ReadOnlyBooleanProperty passwordRegistrationOfferedProperty() {
        return passwordRegistrationOffered.getReadOnlyProperty();
    }

    /** Where メール登録 leads (set by the composition of the screens). */
    public void setEmailRegistration(Runnable action) {
        this.emailRegistration = Objects.requireNonNull(action, "action");
    }

    /** メール登録: log in, then the e-mail addresses. */
    public void registerEmail() {
        emailRegistration.run();
    }

    /** パスワード登録: a patron without a password registers one. */
    public void registerPassword() {
        passwordRegistration.run();
    }

    /** The patron wants to log in by typing their card number. */
    public void logInByCardNumber() {
        navigator.open(ScreenId.LOGIN);
    }

    public StringBinding dateTime() {
        return dateTime;
    }

    /** One sentence on whether the library's system can be reached, and what that means for the patron. */
    public StringBinding status() {
        return status;
    }

    /** What a card does here: holds and loans, or offline, how a hold by card still works. */
    public StringBinding scanDetail() {
        return scanDetail;
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connection;
    }

    public ObservableStringValue libraryName() {
        return libraryName;
    }

    public ObservableStringValue branchName() {
        return branchName;
    }
}

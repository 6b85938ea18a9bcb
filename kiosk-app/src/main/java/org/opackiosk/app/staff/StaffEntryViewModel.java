package org.opackiosk.app.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.opackiosk.app.frame.Navigator;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.config.StaffSettings;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.core.privacy.CardNumbers;
import org.opackiosk.core.staff.StaffEntry;
import org.opackiosk.core.staff.StaffEntry.PinResult;
import org.opackiosk.core.staff.StaffSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How staff get into maintenance mode and out of it (issue 8, ADR 0070). The ways in: a staff card scanned
 * on any screen (listed, matching the pattern, or — {@link #lookUpCategory} — whose patron the server puts in a
 * staff category), or a five-second press on the library's name, each followed by the PIN on
 * {@link ScreenId#STAFF_ENTRY}; or the key switch, which opens maintenance mode at once. Entering first
 * ends any patron's session, so nothing of a patron is on the screen or in the view models. In maintenance
 * mode ({@link ScreenId#STAFF}) {@link #userActivity()} keeps it open; {@code [staff] idle_minutes} without
 * it, and it closes by itself.
 *
 * <p>The PIN is checked on a worker thread (the hash is slow on purpose); entries and exits are recorded
 * in the audit there too. UI thread only; results come back through the {@link UiDispatcher}.
 */
public final class StaffEntryViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StaffEntryViewModel.class);
    /** The longest PIN {@code kioskctl set-staff-pin} accepts. */
    static final int MAX_DIGITS = 12;
    /** How long the library's name has to be pressed. */
    public static final Duration NAME_PRESS = Duration.ofSeconds(5);
    /** The longest a scanned card waits for the server's answer about its patron's category; then it is a patron's. */
    public static final Duration CATEGORY_LOOKUP = Duration.ofSeconds(3);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

    /** How staff came in. */
    public enum Way {
        CARD("staff card and PIN"), KEY_SWITCH("key switch"), NAME_PRESS("library name and PIN"),
        CATEGORY("staff category and PIN");

        private final String audit;

        Way(String audit) {
            this.audit = audit;
        }
    }

    private record Message(String key, Object... args) {
        static final Message NONE = new Message("");
    }

    private final StaffEntry entry;
    private final StaffSettings settings;
    private final StaffSession session;
    private final Clock clock;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Localization l10n;
    private final Navigator navigator;
    private final Runnable endPatronSession;
    private final Consumer<Boolean> lockLight;

    private char[] pin = new char[0];
    private final ReadOnlyIntegerWrapper pinLength = new ReadOnlyIntegerWrapper(this, "pinLength", 0);
    private final ReadOnlyStringWrapper pinShown = new ReadOnlyStringWrapper(this, "pinShown", "");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message", Message.NONE);
    private final StringBinding messageText;
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking", false);
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked", false);
    private final ReadOnlyStringWrapper lockedUntil = new ReadOnlyStringWrapper(this, "lockedUntil", "");
    private final ReadOnlyIntegerWrapper attemptsLeft = new ReadOnlyIntegerWrapper(this, "attemptsLeft", StaffEntry.MAX_WRONG);
    // who is trying, for the audit: a masked staff card, or "library name"
    private String candidate = "";
    private final ReadOnlyStringWrapper staffCard = new ReadOnlyStringWrapper(this, "staffCard", "");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final BooleanBinding canSubmit;
    private Way way = Way.NAME_PRESS;
    private Way enteredBy;
    // results of a PIN check or timers started before a cancel, leave or new entry do not count
    private long generation;
    private Scheduler.Cancellable idleTimer;
    private Scheduler.Cancellable unlockTimer;
    // staff by patron category ([staff] categories): the port to ask and whether the kiosk is online; null: off
    private CirculationService categoryServer;
    private BooleanSupplier online = () -> false;
    // the scan whose category answer still counts: a newer scan, the answer or its timeout ends it
    private long categoryLookup;
    private Scheduler.Cancellable categoryTimer;

    /**
     * @param navigator        the frame's navigation
     * @param endPatronSession ends a patron's session as logout does (attract screen, everything wiped)
     * @param lockLight        {@code true}: the status light shows the lock (fault); {@code false}: it is over
     */
    public StaffEntryViewModel(StaffEntry entry, StaffSettings settings, StaffSession session, Clock clock,
                               Scheduler scheduler, UiDispatcher dispatcher, Localization l10n, Navigator navigator,
                               Runnable endPatronSession, Consumer<Boolean> lockLight) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.endPatronSession = Objects.requireNonNull(endPatronSession, "endPatronSession");
        this.lockLight = Objects.requireNonNull(lockLight, "lockLight");
        messageText = Bindings.createStringBinding(
                () -> message.get().key().isEmpty() ? "" : l10n.get(message.get().key(), message.get().args()),
                message, l10n.localeProperty());
        canSubmit = pinLength.greaterThanOrEqualTo(4).and(checking.not()).and(locked.not());
        // a lock from before the kiosk started (read back from the audit) still shows on the light
        refreshLock();
    }

    // ---- the ways in

    /**
     * A card was scanned (any screen). Returns whether it is taken here: a staff card asks for the PIN, and
     * in maintenance mode every card is taken, so that no patron's login starts from it.
     */
    public boolean cardScanned(String cardNumber) {
        if (active.get()) {
            return true;
        }
        if (!settings.staffCards() || !entry.isStaffCard(cardNumber)) {
            return false;
        }
        askForPin(Way.CARD, CardNumbers.mask(cardNumber));
        return true;
    }

    /**
     * Lets a scanned card be a staff card by its patron's category ({@code [staff] categories}): {@code server} is
     * asked while {@code online} says so (UI thread). Without this, or without categories, no card is looked up.
     */
    public void lookUpCategoriesWith(CirculationService server, BooleanSupplier online) {
        this.categoryServer = Objects.requireNonNull(server, "server");
        this.online = Objects.requireNonNull(online, "online");
    }

    /**
     * A library card was scanned (never one typed) and {@link #cardScanned} did not take it. When staff categories
     * are on and the kiosk is online, asks the server once, on a worker thread, for the category of the card's
     * patron: a staff category asks for the PIN; any other answer, a failure or no answer within
     * {@link #CATEGORY_LOOKUP} runs {@code notStaff} (UI thread) instead. A newer scan makes this one's answer not
     * count. Returns {@code false}, asking nothing, when the lookup is off or the kiosk is not online: the caller
     * goes on with {@code notStaff} itself.
     */
    public boolean lookUpCategory(String cardNumber, Runnable notStaff) {
        Objects.requireNonNull(notStaff, "notStaff");
        if (active.get() || categoryServer == null || !settings.staffCategories() || !online.getAsBoolean()) {
            return false;
        }
        long current = ++categoryLookup;
        cancelCategoryTimer();
        CirculationService server = categoryServer;
        categoryTimer = scheduler.schedule(CATEGORY_LOOKUP, () -> dispatcher.dispatch(
                () -> categoryAnswered(current, cardNumber, CallResult.unreachable("no answer in time"), notStaff)));
        scheduler.execute(() -> {
            CallResult<String> answer;
            try {
                answer = server.patronCategory(cardNumber);
            } catch (RuntimeException e) {
                answer = CallResult.unreachable(e.getClass().getSimpleName());
            }
            CallResult<String> result = answer;
            dispatcher.dispatch(() -> categoryAnswered(current, cardNumber, result, notStaff));
        });
        return true;
    }

    private void categoryAnswered(long lookup, String cardNumber, CallResult<String> answer, Runnable notStaff) {
        if (lookup != categoryLookup) {
            return; // a newer scan, or this scan's answer or timeout came first
        }
        categoryLookup++;
        cancelCategoryTimer();
        if (active.get()) {
            return; // maintenance mode opened meanwhile (the key switch): no card starts anything now
        }
        String masked = CardNumbers.mask(cardNumber);
        if (answer instanceof CallResult.Ok<String> ok && settings.isStaffCategory(ok.value())) {
            LOG.info("Card {} is in a staff category: asking for the staff PIN", masked);
            askForPin(Way.CATEGORY, masked);
            return;
        }
        if (!(answer instanceof CallResult.Ok<String>) && !(answer instanceof CallResult.Refused<String>)) {
            // the detail may name the request (and with it the card): only the kind of failure is logged
            LOG.info("The staff category of card {} is unknown ({}): a patron's login", masked,
                    answer.getClass().getSimpleName());
        }
        notStaff.run();
    }

    private void cancelCategoryTimer() {
        if (categoryTimer != null) {
            categoryTimer.cancel();
            categoryTimer = null;
        }
    }

    /** The library's name was pressed for {@link #NAME_PRESS}: the PIN screen, when that way in is on. */
    public void namePressed() {
        if (!settings.namePress() || active.get()) {
            return;
        }
        askForPin(Way.NAME_PRESS, "library name");
    }

    /** The key switch was turned on or off. On opens maintenance mode without the PIN; off closes what it opened. */
    public void keySwitch(boolean on) {
        if (!settings.keySwitch()) {
            LOG.info("The staff key switch was turned {}; [staff] key_switch = false, so it does nothing", on ? "on" : "off");
            return;
        }
        if (on && !active.get()) {
            endPatronSession.run();
            enter(Way.KEY_SWITCH.audit, Way.KEY_SWITCH);
        } else if (!on && active.get() && enteredBy == Way.KEY_SWITCH) {
            leave("key switch turned off");
        }
    }

    private void askForPin(Way how, String who) {
        endPatronSession.run();
        generation++;
        clearPin();
        way = how;
        candidate = who;
        staffCard.set(how == Way.CARD || how == Way.CATEGORY ? who : "");
        refreshLock();
        message.set(entry.pinConfigured() ? Message.NONE : new Message("staff.entry.noPin"));
        navigator.open(ScreenId.STAFF_ENTRY);
    }

    // ---- the PIN

    public void key(String digit) {
        if (digit.length() != 1 || !Character.isDigit(digit.charAt(0)) || pin.length >= MAX_DIGITS
                || checking.get() || locked.get() || !entry.pinConfigured()) {
            return;
        }
        char[] longer = Arrays.copyOf(pin, pin.length + 1);
        longer[pin.length] = digit.charAt(0);
        Arrays.fill(pin, '\0');
        setPin(longer);
        message.set(Message.NONE);
    }

    public void backspace() {
        if (pin.length > 0 && !checking.get()) {
            char[] shorter = Arrays.copyOf(pin, pin.length - 1);
            Arrays.fill(pin, '\0');
            setPin(shorter);
        }
    }

    /** Clears what was typed. */
    public void clearPin() {
        Arrays.fill(pin, '\0');
        setPin(new char[0]);
    }

    private void setPin(char[] now) {
        pin = now;
        pinLength.set(now.length);
        pinShown.set("●".repeat(now.length));
    }

    /** Checks the PIN typed (on a worker thread); maintenance mode opens when it is right. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        char[] typed = pin;
        pin = new char[0];
        setPin(pin);
        checking.set(true);
        message.set(Message.NONE);
        long current = ++generation;
        String who = candidate;
        scheduler.execute(() -> {
            PinResult result = entry.checkPin(typed, who);
            dispatcher.dispatch(() -> {
                if (current == generation) {
                    checked(result, who);
                }
            });
        });
    }

    private void checked(PinResult result, String who) {
        checking.set(false);
        switch (result) {
            case PinResult.Accepted a -> enter(who, way);
            case PinResult.Wrong w -> {
                attemptsLeft.set(w.attemptsLeft());
                message.set(new Message("staff.entry.wrong", w.attemptsLeft()));
            }
            case PinResult.Locked l -> {
                message.set(Message.NONE);
                refreshLock();
            }
            case PinResult.NoPin n -> message.set(new Message("staff.entry.noPin"));
        }
    }

    // Reads the lock from the rules; shows it, drives the light, and schedules its end.
    private void refreshLock() {
        var until = entry.lockedUntil();
        boolean wasLocked = locked.get();
        locked.set(until.isPresent());
        attemptsLeft.set(entry.attemptsLeft());
        lockedUntil.set(until.map(u -> HOUR_MINUTE.format(u.atZone(clock.getZone()))).orElse(""));
        if (until.isPresent() && !wasLocked) {
            lockLight.accept(true);
            scheduleUnlock(until.get());
        } else if (until.isEmpty() && wasLocked) {
            lockLight.accept(false);
        }
    }

    private void scheduleUnlock(Instant until) {
        if (unlockTimer != null) {
            unlockTimer.cancel();
        }
        Duration wait = Duration.between(clock.instant(), until);
        unlockTimer = scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> dispatcher.dispatch(() -> {
            unlockTimer = null;
            refreshLock();
        }));
    }

    /** Back to the attract screen without entering. */
    public void cancel() {
        generation++;
        clearPin();
        checking.set(false);
        message.set(Message.NONE);
        navigator.goHome();
    }

    /** Forgets what was typed and said (the PIN screen was left, or the kiosk returned home). */
    public void clear() {
        if (!checking.get()) {
            clearPin();
            message.set(Message.NONE);
        }
    }

    // ---- maintenance mode

    private void enter(String who, Way how) {
        generation++;
        clearPin();
        message.set(Message.NONE);
        session.begin(who);
        enteredBy = how;
        active.set(true);
        LOG.info("Staff mode opened by {} ({})", who, how.audit);
        scheduler.execute(() -> entry.entered(who, how.audit));
        navigator.goHome();
        navigator.open(ScreenId.STAFF);
        restartIdleTimer();
    }

    /** Closes maintenance mode (the dashboard's 職員モードを終了, or Home): the attract screen. */
    public void leave() {
        leave("left");
    }

    private void leave(String why) {
        if (!active.get()) {
            return;
        }
        // the dashboard's own leave button records and ends the session itself, then comes here by the frame
        boolean recorded = !session.active();
        String who = session.staff().orElse("?");
        generation++;
        cancelIdleTimer();
        session.end();
        enteredBy = null;
        active.set(false);
        if (!recorded) {
            LOG.info("Staff mode closed for {}: {}", who, why);
            scheduler.execute(() -> entry.left(who, why));
        }
        // the kiosk as the next patron should find it: default language and text size, the attract screen
        endPatronSession.run();
        navigator.goHome();
    }

    /** A touch, key or scan: in maintenance mode, staff are still there. */
    public void userActivity() {
        if (active.get()) {
            restartIdleTimer();
        }
    }

    private void restartIdleTimer() {
        cancelIdleTimer();
        long current = generation;
        idleTimer = scheduler.schedule(settings.idleTimeout(), () -> dispatcher.dispatch(() -> {
            if (current == generation && active.get()) {
                idleTimer = null;
                leave(settings.idleTimeout().toMinutes() + " minutes idle");
            }
        }));
    }

    private void cancelIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel();
            idleTimer = null;
        }
    }

    // ---- state for the screen

    /** Whether maintenance mode is open. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The PIN as dots. */
    public ReadOnlyStringProperty pinShownProperty() {
        return pinShown.getReadOnlyProperty();
    }

    /** What went wrong, in the session's language; empty when nothing did. */
    public StringBinding messageProperty() {
        return messageText;
    }

    /** Whether the PIN is being checked. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** The time of day the lock ends (e.g. 14:20); empty when not locked. */
    public ReadOnlyStringProperty lockedUntilProperty() {
        return lockedUntil.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty attemptsLeftProperty() {
        return attemptsLeft.getReadOnlyProperty();
    }

    /** The staff card that asked for the PIN, masked (****0001); empty for the press on the library's name. */
    public ReadOnlyStringProperty staffCardProperty() {
        return staffCard.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** Whether a PIN is configured; the screen says what to do when not. */
    public boolean pinConfigured() {
        return entry.pinConfigured();
    }

    /** Whether the PIN screen holds nothing typed (tests). */
    boolean holdsNothing() {
        return pin.length == 0 && pinShown.get().isEmpty();
    }
}

package org.opackiosk.app.login;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.i18n.Text;
import org.opackiosk.app.offline.OfflineFeature;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.core.privacy.CardNumbers;
import org.opackiosk.core.session.CardNumberCheck;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login at the kiosk: the card number (scanned, or typed on the numeric pad and checked against the
 * card-number rule before anything is sent), then the password on the on-screen keyboard, masked,
 * shown only while the patron holds the "show" button. Failed logins are throttled per card; the wait
 * is shown and counts down. On success the patron's summary is read and handed on.
 *
 * <p>The password lives only in this object, only until it is sent or the session ends, and is
 * never logged. UI thread only; network calls run on the {@link Scheduler}.
 */
public final class LoginViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LoginViewModel.class);
    private static final char MASK = '●';

    public enum Step { CARD, PASSWORD }

    private final CirculationService circulation;
    private final LoginThrottle throttle;
    private final CardNumberCheck cardCheck;
    private final Clock clock;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Localization l10n;
    private final Consumer<LoggedInPatron> onLoggedIn;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.CARD);
    private final ReadOnlyStringWrapper cardDigits = new ReadOnlyStringWrapper(this, "cardDigits", "");
    // the sentence kept as what it means, rendered in the current language (a switch mid-screen re-renders it)
    private final javafx.beans.property.ObjectProperty<Text> messageText =
            new javafx.beans.property.SimpleObjectProperty<>(this, "message", Text.NONE);
    private final javafx.beans.binding.StringBinding message;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed", false);
    private final ReadOnlyIntegerWrapper waitSeconds = new ReadOnlyIntegerWrapper(this, "waitSeconds", 0);
    private final ReadOnlyIntegerWrapper passwordLength = new ReadOnlyIntegerWrapper(this, "passwordLength", 0);
    private final StringBinding passwordShown;
    private final BooleanBinding canSubmit;
    private final StringBuilder password = new StringBuilder();
    private String cardNumber = "";
    private Scheduler.Cancellable waitTicker;
    // Answers to calls started before clear() (a session that ended) are dropped.
    private long generation;
    // While the library's system is unreachable nobody can check a password: the login is refused at once.
    private java.util.function.BooleanSupplier offline = () -> false;

    public LoginViewModel(CirculationService circulation, LoginThrottle throttle, CardNumberCheck cardCheck, Clock clock,
                          Scheduler scheduler, UiDispatcher dispatcher, Localization l10n,
                          Consumer<LoggedInPatron> onLoggedIn) {
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.cardCheck = Objects.requireNonNull(cardCheck, "cardCheck");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        message = l10n.bind(messageText);
        this.onLoggedIn = Objects.requireNonNull(onLoggedIn, "onLoggedIn");
        passwordShown = Bindings.createStringBinding(
                () -> revealed.get() ? password.toString() : String.valueOf(MASK).repeat(passwordLength.get()),
                revealed, passwordLength);
        canSubmit = busy.not().and(waitSeconds.isEqualTo(0)).and(passwordLength.greaterThan(0));
    }

    /**
     * Where the login learns that the library's system cannot be reached: then a card number is answered
     * at once with why not and what still works ({@code OfflineFeature.LOGIN}), and no password is asked.
     */
    public void setOffline(java.util.function.BooleanSupplier offline) {
        this.offline = Objects.requireNonNull(offline, "offline");
    }

    private boolean refusedOffline() {
        if (!offline.getAsBoolean()) {
            return false;
        }
        clearPassword();
        step.set(Step.CARD);
        messageText.set(language -> OfflineFeature.LOGIN.message(language).get() + "\n" + OfflineFeature.LOGIN.hint(language).get());
        return true;
    }

    // ---- card number

    /** A card was scanned (on any screen): its number is filled in and the password is asked for. */
    public void cardScanned(String raw) {
        clear();
        cardDigits.set(raw == null ? "" : raw.strip());
        cardNext();
    }

    public void cardKey(String digit) {
        if (cardDigits.get().length() < cardCheck.maxLength() + 4) {
            cardDigits.set(cardDigits.get() + digit);
            messageText.set(Text.NONE);
        }
    }

    public void cardBackspace() {
        String d = cardDigits.get();
        if (!d.isEmpty()) {
            cardDigits.set(d.substring(0, d.length() - 1));
        }
        messageText.set(Text.NONE);
    }

    public void cardClear() {
        cardDigits.set("");
        messageText.set(Text.NONE);
    }

    /** The patron confirms the card number: checked here at once, before anything is sent. */
    public void cardNext() {
        var normalised = cardCheck.normalise(cardDigits.get());
        if (normalised.isEmpty()) {
            messageText.set(Text.of("login.card.invalid"));
            return;
        }
        if (refusedOffline()) {
            return;
        }
        cardNumber = normalised.get();
        cardDigits.set(cardNumber);
        messageText.set(Text.NONE);
        clearPassword();
        step.set(Step.PASSWORD);
        showWait(throttle.waitBeforeNextAttempt(cardNumber));
    }

    /** Back from the password to the card number. */
    public void changeCard() {
        clearPassword();
        stopTicker();
        waitSeconds.set(0);
        messageText.set(Text.NONE);
        step.set(Step.CARD);
    }

    // ---- password

    public void passwordKey(String text) {
        password.append(text);
        passwordLength.set(password.length());
    }

    public void passwordBackspace() {
        if (!password.isEmpty()) {
            password.setLength(password.length() - 1);
            passwordLength.set(password.length());
        }
    }

    /** The "show" button is held down (true) or let go (false). */
    public void reveal(boolean pressed) {
        revealed.set(pressed);
    }

    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        Duration wait = throttle.waitBeforeNextAttempt(cardNumber);
        if (!wait.isZero()) {
            showWait(wait);
            return;
        }
        if (refusedOffline()) {
            return;
        }
        String card = cardNumber;
        String secret = password.toString();
        clearPassword();
        busy.set(true);
        messageText.set(Text.NONE);
        long current = generation;
        scheduler.execute(() -> {
            CallResult<PatronId> auth = circulation.authenticate(card, secret);
            CallResult<PatronSummary> summary = auth instanceof CallResult.Ok<PatronId> ok
                    ? circulation.patronSummary(ok.value()) : null;
            dispatcher.dispatch(() -> {
                if (current == generation) {
                    answered(card, auth, summary);
                }
            });
        });
    }

    private void answered(String card, CallResult<PatronId> auth, CallResult<PatronSummary> summary) {
        busy.set(false);
        switch (auth) {
            case CallResult.Ok<PatronId> ok -> {
                if (summary instanceof CallResult.Ok<PatronSummary> s) {
                    throttle.recordSuccess(card);
                    LOG.info("Patron {} logged in", CardNumbers.mask(card));
                    LoggedInPatron patron = new LoggedInPatron(ok.value(), card, s.value());
                    clear();
                    onLoggedIn.accept(patron);
                } else {
                    LOG.warn("Patron {} authenticated but the summary failed: {}", CardNumbers.mask(card), summary);
                    messageText.set(Text.of("login.failed"));
                }
            }
            case CallResult.Refused<PatronId> r -> {
                Duration wait = "invalid_credentials".equals(r.reason().code())
                        ? throttle.recordFailure(card) : Duration.ZERO;
                LOG.info("Login of {} refused: {}", CardNumbers.mask(card), r.reason().code());
                messageText.set(Text.refusal(r.reason()));
                showWait(wait);
            }
            case CallResult.Unreachable<PatronId> u -> {
                LOG.info("Login of {} impossible: {}", CardNumbers.mask(card), u.detail());
                messageText.set(Text.of("login.unreachable"));
            }
            case CallResult.Ambiguous<PatronId> a -> {
                LOG.info("Login of {} unanswered: {}", CardNumbers.mask(card), a.detail());
                messageText.set(Text.of("login.unreachable"));
            }
        }
    }

    private void showWait(Duration wait) {
        stopTicker();
        int seconds = (int) ((wait.toMillis() + 999) / 1000);
        waitSeconds.set(seconds);
        if (seconds > 0) {
            long current = generation;
            waitTicker = scheduler.scheduleEvery(Duration.ofSeconds(1), () -> dispatcher.dispatch(() -> {
                if (current == generation) {
                    tickWait();
                }
            }));
        }
    }

    private void tickWait() {
        Duration left = throttle.waitBeforeNextAttempt(cardNumber);
        int seconds = (int) ((left.toMillis() + 999) / 1000);
        waitSeconds.set(seconds);
        if (seconds == 0) {
            stopTicker();
        }
    }

    private void stopTicker() {
        if (waitTicker != null) {
            waitTicker.cancel();
            waitTicker = null;
        }
    }

    private void clearPassword() {
        password.setLength(0);
        passwordLength.set(0);
        revealed.set(false);
    }

    /** Forgets everything typed: a new patron, a logout, the idle timeout. */
    public void clear() {
        generation++;
        stopTicker();
        clearPassword();
        cardNumber = "";
        cardDigits.set("");
        messageText.set(Text.NONE);
        busy.set(false);
        waitSeconds.set(0);
        step.set(Step.CARD);
    }

    // ---- state

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cardDigitsProperty() {
        return cardDigits.getReadOnlyProperty();
    }

    /** The card number as the server knows it. */
    public String cardNumber() {
        return cardNumber;
    }

    /**
     * The card number as the password step shows it: the whole number (the patron is standing there),
     * written as the library prints it on its cards ({@code 12345678-9}).
     */
    public String cardShown() {
        return cardNumber.isEmpty() ? "" : cardCheck.display(cardNumber);
    }

    /** What went wrong, in the patron's language; empty when nothing did. */
    public javafx.beans.binding.StringBinding messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Seconds this card must still wait before the next try; 0 when it may try. */
    public ReadOnlyIntegerProperty waitSecondsProperty() {
        return waitSeconds.getReadOnlyProperty();
    }

    /** The password as drawn: one ● per character, or the characters while "show" is held. */
    public StringBinding passwordShownProperty() {
        return passwordShown;
    }

    public ReadOnlyIntegerProperty passwordLengthProperty() {
        return passwordLength.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** Nothing of a patron is held (for the privacy test). */
    public boolean holdsNothing() {
        return password.isEmpty() && cardNumber.isEmpty() && cardDigits.get().isEmpty() && message.get().isEmpty();
    }
}

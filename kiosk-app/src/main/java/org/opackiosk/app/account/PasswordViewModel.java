package org.opackiosk.app.account;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.i18n.Text;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.patron.IdentityCheck;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.core.privacy.CardNumbers;
import org.opackiosk.core.session.CardNumberCheck;
import org.opackiosk.core.session.LoginThrottle;
import org.opackiosk.core.session.PatronSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * パスワード新規登録 (card number, date of birth, telephone, then the new password twice) and
 * パスワード変更 (current password, then the new one twice), one step per screen. The library's policy
 * is shown before typing and checked as the patron types, with the kiosk's own refusals
 * ({@link PasswordCheck}). Failed identity checks count against the card like failed logins.
 *
 * <p>Passwords, date of birth and phone live only here, only until sent or cleared; never logged.
 * UI thread only; server calls on the {@link Scheduler}.
 */
public final class PasswordViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordViewModel.class);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public enum Mode { REGISTER, CHANGE }

    public enum Step {
        CARD(true), BIRTH(true), PHONE(true), CURRENT(false), NEW(false), REPEAT(false), DONE(false);

        private final boolean numeric;

        Step(boolean numeric) {
            this.numeric = numeric;
        }

        /** Typed on the numeric pad (else on the keyboard). */
        public boolean numeric() {
            return numeric;
        }

        public boolean secret() {
            return this == CURRENT || this == NEW || this == REPEAT;
        }
    }

    private final CirculationService circulation;
    private final PatronSession session;
    private final LoginThrottle throttle;
    private final CardNumberCheck cardCheck;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Localization l10n;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.REGISTER);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.CARD);
    // sentences kept as what they mean, rendered in the current language (a switch mid-screen re-renders them)
    private final ObjectProperty<Text> messageText = new SimpleObjectProperty<>(this, "message", Text.NONE);
    private final ObjectProperty<Text> liveCheckText = new SimpleObjectProperty<>(this, "liveCheck", Text.NONE);
    private final StringBinding message;
    private final StringBinding liveCheck;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed", false);
    private final ReadOnlyIntegerWrapper inputVersion = new ReadOnlyIntegerWrapper(this, "inputVersion", 0);
    private final ReadOnlyObjectWrapper<PasswordPolicy> policy =
            new ReadOnlyObjectWrapper<>(this, "policy", PasswordPolicy.DEFAULT);
    private final StringBinding shown;
    private final StringBinding policyText;
    private final StringBuilder input = new StringBuilder();
    private String card = "";
    private LocalDate birth;
    private String current = "";
    private String fresh = "";
    private PatronId patron;
    private long generation;

    public PasswordViewModel(CirculationService circulation, PatronSession session, LoginThrottle throttle,
                             CardNumberCheck cardCheck, Scheduler scheduler, UiDispatcher dispatcher, Localization l10n) {
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.session = Objects.requireNonNull(session, "session");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.cardCheck = Objects.requireNonNull(cardCheck, "cardCheck");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        shown = Bindings.createStringBinding(() -> step.get().secret() && !revealed.get()
                ? "●".repeat(input.length()) : input.toString(), inputVersion, revealed, step);
        policyText = Bindings.createStringBinding(() -> policyText(policy.get()), policy, l10n.localeProperty());
        message = l10n.bind(messageText);
        liveCheck = l10n.bind(liveCheckText);
    }

    private String policyText(PasswordPolicy p) {
        StringBuilder text = new StringBuilder(l10n.get(p.lettersAndDigitsOnly() ? "password.policy.alnum" : "password.policy.any",
                p.minLength(), p.maxLength()));
        if (p.needsLetterAndDigit()) {
            text.append('\n').append(l10n.get("password.policy.letterAndDigit"));
        }
        if (p.needsBothCases()) {
            text.append('\n').append(l10n.get("password.policy.bothCases"));
        }
        return text.toString();
    }

    /** パスワード新規登録, from the attract screen. */
    public void startRegistration() {
        clear();
        mode.set(Mode.REGISTER);
        step.set(Step.CARD);
        loadPolicy();
    }

    /** パスワード変更, for the logged-in patron. */
    public void startChange() {
        clear();
        session.current().ifPresent(p -> {
            patron = p.id();
            card = p.cardNumber();
            // the birthday is refused here too, when the server told it at login
            birth = p.summary().dateOfBirth().orElse(null);
        });
        mode.set(Mode.CHANGE);
        step.set(Step.CURRENT);
        loadPolicy();
    }

    private void loadPolicy() {
        long g = generation;
        scheduler.execute(() -> {
            CallResult<PasswordPolicy> result = circulation.passwordPolicy();
            dispatcher.dispatch(() -> {
                if (g == generation && result instanceof CallResult.Ok<PasswordPolicy> ok) {
                    policy.set(ok.value());
                }
            });
        });
    }

    // ---- typing

    public void key(String text) {
        input.append(text);
        changed();
    }

    public void backspace() {
        if (!input.isEmpty()) {
            input.setLength(input.length() - 1);
            changed();
        }
    }

    public void clearInput() {
        input.setLength(0);
        changed();
    }

    public void reveal(boolean pressed) {
        revealed.set(pressed);
    }

    private void changed() {
        messageText.set(Text.NONE);
        inputVersion.set(inputVersion.get() + 1);
        liveCheckText.set(step.get() == Step.NEW && !input.isEmpty()
                ? problem(input.toString()).map(this::sentence).orElse(Text.of("password.rule.ok")) : Text.NONE);
    }

    private Optional<PasswordCheck.Problem> problem(String password) {
        return PasswordCheck.check(password, policy.get(), card, Optional.ofNullable(birth));
    }

    private Text sentence(PasswordCheck.Problem p) {
        return Text.of("password.rule." + p.name().toLowerCase(java.util.Locale.ROOT),
                policy.get().minLength(), policy.get().maxLength());
    }

    // ---- steps

    /** 次へ (or 登録する / 変更する on the last step). */
    public void next() {
        if (busy.get()) {
            return;
        }
        String value = input.toString();
        switch (step.get()) {
            case CARD -> cardCheck.normalise(value).ifPresentOrElse(c -> {
                Duration wait = throttle.waitBeforeNextAttempt(c);
                if (!wait.isZero()) {
                    messageText.set(Text.of("login.wait", (wait.toMillis() + 999) / 1000));
                    return;
                }
                card = c;
                go(Step.BIRTH);
            }, () -> messageText.set(Text.of("login.card.invalid")));
            case BIRTH -> {
                try {
                    birth = LocalDate.parse(value, BASIC);
                    go(Step.PHONE);
                } catch (DateTimeParseException e) {
                    messageText.set(Text.of("password.birth.invalid"));
                }
            }
            case PHONE -> {
                if (value.length() < 10 || value.length() > 11) {
                    messageText.set(Text.of("password.phone.invalid"));
                } else {
                    verify(value);
                }
            }
            case CURRENT -> {
                if (!value.isEmpty()) {
                    current = value;
                    go(Step.NEW);
                }
            }
            case NEW -> problem(value).ifPresentOrElse(p -> messageText.set(sentence(p)), () -> {
                fresh = value;
                go(Step.REPEAT);
            });
            case REPEAT -> {
                if (!value.equals(fresh)) {
                    fresh = "";
                    messageText.set(Text.of("password.rule.mismatch"));
                    go(Step.NEW);
                    messageText.set(Text.of("password.rule.mismatch"));
                } else {
                    save();
                }
            }
            case DONE -> { }
        }
    }

    private void go(Step next) {
        input.setLength(0);
        revealed.set(false);
        step.set(next);
        changed();
    }

    private void verify(String phone) {
        IdentityCheck check = new IdentityCheck(card, birth, phone);
        String c = card;
        busy.set(true);
        long g = generation;
        scheduler.execute(() -> {
            CallResult<PatronId> result = circulation.verifyIdentity(check);
            dispatcher.dispatch(() -> {
                if (g != generation) {
                    return;
                }
                busy.set(false);
                switch (result) {
                    case CallResult.Ok<PatronId> ok -> {
                        throttle.recordSuccess(c);
                        patron = ok.value();
                        go(Step.NEW);
                    }
                    case CallResult.Refused<PatronId> r -> {
                        LOG.info("Identity check of {} refused: {}", CardNumbers.mask(c), r.reason().code());
                        if ("identity_not_confirmed".equals(r.reason().code())) {
                            throttle.recordFailure(c);
                        }
                        input.setLength(0);
                        step.set(Step.CARD);
                        changed();
                        messageText.set(Text.refusal(r.reason()));
                    }
                    default -> messageText.set(Text.of("login.unreachable"));
                }
            });
        });
    }

    private void save() {
        if (patron == null) {
            return;
        }
        PatronId id = patron;
        String newPassword = fresh;
        String old = current;
        Mode m = mode.get();
        busy.set(true);
        long g = generation;
        scheduler.execute(() -> {
            CallResult<Done> result = m == Mode.REGISTER
                    ? circulation.setPassword(id, newPassword) : circulation.changePassword(id, old, newPassword);
            dispatcher.dispatch(() -> {
                if (g != generation) {
                    return;
                }
                busy.set(false);
                switch (result) {
                    case CallResult.Ok<Done> ok -> {
                        LOG.info("Password {} for patron {}", m == Mode.REGISTER ? "registered" : "changed", id);
                        forgetSecrets();
                        go(Step.DONE);
                    }
                    case CallResult.Refused<Done> r -> {
                        forgetSecrets();
                        go(m == Mode.CHANGE && "invalid_credentials".equals(r.reason().code()) ? Step.CURRENT : Step.NEW);
                        messageText.set(Text.refusal(r.reason()));
                    }
                    default -> messageText.set(Text.of("login.unreachable"));
                }
            });
        });
    }

    private void forgetSecrets() {
        current = "";
        fresh = "";
        input.setLength(0);
    }

    /** Forgets everything typed (leaving the screen, the end of a session). */
    public void clear() {
        generation++;
        forgetSecrets();
        card = "";
        birth = null;
        patron = null;
        busy.set(false);
        revealed.set(false);
        step.set(Step.CARD);
        messageText.set(Text.NONE);
        liveCheckText.set(Text.NONE);
        inputVersion.set(inputVersion.get() + 1);
    }

    // ---- state

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** What is typed, as drawn: dots for passwords unless "show" is held. */
    public StringBinding shownProperty() {
        return shown;
    }

    /** The library's rule in words, shown before typing. */
    public StringBinding policyTextProperty() {
        return policyText;
    }

    /** While typing the new password: what is wrong with it so far, or that it is fine. */
    public StringBinding liveCheckProperty() {
        return liveCheck;
    }

    public StringBinding messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Nothing of a patron is held (for the privacy test). */
    public boolean holdsNothing() {
        return input.isEmpty() && card.isEmpty() && birth == null && current.isEmpty() && fresh.isEmpty() && patron == null;
    }
}

package org.opackiosk.app.account;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.i18n.Text;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.PatronSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * メールアドレス登録・変更 for the logged-in patron: up to two addresses, add, change, delete.
 * Addresses are checked as typed ({@link EmailCheck}); re-entering the current address is not a
 * change; deleting the address holds are notified by is refused with the way out. After a change the
 * server sends a confirmation e-mail and the patron is told so. UI thread only; never logs an address.
 */
public final class EmailViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EmailViewModel.class);

    public enum Slot { PRIMARY, SECONDARY }

    public enum Step { LIST, EDIT, DELETE, DONE }

    private final CirculationService circulation;
    private final PatronSession session;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Localization l10n;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.LIST);
    private final ReadOnlyObjectWrapper<Slot> slot = new ReadOnlyObjectWrapper<>(this, "slot", Slot.PRIMARY);
    private final ReadOnlyStringWrapper primary = new ReadOnlyStringWrapper(this, "primary", "");
    private final ReadOnlyStringWrapper secondary = new ReadOnlyStringWrapper(this, "secondary", "");
    private final ReadOnlyStringWrapper typed = new ReadOnlyStringWrapper(this, "typed", "");
    // sentences kept as what they mean, rendered in the current language (a switch mid-screen re-renders them)
    private final javafx.beans.property.ObjectProperty<Text> checkText =
            new javafx.beans.property.SimpleObjectProperty<>(this, "check", Text.NONE);
    private final javafx.beans.binding.StringBinding check;
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper(this, "suggestion", "");
    private final javafx.beans.property.ObjectProperty<Text> messageText =
            new javafx.beans.property.SimpleObjectProperty<>(this, "message", Text.NONE);
    private final javafx.beans.binding.StringBinding message;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper deleteRefused = new ReadOnlyBooleanWrapper(this, "deleteRefused", false);
    private final ReadOnlyBooleanWrapper secondaryOffered = new ReadOnlyBooleanWrapper(this, "secondaryOffered", false);
    private long generation;

    public EmailViewModel(CirculationService circulation, PatronSession session, Scheduler scheduler,
                          UiDispatcher dispatcher, Localization l10n) {
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.session = Objects.requireNonNull(session, "session");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        check = l10n.bind(checkText);
        message = l10n.bind(messageText);
    }

    /** Shows the patron's addresses; the second one only where the server keeps it. */
    public void open() {
        clear();
        session.current().ifPresent(p -> {
            primary.set(p.summary().email().orElse(""));
            secondary.set(p.summary().secondaryEmail().orElse(""));
        });
        long g = generation;
        scheduler.execute(() -> {
            boolean offered = circulation.capabilities().contains(Capability.SECONDARY_EMAIL);
            dispatcher.dispatch(() -> {
                if (g == generation) {
                    secondaryOffered.set(offered);
                }
            });
        });
    }

    /** The second address (予備) is shown and can be added: only where the server keeps one. */
    public ReadOnlyBooleanProperty secondaryOfferedProperty() {
        return secondaryOffered.getReadOnlyProperty();
    }

    public void edit(Slot which) {
        if (which == Slot.SECONDARY && !secondaryOffered.get()) {
            return;
        }
        slot.set(which);
        typed.set("");
        messageText.set(Text.NONE);
        recheck();
        step.set(Step.EDIT);
    }

    public void key(String text) {
        typed.set(typed.get() + text);
        recheck();
    }

    public void backspace() {
        String t = typed.get();
        if (!t.isEmpty()) {
            typed.set(t.substring(0, t.length() - 1));
            recheck();
        }
    }

    public void clearInput() {
        typed.set("");
        recheck();
    }

    /** Takes the suggested address ("docomo.ne.jp にしますか？"). */
    public void acceptSuggestion() {
        if (!suggestion.get().isEmpty()) {
            typed.set(suggestion.get());
            recheck();
        }
    }

    private void recheck() {
        messageText.set(Text.NONE);
        if (typed.get().isEmpty()) {
            checkText.set(Text.NONE);
            suggestion.set("");
            return;
        }
        EmailCheck.Result r = EmailCheck.check(typed.get());
        suggestion.set(r.suggestion().orElse(""));
        checkText.set(r.problem().map(p -> Text.of("email.problem." + p.name().toLowerCase(java.util.Locale.ROOT)))
                .orElse(r.oldCarrierForm() ? Text.of("email.oldForm") : Text.NONE));
    }

    /** 登録する: saves the typed address in the chosen slot. */
    public void save() {
        EmailCheck.Result r = EmailCheck.check(typed.get());
        if (!r.accepted()) {
            messageText.set(checkText.get());
            return;
        }
        String currentOfSlot = slot.get() == Slot.PRIMARY ? primary.get() : secondary.get();
        if (r.address().equalsIgnoreCase(currentOfSlot)) {
            messageText.set(Text.of("email.unchanged"));
            return;
        }
        Optional<String> p = slot.get() == Slot.PRIMARY ? Optional.of(r.address()) : optional(primary.get());
        Optional<String> s = slot.get() == Slot.SECONDARY ? Optional.of(r.address()) : optional(secondary.get());
        update(p, s, "email.saved");
    }

    /** 削除 was touched: checks first whether holds are notified by e-mail. */
    public void askDelete(Slot which) {
        slot.set(which);
        messageText.set(Text.NONE);
        deleteRefused.set(false);
        Optional<LoggedInPatron> patron = session.current();
        if (patron.isEmpty()) {
            return;
        }
        boolean lastAddress = which == Slot.PRIMARY ? secondary.get().isEmpty() : primary.get().isEmpty();
        busy.set(true);
        long g = generation;
        var id = patron.get().id();
        scheduler.execute(() -> {
            CallResult<List<Hold>> holds = circulation.holds(id);
            dispatcher.dispatch(() -> {
                if (g != generation) {
                    return;
                }
                busy.set(false);
                boolean usedByHolds = holds instanceof CallResult.Ok<List<Hold>> ok
                        && ok.value().stream().anyMatch(h -> h.contactMethod() == ContactMethod.EMAIL);
                deleteRefused.set(which == Slot.PRIMARY && lastAddress && usedByHolds);
                step.set(Step.DELETE);
            });
        });
    }

    /** 削除する, on the confirmation step. */
    public void confirmDelete() {
        if (deleteRefused.get()) {
            return;
        }
        Optional<String> p = slot.get() == Slot.PRIMARY ? optional(secondary.get()) : optional(primary.get());
        // deleting the primary address moves the secondary one up
        update(p, Optional.empty(), "email.deleted");
    }

    public void backToList() {
        typed.set("");
        checkText.set(Text.NONE);
        suggestion.set("");
        messageText.set(Text.NONE);
        deleteRefused.set(false);
        secondaryOffered.set(false);
        step.set(Step.LIST);
    }

    private void update(Optional<String> p, Optional<String> s, String doneKey) {
        Optional<LoggedInPatron> patron = session.current();
        if (patron.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        long g = generation;
        LoggedInPatron who = patron.get();
        scheduler.execute(() -> {
            CallResult<Done> result = circulation.updateEmails(who.id(), p, s);
            CallResult<PatronSummary> refreshed = result.isOk() ? circulation.patronSummary(who.id()) : null;
            dispatcher.dispatch(() -> {
                if (g != generation) {
                    return;
                }
                busy.set(false);
                switch (result) {
                    case CallResult.Ok<Done> ok -> {
                        LOG.info("E-mail addresses updated for patron {}", who.id());
                        if (refreshed instanceof CallResult.Ok<PatronSummary> sum) {
                            session.update(new LoggedInPatron(who.id(), who.cardNumber(), sum.value()));
                        }
                        primary.set(p.orElse(""));
                        secondary.set(s.orElse(""));
                        typed.set("");
                        messageText.set(Text.of(doneKey));
                        step.set(Step.DONE);
                    }
                    case CallResult.Refused<Done> r -> messageText.set(Text.refusal(r.reason()));
                    default -> messageText.set(Text.of("login.unreachable"));
                }
            });
        });
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public void clear() {
        generation++;
        primary.set("");
        secondary.set("");
        typed.set("");
        checkText.set(Text.NONE);
        suggestion.set("");
        messageText.set(Text.NONE);
        busy.set(false);
        deleteRefused.set(false);
        step.set(Step.LIST);
        slot.set(Slot.PRIMARY);
    }

    public boolean holdsNothing() {
        return primary.get().isEmpty() && secondary.get().isEmpty() && typed.get().isEmpty() && message.get().isEmpty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Slot> slotProperty() {
        return slot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty primaryProperty() {
        return primary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secondaryProperty() {
        return secondary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty typedProperty() {
        return typed.getReadOnlyProperty();
    }

    /** What is wrong with the typed address (or the note on old carrier forms); empty when fine. */
    public javafx.beans.binding.StringBinding checkProperty() {
        return check;
    }

    /** The address with a common domain typo corrected; empty when there is none. */
    public ReadOnlyStringProperty suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    public javafx.beans.binding.StringBinding messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The address to delete is the one holds are notified by: deleting is refused, with the way out. */
    public ReadOnlyBooleanProperty deleteRefusedProperty() {
        return deleteRefused.getReadOnlyProperty();
    }
}

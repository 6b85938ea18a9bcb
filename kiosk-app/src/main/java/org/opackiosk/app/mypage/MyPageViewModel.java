package org.opackiosk.app.mypage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.app.holds.HoldChoices;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.i18n.Text;
import org.opackiosk.app.offline.OfflineFeature;
import org.opackiosk.app.offline.QueuedRequest;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.PatronSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * My page (利用状況): the patron's loans with 延長, holds with cancel and change while they only
 * wait, and the cancelled/expired holds with 確認済. Every change goes through a confirmation step
 * ({@link #confirmationProperty()}) whose default is never the destructive choice.
 *
 * <p>UI thread only; server calls run on the {@link Scheduler} and come back through the
 * {@link UiDispatcher}. {@link #clear()} forgets everything (the session ended).
 */
public final class MyPageViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MyPageViewModel.class);

    public enum Tab { LOANS, HOLDS, CANCELLED }

    /** What is waiting for the patron's yes or no. */
    public sealed interface Confirmation {
        record Renew(Loan loan, Optional<LocalDate> newDueDate) implements Confirmation {
        }

        record Cancel(Hold hold) implements Confirmation {
        }

        /** Change the pickup library or the contact method of a hold (choices on one screen). */
        record Change(Hold hold) implements Confirmation {
        }
    }

    private final CirculationService circulation;
    private final PatronSession session;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Localization l10n;

    private final ObservableList<Loan> loans = FXCollections.observableArrayList();
    private final ObservableList<Hold> holds = FXCollections.observableArrayList();
    private final ObservableList<CancelledHold> cancelled = FXCollections.observableArrayList();
    private final ObservableList<Library> pickupLibraries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Tab> tab = new ReadOnlyObjectWrapper<>(this, "tab", Tab.LOANS);
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>(this, "confirmation");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private java.util.function.BooleanSupplier offline = () -> false;
    private final javafx.beans.binding.ObjectBinding<OfflineFeature> offlineFeature = javafx.beans.binding.Bindings.createObjectBinding(
            () -> confirmation.get() instanceof Confirmation.Renew ? OfflineFeature.RENEWAL : OfflineFeature.MY_PAGE, confirmation);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    // the sentence kept as what it means, rendered in the current language (a switch mid-screen re-renders it)
    private final javafx.beans.property.ObjectProperty<Text> messageText =
            new javafx.beans.property.SimpleObjectProperty<>(this, "message", Text.NONE);
    private final javafx.beans.binding.StringBinding message;
    private final ReadOnlyStringWrapper patronName = new ReadOnlyStringWrapper(this, "patronName", "");
    // requests this kiosk took for the patron, from its outbox (ADR 0045); none without an outbox
    private final ObservableList<QueuedRequest> queued = FXCollections.observableArrayList();
    private Function<LoggedInPatron, List<QueuedRequest>> queuedSource = patron -> List.of();
    private java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    private Map<String, String> libraryNames = Map.of();
    private Set<Capability> capabilities = Set.of();
    private long generation;
    private Runnable changePassword = () -> { };
    private Runnable emailAddresses = () -> { };
    private Runnable openCart = () -> { };
    private final javafx.beans.property.ReadOnlyIntegerWrapper cartSize =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "cartSize", 0);

    public MyPageViewModel(CirculationService circulation, PatronSession session, Scheduler scheduler,
                           UiDispatcher dispatcher, Localization l10n) {
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.session = Objects.requireNonNull(session, "session");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        message = l10n.bind(messageText);
    }

    private record Snapshot(CallResult<List<Loan>> loans, CallResult<List<Hold>> holds,
                            CallResult<List<CancelledHold>> cancelled, CallResult<List<Library>> libraries,
                            Set<Capability> capabilities, List<QueuedRequest> queued) {
    }

    /** Reads everything afresh (opening the page, after every change). */
    public void open() {
        Optional<LoggedInPatron> patron = session.current();
        if (patron.isEmpty()) {
            return;
        }
        patronName.set(patron.get().summary().displayName());
        loading.set(true);
        long current = generation;
        var id = patron.get().id();
        LoggedInPatron who = patron.get();
        Function<LoggedInPatron, List<QueuedRequest>> source = queuedSource;
        scheduler.execute(() -> {
            Snapshot s = new Snapshot(circulation.loans(id), circulation.holds(id), circulation.cancelledHolds(id),
                    circulation.libraries(), circulation.capabilities(), queuedOf(source, who));
            dispatcher.dispatch(() -> {
                if (current == generation) {
                    loaded(s);
                }
            });
        });
    }

    private static List<QueuedRequest> queuedOf(Function<LoggedInPatron, List<QueuedRequest>> source, LoggedInPatron who) {
        try {
            return source.apply(who);
        } catch (RuntimeException e) {
            LOG.warn("The kiosk's queued requests could not be read", e);
            return List.of();
        }
    }

    private void loaded(Snapshot s) {
        loading.set(false);
        queued.setAll(s.queued());
        capabilities = s.capabilities();
        if (s.libraries() instanceof CallResult.Ok<List<Library>> ok) {
            libraryNames = ok.value().stream().collect(Collectors.toMap(Library::id, Library::name, (a, b) -> a));
            pickupLibraries.setAll(ok.value().stream().filter(Library::pickupLocation).toList());
        }
        if (s.loans() instanceof CallResult.Ok<List<Loan>> ok) {
            loans.setAll(ok.value());
        }
        if (s.holds() instanceof CallResult.Ok<List<Hold>> ok) {
            holds.setAll(ok.value());
        }
        if (s.cancelled() instanceof CallResult.Ok<List<CancelledHold>> ok) {
            cancelled.setAll(ok.value());
        }
        if (!s.loans().isOk() || !s.holds().isOk()) {
            LOG.info("My page incomplete: loans {}, holds {}", s.loans().getClass().getSimpleName(),
                    s.holds().getClass().getSimpleName());
            messageText.set(Text.of("mypage.unreachable"));
        }
    }

    /** Where My page learns that the library's system cannot be reached: a renewal is then refused, not sent. */
    public void setOffline(java.util.function.BooleanSupplier offline) {
        this.offline = Objects.requireNonNull(offline, "offline");
    }

    /** What is refused while offline with the page as it is now: the renewal being confirmed, or the page itself. */
    public javafx.beans.binding.ObjectBinding<OfflineFeature> offlineFeature() {
        return offlineFeature;
    }

    public void showTab(Tab t) {
        tab.set(Objects.requireNonNull(t, "t"));
        messageText.set(Text.NONE);
    }

    // ---- renew

    /** 延長 was touched: show the new due date before anything happens. */
    public void askRenew(Loan loan) {
        if (loan.renewal() instanceof Loan.Renewal.NotAllowed no) {
            messageText.set(Text.refusal(no.reason()));
            return;
        }
        Optional<LocalDate> newDue = ((Loan.Renewal.Allowed) loan.renewal()).newDueDate();
        messageText.set(Text.NONE);
        confirmation.set(new Confirmation.Renew(loan, newDue));
    }

    public void confirmRenew() {
        if (!(confirmation.get() instanceof Confirmation.Renew r)) {
            return;
        }
        if (offline.getAsBoolean()) {
            // a renewal is never queued: the server decides it, and the patron must know the new due date now (issue 7)
            messageText.set(language -> OfflineFeature.RENEWAL.message(language).get() + "\n"
                    + OfflineFeature.RENEWAL.hint(language).get());
            return;
        }
        run(p -> circulation.renew(p, r.loan().checkoutId()).map(renewed ->
                (Text) language -> language.get("mypage.renewed", r.loan().title(), date(renewed.dueDate()))));
    }

    // ---- holds

    public void askCancel(Hold hold) {
        if (hold.changeableByPatron()) {
            messageText.set(Text.NONE);
            confirmation.set(new Confirmation.Cancel(hold));
        }
    }

    public void confirmCancel() {
        if (!(confirmation.get() instanceof Confirmation.Cancel c)) {
            return;
        }
        run(p -> circulation.cancelHold(p, c.hold().holdId()).map(done -> Text.of("mypage.cancelled", c.hold().title())));
    }

    public void askChange(Hold hold) {
        if (hold.changeableByPatron()) {
            messageText.set(Text.NONE);
            confirmation.set(new Confirmation.Change(hold));
        }
    }

    public void changePickup(String libraryId) {
        if (confirmation.get() instanceof Confirmation.Change c && !c.hold().pickupLibraryId().equals(libraryId)) {
            run(p -> circulation.changePickupLibrary(p, c.hold().holdId(), libraryId)
                    .map(h -> Text.of("mypage.changed", h.title())));
        }
    }

    public void changeContact(ContactMethod method) {
        if (confirmation.get() instanceof Confirmation.Change c && c.hold().contactMethod() != method) {
            run(p -> circulation.changeContactMethod(p, c.hold().holdId(), method)
                    .map(h -> Text.of("mypage.changed", h.title())));
        }
    }

    /** No, or Back, on a confirmation: nothing happens. */
    public void dismissConfirmation() {
        confirmation.set(null);
    }

    /** Contact methods the patron may choose: e-mail only with an address; none without the capability. */
    public List<ContactMethod> contactChoices() {
        boolean hasEmail = session.current().map(p -> p.summary().email().isPresent()).orElse(false);
        return HoldChoices.contactMethods(capabilities, hasEmail);
    }

    // ---- cancelled holds

    public boolean canDismissCancelled() {
        return capabilities.contains(Capability.DISMISS_CANCELLED_HOLDS);
    }

    /** 確認済: the patron has seen it. */
    public void dismissCancelled(CancelledHold hold) {
        if (canDismissCancelled()) {
            confirmation.set(null);
            run(p -> circulation.dismissCancelledHold(p, hold.holdId()).map(done -> Text.NONE));
        }
    }

    // ---- the common path of every change

    private void run(Function<org.opackiosk.core.patron.PatronId, CallResult<Text>> call) {
        Optional<LoggedInPatron> patron = session.current();
        if (patron.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        long current = generation;
        var id = patron.get().id();
        scheduler.execute(() -> {
            CallResult<Text> result = call.apply(id);
            dispatcher.dispatch(() -> {
                if (current == generation) {
                    changed(result);
                }
            });
        });
    }

    private void changed(CallResult<Text> result) {
        busy.set(false);
        confirmation.set(null);
        switch (result) {
            case CallResult.Ok<Text> ok -> messageText.set(ok.value());
            case CallResult.Refused<Text> r -> messageText.set(Text.refusal(r.reason()));
            case CallResult.Unreachable<Text> u -> {
                LOG.info("Change not possible: {}", u.detail());
                messageText.set(Text.of("mypage.unreachable"));
            }
            case CallResult.Ambiguous<Text> a -> {
                LOG.warn("Change unanswered: {}", a.detail());
                messageText.set(Text.of("mypage.ambiguous"));
            }
        }
        open();
    }

    /** Where パスワード変更 leads (set by the composition of the screens). */
    public void setOnChangePassword(Runnable action) {
        this.changePassword = Objects.requireNonNull(action, "action");
    }

    /** The hold cart: how to open it and how many records it has (its button shows only when it has any). */
    public void setCart(Runnable open, javafx.beans.value.ObservableIntegerValue size) {
        this.openCart = Objects.requireNonNull(open, "open");
        cartSize.bind(size);
    }

    public javafx.beans.property.ReadOnlyIntegerProperty cartSizeProperty() {
        return cartSize.getReadOnlyProperty();
    }

    public void openCart() {
        openCart.run();
    }

    /**
     * Where the requests this kiosk took for the patron come from (read off the UI thread with the rest of
     * the page), and the kiosk's time zone for when they were taken. Set when the kiosk has an outbox.
     */
    public void setQueuedRequests(Function<LoggedInPatron, List<QueuedRequest>> source, java.time.ZoneId zone) {
        this.queuedSource = Objects.requireNonNull(source, "source");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Requests taken at this kiosk for the patron and where they stand; empty when there are none. */
    public ObservableList<QueuedRequest> queuedRequests() {
        return queued;
    }

    /**
     * Whether a change to this hold or loan (its hold or checkout id) taken at this kiosk still waits to be
     * sent: then its buttons are not offered, so the same change is not asked for twice.
     */
    /** 延長 is offered for {@code loan}: the server allows it and no change to it waits in this kiosk's outbox. */
    public boolean renewOffered(Loan loan) {
        return loan.renewal() instanceof Loan.Renewal.Allowed && !changeWaiting(loan.checkoutId());
    }

    /**
     * 変更 and 取消 are offered for {@code hold}: only while it waits in the queue — not 回送中, 予約確保 or in
     * processing, which the counter handles — and no change to it waits in this kiosk's outbox.
     */
    public boolean holdChangeOffered(Hold hold) {
        return hold.changeableByPatron() && !changeWaiting(hold.holdId());
    }

    /** The hold's status in words, in the current language: 予約中（N番目）, 回送中, 予約確保：DATEまで … */
    public String holdStatus(Hold hold) {
        return switch (hold.status()) {
            case WAITING -> hold.queuePosition()
                    .map(p -> l10n.get("mypage.hold.waitingAt", p))
                    .orElse(l10n.get("mypage.hold.waiting"));
            case IN_TRANSIT -> l10n.get("mypage.hold.inTransit");
            case IN_PROCESSING -> l10n.get("mypage.hold.inProcessing");
            case READY -> hold.pickupBy()
                    .map(d -> l10n.get("mypage.hold.readyUntil", date(d)))
                    .orElse(l10n.get("mypage.hold.ready"));
        };
    }

    public boolean changeWaiting(String holdOrCheckoutId) {
        return queued.stream().filter(q -> q.entry().state().open()).map(q -> q.entry().operation())
                .anyMatch(op -> switch (op) {
                    case Operation.CancelHold c -> c.holdId().equals(holdOrCheckoutId);
                    case Operation.ChangePickupLibrary c -> c.holdId().equals(holdOrCheckoutId);
                    case Operation.ChangeContactMethod c -> c.holdId().equals(holdOrCheckoutId);
                    case Operation.DismissCancelledHold d -> d.holdId().equals(holdOrCheckoutId);
                    case Operation.RenewLoan r -> r.checkoutId().equals(holdOrCheckoutId);
                    case Operation.PlaceHold h -> false;
                });
    }

    /** One queued request's lines: what, when it was taken, where it stands. */
    public List<String> queuedText(QueuedRequest request) {
        return List.of(request.what(l10n), l10n.get("queued.taken", request.when(l10n, zone)), request.status(l10n));
    }

    /** Where メールアドレス leads (set by the composition of the screens). */
    public void setOnEmail(Runnable action) {
        this.emailAddresses = Objects.requireNonNull(action, "action");
    }

    public void emailAddresses() {
        emailAddresses.run();
    }

    public void changePassword() {
        changePassword.run();
    }

    // ---- words

    public String libraryName(String id) {
        return libraryNames.getOrDefault(id, id);
    }

    public String date(LocalDate d) {
        return DateTimeFormatter.ofPattern(l10n.get("patron.date"), l10n.locale()).format(d);
    }

    // ---- state

    public ObservableList<Loan> loans() {
        return loans;
    }

    public ObservableList<Hold> holds() {
        return holds;
    }

    public ObservableList<CancelledHold> cancelledHolds() {
        return cancelled;
    }

    public ObservableList<Library> pickupLibraries() {
        return pickupLibraries;
    }

    public ReadOnlyObjectProperty<Tab> tabProperty() {
        return tab.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last change or why it failed; empty when there is nothing to say. */
    public javafx.beans.binding.StringBinding messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty patronNameProperty() {
        return patronName.getReadOnlyProperty();
    }

    /** Forgets the patron: lists, choices, messages; answers still on their way are dropped. */
    public void clear() {
        generation++;
        loans.clear();
        holds.clear();
        cancelled.clear();
        queued.clear();
        pickupLibraries.clear();
        libraryNames = Map.of();
        confirmation.set(null);
        messageText.set(Text.NONE);
        patronName.set("");
        loading.set(false);
        busy.set(false);
        tab.set(Tab.LOANS);
    }

    /** Nothing of a patron is held (for the privacy test). */
    public boolean holdsNothing() {
        return loans.isEmpty() && holds.isEmpty() && cancelled.isEmpty() && queued.isEmpty() && confirmation.get() == null
                && message.get().isEmpty() && patronName.get().isEmpty();
    }
}

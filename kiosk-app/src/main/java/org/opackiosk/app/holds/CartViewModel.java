package org.opackiosk.app.holds;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.circulation.RefusalMessages;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.device.Slips;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.opackiosk.core.session.LoggedInPatron;
import org.opackiosk.core.session.PatronSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 予約カート: records collected while browsing, reviewed, unticked, and placed all at once with one
 * pickup library and contact method; the result per record. 順番予約: where the server offers ordered
 * series holds, the ticked records can be put in reading order and placed so that a later volume is
 * not allocated before an earlier one. UI thread only; server calls on the {@link Scheduler}.
 */
public final class CartViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CartViewModel.class);
    /** More than this is not a cart but a list; the server's hold limit is lower anyway. */
    public static final int MAX_ITEMS = 20;

    /** One record in the cart; {@code ticked} says whether it is placed. */
    public static final class Entry {
        private final String recordId;
        private final String title;
        private final BooleanProperty ticked = new SimpleBooleanProperty(true);

        Entry(String recordId, String title) {
            this.recordId = recordId;
            this.title = title;
        }

        public String recordId() {
            return recordId;
        }

        public String title() {
            return title;
        }

        public BooleanProperty tickedProperty() {
            return ticked;
        }
    }

    /** The outcome for one record. */
    public record Outcome(String title, boolean placed, String sentence) {
    }

    public enum Step { REVIEW, DONE }

    /** What the last 予約する placed, for a paper receipt: the pickup library and each placed title with its place. */
    public record Receipt(String pickupLibrary, List<Slips.PlacedHold> holds) {
        public Receipt {
            holds = List.copyOf(holds);
        }
    }

    private final CirculationService circulation;
    private final PatronSession session;
    private String kioskBranchId;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Localization l10n;

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Library> pickupLibraries = FXCollections.observableArrayList();
    private final ObservableList<ContactMethod> contactChoices = FXCollections.observableArrayList();
    private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> pickup = new ReadOnlyObjectWrapper<>(this, "pickup");
    private final ReadOnlyObjectWrapper<ContactMethod> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.REVIEW);
    private final ReadOnlyBooleanWrapper seriesOffered = new ReadOnlyBooleanWrapper(this, "seriesOffered", false);
    private final ReadOnlyBooleanWrapper inOrder = new ReadOnlyBooleanWrapper(this, "inOrder", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final IntegerBinding size = Bindings.size(entries);
    private final ReadOnlyObjectWrapper<Receipt> receipt = new ReadOnlyObjectWrapper<>(this, "receipt");
    /** Renders the last results again (language switch); nothing while there are none. */
    private Runnable rerender = () -> { };
    private java.util.OptionalInt holdLimit = java.util.OptionalInt.empty();
    /** シリーズを順番に予約 asked for 順番予約 before the server's offer was known (it is read on review). */
    private boolean inOrderWanted;
    private long generation;

    public CartViewModel(CirculationService circulation, PatronSession session, String kioskBranchId, Scheduler scheduler,
                         UiDispatcher dispatcher, Localization l10n) {
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.session = Objects.requireNonNull(session, "session");
        this.kioskBranchId = Objects.requireNonNull(kioskBranchId, "kioskBranchId");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        l10n.localeProperty().addListener((obs, old, now) -> {
            if (!outcomes.isEmpty()) {
                rerender.run();
            }
        });
    }

    /** Staff: the pickup library a hold starts with, from now until the kiosk restarts (ADR 0075). UI thread. */
    public void setDefaultPickup(String branchId) {
        kioskBranchId = Objects.requireNonNull(branchId, "branchId");
    }

    public String defaultPickup() {
        return kioskBranchId;
    }

    /** {@code [library] max_holds} (ADR 0111): records past the limit are refused before the server is asked. */
    public void setHoldLimit(java.util.OptionalInt limit) {
        holdLimit = Objects.requireNonNull(limit, "limit");
    }

    /** 予約カートに入れる; a record already in the cart, or a full cart, is left as it is. Returns whether it was added. */
    public CartAdder.Outcome add(String recordId, String title) {
        if (entries.stream().anyMatch(e -> e.recordId().equals(recordId))) {
            return CartAdder.Outcome.ALREADY_IN_CART;
        }
        if (entries.size() >= MAX_ITEMS) {
            return CartAdder.Outcome.FULL;
        }
        entries.add(new Entry(recordId, title));
        return CartAdder.Outcome.ADDED;
    }

    /**
     * シリーズを順番に予約 from a record's page: the volumes go to the top of the cart in the given order,
     * ticked, and 順番予約 is chosen (once the server is known to offer it); whatever else is in the cart
     * stays, unticked, for later. Volumes already in the cart are moved, not added twice; volumes that do
     * not fit in the cart ({@link #MAX_ITEMS}) are left out.
     */
    public void addSeries(List<SeriesAdder.Volume> volumes) {
        List<Entry> series = new ArrayList<>();
        int room = MAX_ITEMS - entries.size();
        for (SeriesAdder.Volume v : volumes) {
            Optional<Entry> there = entries.stream().filter(e -> e.recordId().equals(v.recordId())).findFirst();
            if (there.isPresent()) {
                series.add(there.get());
            } else if (room > 0) {
                series.add(new Entry(v.recordId(), v.title()));
                room--;
            }
        }
        List<Entry> rest = entries.stream().filter(e -> !series.contains(e)).toList();
        rest.forEach(e -> e.tickedProperty().set(false));
        series.forEach(e -> e.tickedProperty().set(true));
        List<Entry> ordered = new ArrayList<>(series);
        ordered.addAll(rest);
        entries.setAll(ordered);
        inOrderWanted = true;
        inOrder.set(seriesOffered.get());
    }

    public void remove(Entry entry) {
        entries.remove(entry);
    }

    public void moveUp(Entry entry) {
        int i = entries.indexOf(entry);
        if (i > 0) {
            entries.remove(i);
            entries.add(i - 1, entry);
        }
    }

    public void moveDown(Entry entry) {
        int i = entries.indexOf(entry);
        if (i >= 0 && i < entries.size() - 1) {
            entries.remove(i);
            entries.add(i + 1, entry);
        }
    }

    /** 順番予約: place the ticked records as one ordered series hold (only where offered). */
    public void setInOrder(boolean ordered) {
        inOrder.set(ordered && seriesOffered.get());
    }

    private record Choices(CallResult<List<Library>> libraries, Set<Capability> capabilities) {
    }

    /** Opens the cart for review (the patron is logged in): reads pickup libraries and what the server offers. */
    public void review() {
        step.set(Step.REVIEW);
        outcomes.clear();
        rerender = () -> { };
        Optional<LoggedInPatron> patron = session.current();
        if (patron.isEmpty()) {
            return;
        }
        boolean hasEmail = patron.get().summary().email().isPresent();
        busy.set(true);
        long g = generation;
        scheduler.execute(() -> {
            Choices c = new Choices(circulation.libraries(), circulation.capabilities());
            dispatcher.dispatch(() -> {
                if (g != generation) {
                    return;
                }
                busy.set(false);
                if (c.libraries() instanceof CallResult.Ok<List<Library>> ok) {
                    pickupLibraries.setAll(ok.value().stream().filter(Library::pickupLocation).toList());
                    pickup.set(HoldChoices.firstPickup(pickupLibraries, kioskBranchId));
                }
                contactChoices.setAll(HoldChoices.contactMethods(c.capabilities(), hasEmail));
                contact.set(HoldChoices.firstContact(hasEmail));
                seriesOffered.set(c.capabilities().contains(Capability.ORDERED_SERIES_HOLDS));
                inOrder.set((inOrder.get() || inOrderWanted) && seriesOffered.get());
                inOrderWanted = false;
            });
        });
    }

    public void choosePickup(String libraryId) {
        pickup.set(libraryId);
    }

    public void chooseContact(ContactMethod method) {
        if (contactChoices.contains(method)) {
            contact.set(method);
        }
    }

    /**
     * Places every ticked record (or the series, in order) with the chosen pickup and contact. What the kiosk can
     * tell first ({@link HoldPrechecks}: the card, material not for loan, a record already held, the hold limit
     * counting the records placed before it in the cart's order) is refused per record without asking the server;
     * the rest is sent.
     */
    public void placeAll() {
        Optional<LoggedInPatron> patron = session.current();
        List<Entry> ticked = entries.stream().filter(e -> e.tickedProperty().get()).toList();
        if (patron.isEmpty() || ticked.isEmpty() || pickup.get() == null || busy.get()) {
            return;
        }
        PatronId id = patron.get().id();
        Optional<HoldPrechecks.Refused> card = HoldPrechecks.patron(patron.get().summary());
        String pickupId = pickup.get();
        ContactMethod method = contact.get();
        boolean ordered = inOrder.get();
        java.util.OptionalInt limit = holdLimit;
        String pickupName = pickupLibraries.stream().filter(l -> l.id().equals(pickupId)).map(Library::name)
                .findFirst().orElse(pickupId);
        busy.set(true);
        long g = generation;
        scheduler.execute(() -> {
            List<Raw> results = new ArrayList<>();
            List<Entry> placed = new ArrayList<>();
            List<Entry> toSend = new ArrayList<>();
            if (card.isPresent()) {
                ticked.forEach(e -> results.add(new Raw.RefusedByKiosk(e, card.get())));
            } else {
                CallResult<List<Hold>> current = circulation.holds(id);
                // once the server does not answer, the rest is not asked: a patron must not wait one timeout per
                // record before the holds are sent (or kept in the outbox); the server checks them then
                boolean answering = !(current instanceof CallResult.Unreachable);
                for (Entry e : ticked) {
                    CallResult<RecordAvailability> copies = answering ? circulation.availability(e.recordId())
                            : CallResult.unreachable("not asked: the server did not answer");
                    answering &= !(copies instanceof CallResult.Unreachable);
                    Optional<HoldPrechecks.Refused> no = HoldPrechecks.record(e.recordId(), copies, current, limit,
                            toSend.size());
                    if (no.isPresent()) {
                        results.add(new Raw.RefusedByKiosk(e, no.get()));
                    } else {
                        toSend.add(e);
                    }
                }
            }
            if (ordered && toSend.size() > 1) {
                CallResult<List<Hold>> r = circulation.placeHold(new HoldRequest(id,
                        toSend.stream().map(Entry::recordId).toList(), pickupId, method));
                for (int i = 0; i < toSend.size(); i++) {
                    Entry e = toSend.get(i);
                    Optional<Hold> hold = r instanceof CallResult.Ok<List<Hold>> ok && i < ok.value().size()
                            ? Optional.of(ok.value().get(i)) : Optional.empty();
                    results.add(new Raw.Sent(e, r, hold));
                    if (r.isOk() || r instanceof CallResult.Ambiguous) { // saved ones are sent later: not twice
                        placed.add(e);
                    }
                }
            } else {
                for (Entry e : toSend) {
                    CallResult<List<Hold>> r = circulation.placeHold(HoldRequest.single(id, e.recordId(), pickupId, method));
                    results.add(new Raw.Sent(e, r, r instanceof CallResult.Ok<List<Hold>> ok ? ok.value().stream().findFirst()
                            : Optional.empty()));
                    if (r.isOk() || r instanceof CallResult.Ambiguous) { // saved ones are sent later: not twice
                        placed.add(e);
                    }
                }
            }
            results.sort(java.util.Comparator.comparingInt(x -> ticked.indexOf(x.entry()))); // the cart's order
            dispatcher.dispatch(() -> {
                if (g != generation) {
                    return;
                }
                busy.set(false);
                for (Raw x : results) {
                    if (x instanceof Raw.RefusedByKiosk no) {
                        LOG.info("Cart hold refused by the kiosk: {}", no.refused().code());
                    } else if (x instanceof Raw.Sent sent && sent.result() instanceof CallResult.Refused<List<Hold>> no) {
                        LOG.info("Cart hold refused: {}", no.reason().code());
                    }
                }
                // kept as results, so a switch of language on the result re-says every line in the new language
                rerender = () -> outcomes.setAll(results.stream().map(x -> outcome(x, pickupName)).toList());
                rerender.run();
                List<Slips.PlacedHold> onPaper = results.stream()
                        .filter(x -> x instanceof Raw.Sent sent && sent.result().isOk()).map(Raw.Sent.class::cast)
                        .map(x -> new Slips.PlacedHold(x.entry().title(), x.hold().flatMap(Hold::queuePosition))).toList();
                receipt.set(onPaper.isEmpty() ? null : new Receipt(pickupName, onPaper));
                entries.removeAll(placed);
                step.set(Step.DONE);
            });
        });
    }

    /** One record's result: the server's answer to what was sent, or the kiosk's own refusal (nothing sent). */
    private sealed interface Raw {
        Entry entry();

        record Sent(Entry entry, CallResult<List<Hold>> result, Optional<Hold> hold) implements Raw {
        }

        record RefusedByKiosk(Entry entry, HoldPrechecks.Refused refused) implements Raw {
        }
    }

    private Outcome outcome(Raw x, String pickupName) {
        return switch (x) {
            case Raw.RefusedByKiosk no -> new Outcome(no.entry().title(), false, no.refused().sentence().in(l10n));
            case Raw.Sent sent -> outcome(sent.entry(), sent.result(), sent.hold(), pickupName);
        };
    }

    private Outcome outcome(Entry e, CallResult<List<Hold>> r, Optional<Hold> hold, String pickupName) {
        return switch (r) {
            case CallResult.Ok<List<Hold>> ok -> new Outcome(e.title(), true, hold.flatMap(Hold::queuePosition)
                    .map(p -> l10n.get("cart.placedAt", pickupName, p)).orElse(l10n.get("cart.placed", pickupName)));
            case CallResult.Refused<List<Hold>> no -> new Outcome(e.title(), false, RefusalMessages.text(no.reason(), l10n.locale()));
            // saved in the outbox, not answered yet: it is sent later, so the patron must not place it again (ADR 0044)
            case CallResult.Ambiguous<List<Hold>> saved -> new Outcome(e.title(), false, l10n.get("hold.ambiguous"));
            case CallResult.Unreachable<List<Hold>> notSaved -> new Outcome(e.title(), false, l10n.get("hold.unreachable"));
        };
    }

    public void backToReview() {
        outcomes.clear();
        rerender = () -> { };
        receipt.set(null);
        step.set(Step.REVIEW);
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public IntegerBinding sizeProperty() {
        return size;
    }

    public ObservableList<Library> pickupLibraries() {
        return pickupLibraries;
    }

    public ObservableList<ContactMethod> contactChoices() {
        return contactChoices;
    }

    public ObservableList<Outcome> outcomes() {
        return outcomes;
    }

    public ReadOnlyObjectProperty<String> pickupProperty() {
        return pickup.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContactMethod> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    /** The holds the last 予約する placed (for レシートを印刷); null before, when none was placed, and after leaving. */
    public ReadOnlyObjectProperty<Receipt> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Whether 順番予約 is offered (the server has ordered series holds); the option is hidden otherwise. */
    public ReadOnlyBooleanProperty seriesOfferedProperty() {
        return seriesOffered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty inOrderProperty() {
        return inOrder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Empties the cart and forgets the choices (the session ended). */
    public void clear() {
        generation++;
        entries.clear();
        pickupLibraries.clear();
        contactChoices.clear();
        outcomes.clear();
        rerender = () -> { };
        receipt.set(null);
        pickup.set(null);
        contact.set(null);
        seriesOffered.set(false);
        inOrder.set(false);
        inOrderWanted = false;
        busy.set(false);
        step.set(Step.REVIEW);
    }

    public boolean holdsNothing() {
        return entries.isEmpty() && outcomes.isEmpty() && receipt.get() == null;
    }
}

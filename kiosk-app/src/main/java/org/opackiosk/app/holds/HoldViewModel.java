package org.opackiosk.app.holds;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.holds.ContactMethod;
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
 * Placing a hold on one record (予約する): the kiosk first checks what it can (suspended, card
 * expired, every copy not for loan, already on hold, at the library's hold limit), then the patron chooses the pickup library (default: this kiosk's
 * branch) and how to be told (e-mail only with an address), then the confirmation shows the pickup
 * library and the place in the queue. Refusals are explained in plain words.
 *
 * <p>The caller makes sure a patron is logged in before {@link #start}. UI thread only; server calls
 * on the {@link Scheduler}. {@link #clear()} forgets everything.
 */
public final class HoldViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HoldViewModel.class);

    public enum Step { CHOOSE, PLACED, REFUSED }

    /** What the patron is told after placing: the record, where to pick it up, the place in the queue. */
    public record Placed(String title, String pickupLibrary, Optional<Integer> queuePosition) {
    }

    private final CirculationService circulation;
    private final PatronSession session;
    private String kioskBranchId;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Localization l10n;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.CHOOSE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ObservableList<Library> pickupLibraries = FXCollections.observableArrayList();
    private final ObservableList<ContactMethod> contactChoices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> pickup = new ReadOnlyObjectWrapper<>(this, "pickup");
    private final ReadOnlyObjectWrapper<ContactMethod> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    // the sentence kept as what it means, rendered in the current language (a switch on the refusal re-renders it, ADR 0113)
    private final javafx.beans.property.ObjectProperty<org.opackiosk.app.i18n.Text> messageText =
            new javafx.beans.property.SimpleObjectProperty<>(this, "message", org.opackiosk.app.i18n.Text.NONE);
    private final javafx.beans.binding.StringBinding message;
    private final ReadOnlyObjectWrapper<Placed> placed = new ReadOnlyObjectWrapper<>(this, "placed");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved", false);
    private String recordId;
    private long generation;
    private java.util.OptionalInt holdLimit = java.util.OptionalInt.empty();

    public HoldViewModel(CirculationService circulation, PatronSession session, String kioskBranchId, Scheduler scheduler,
                         UiDispatcher dispatcher, Localization l10n) {
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.session = Objects.requireNonNull(session, "session");
        this.kioskBranchId = Objects.requireNonNull(kioskBranchId, "kioskBranchId");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        message = l10n.bind(messageText);
    }

    /** Staff: the pickup library a hold starts with, from now until the kiosk restarts (ADR 0075). UI thread. */
    public void setDefaultPickup(String branchId) {
        kioskBranchId = Objects.requireNonNull(branchId, "branchId");
    }

    public String defaultPickup() {
        return kioskBranchId;
    }

    /**
     * The most current holds a patron may have ({@code [library] max_holds}, ADR 0111): at the limit a hold is refused
     * before the server is asked to place it. Empty: no such check; the server's refusal is explained.
     */
    public void setHoldLimit(java.util.OptionalInt limit) {
        holdLimit = Objects.requireNonNull(limit, "limit");
    }

    private record Preflight(CallResult<List<Hold>> holds, CallResult<List<Library>> pickups, Set<Capability> capabilities,
                             CallResult<org.opackiosk.core.circulation.RecordAvailability> availability) {
    }

    /** Starts a hold on {@code recordId} for the logged-in patron. */
    public void start(String recordId, String recordTitle) {
        clear();
        Optional<LoggedInPatron> patron = session.current();
        if (patron.isEmpty()) {
            return;
        }
        this.recordId = Objects.requireNonNull(recordId, "recordId");
        title.set(Objects.requireNonNull(recordTitle, "recordTitle"));
        // what the kiosk knows without asking: the summary read at login
        var summary = patron.get().summary();
        Optional<HoldPrechecks.Refused> card = HoldPrechecks.patron(summary);
        if (card.isPresent()) {
            refuse(card.get());
            return;
        }
        busy.set(true);
        PatronId id = patron.get().id();
        boolean hasEmail = summary.email().isPresent();
        long current = generation;
        scheduler.execute(() -> {
            Preflight p = new Preflight(circulation.holds(id), circulation.pickupLocations(recordId, id),
                    circulation.capabilities(), circulation.availability(recordId));
            dispatcher.dispatch(() -> {
                if (current == generation) {
                    preflown(p, hasEmail);
                }
            });
        });
    }

    private void preflown(Preflight p, boolean hasEmail) {
        busy.set(false);
        Optional<HoldPrechecks.Refused> refused = HoldPrechecks.record(recordId, p.availability(), p.holds(), holdLimit, 0);
        if (refused.isPresent()) {
            refuse(refused.get());
            return;
        }
        if (!(p.pickups() instanceof CallResult.Ok<List<Library>> libs) || libs.value().isEmpty()) {
            LOG.info("No pickup locations: {}", p.pickups());
            messageText.set(p.pickups() instanceof CallResult.Refused<List<Library>> r
                    ? org.opackiosk.app.i18n.Text.refusal(r.reason()) : org.opackiosk.app.i18n.Text.of("hold.unreachable"));
            step.set(Step.REFUSED);
            return;
        }
        List<Library> choices = libs.value().stream().filter(Library::pickupLocation).toList();
        pickupLibraries.setAll(choices.isEmpty() ? libs.value() : choices);
        pickup.set(HoldChoices.firstPickup(pickupLibraries, kioskBranchId));
        contactChoices.setAll(HoldChoices.contactMethods(p.capabilities(), hasEmail));
        contact.set(HoldChoices.firstContact(hasEmail));
        step.set(Step.CHOOSE);
    }

    public void choosePickup(String libraryId) {
        if (pickupLibraries.stream().anyMatch(l -> l.id().equals(libraryId))) {
            pickup.set(libraryId);
        }
    }

    public void chooseContact(ContactMethod method) {
        if (contactChoices.contains(method)) {
            contact.set(method);
        }
    }

    /** 予約する: the one main action. */
    public void place() {
        Optional<LoggedInPatron> patron = session.current();
        if (patron.isEmpty() || busy.get() || pickup.get() == null || step.get() != Step.CHOOSE) {
            return;
        }
        busy.set(true);
        messageText.set(org.opackiosk.app.i18n.Text.NONE);
        HoldRequest request = HoldRequest.single(patron.get().id(), recordId, pickup.get(), contact.get());
        String pickupName = libraryName(pickup.get());
        String recordTitle = title.get();
        long current = generation;
        scheduler.execute(() -> {
            CallResult<List<Hold>> result = circulation.placeHold(request);
            dispatcher.dispatch(() -> {
                if (current == generation) {
                    answered(result, recordTitle, pickupName);
                }
            });
        });
    }

    private void answered(CallResult<List<Hold>> result, String recordTitle, String pickupName) {
        busy.set(false);
        switch (result) {
            case CallResult.Ok<List<Hold>> ok -> {
                Optional<Integer> position = ok.value().stream().findFirst().flatMap(Hold::queuePosition);
                placed.set(new Placed(recordTitle, pickupName, position));
                step.set(Step.PLACED);
            }
            case CallResult.Refused<List<Hold>> r -> refuse(r.reason());
            case CallResult.Unreachable<List<Hold>> u -> {
                LOG.info("Hold not placed: {}", u.detail());
                messageText.set(org.opackiosk.app.i18n.Text.of("hold.unreachable"));
            }
            case CallResult.Ambiguous<List<Hold>> a -> {
                // through the outbox: saved, sent or checked later, never to be asked for again (ADR 0044)
                LOG.info("Hold saved, not answered yet: {}", a.detail());
                messageText.set(org.opackiosk.app.i18n.Text.of("hold.ambiguous"));
                saved.set(true);
                step.set(Step.REFUSED);
            }
        }
    }

    private void refuse(Refusal reason) {
        LOG.info("Hold refused: {}", reason.code());
        messageText.set(org.opackiosk.app.i18n.Text.refusal(reason));
        step.set(Step.REFUSED);
    }

    private void refuse(HoldPrechecks.Refused reason) {
        LOG.info("Hold refused by the kiosk: {}", reason.code());
        messageText.set(reason.sentence());
        step.set(Step.REFUSED);
    }

    public String libraryName(String id) {
        return pickupLibraries.stream().filter(l -> l.id().equals(id)).map(Library::name).findFirst().orElse(id);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<Library> pickupLibraries() {
        return pickupLibraries;
    }

    /** Empty when the server does not let the patron choose (the option is then not shown). */
    public ObservableList<ContactMethod> contactChoices() {
        return contactChoices;
    }

    public ReadOnlyObjectProperty<String> pickupProperty() {
        return pickup.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContactMethod> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public javafx.beans.binding.StringBinding messageProperty() {
        return message;
    }

    /** The hold is saved on this kiosk and not answered yet: it is sent (or checked) later, not refused. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Placed> placedProperty() {
        return placed.getReadOnlyProperty();
    }

    /** Forgets the record, the choices and the outcome. */
    public void clear() {
        generation++;
        recordId = null;
        title.set("");
        pickupLibraries.clear();
        contactChoices.clear();
        pickup.set(null);
        contact.set(null);
        busy.set(false);
        messageText.set(org.opackiosk.app.i18n.Text.NONE);
        placed.set(null);
        saved.set(false);
        step.set(Step.CHOOSE);
    }

    /** Nothing of a patron is held (for the privacy test). */
    public boolean holdsNothing() {
        return recordId == null && title.get().isEmpty() && placed.get() == null && messageText.get() == org.opackiosk.app.i18n.Text.NONE;
    }
}

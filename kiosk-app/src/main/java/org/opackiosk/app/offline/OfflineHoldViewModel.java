package org.opackiosk.app.offline;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.device.Slips;
import org.opackiosk.core.offline.CardInput;
import org.opackiosk.core.offline.OfflineHoldPolicy;
import org.opackiosk.core.offline.OfflineHolds;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hold request while the library's system is unreachable: scan the physical card, choose where
 * to pick the book up, get a receipt that says honestly what happens next — the request is saved
 * on this kiosk, sent when the connection returns, and the library's rules are checked then. No
 * password is asked for; a typed card number is refused. The card number is forgotten when the
 * flow ends. UI thread only; the outbox is written on a worker thread.
 */
public final class OfflineHoldViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineHoldViewModel.class);

    public enum Step {
        /** Nothing under way. */
        IDLE,
        /** Waiting for the patron to scan their card. */
        SCAN_CARD,
        /** The card may queue a hold: which branch? */
        CHOOSE_PICKUP,
        /** Being saved. */
        SAVING,
        /** Saved: the receipt is shown. */
        RECEIPT,
        /** Not queued: {@link #message()} says why and what to do. */
        REFUSED
    }

    private final OfflineHolds holds;
    private final CardNumberSource cards;
    private final Supplier<List<Library>> pickupLocations;
    private final Localization l10n;
    private final ZoneId zone;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.IDLE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper receipt = new ReadOnlyStringWrapper(this, "receipt", "");
    private final ObservableList<Library> pickups = FXCollections.observableArrayList();
    private final ObservableList<Library> pickupsView = FXCollections.unmodifiableObservableList(pickups);

    private Supplier<String> libraryName = () -> "";
    private Runnable wording = () -> { };
    // what the paper receipt repeats (never the card): set with the receipt, dropped by clear()
    private Slip slip;
    private String recordId;
    private CardInput card;
    private CardNumberSource.Registration listening;
    private long generation;

    /**
     * @param pickupLocations the branches patrons may pick up at, as last read from the server (or
     *                        configured); read each time the flow starts
     */
    public OfflineHoldViewModel(OfflineHolds holds, CardNumberSource cards, Supplier<List<Library>> pickupLocations,
                                Localization l10n, ZoneId zone, Scheduler scheduler, UiDispatcher dispatcher) {
        this.holds = Objects.requireNonNull(holds, "holds");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.pickupLocations = Objects.requireNonNull(pickupLocations, "pickupLocations");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        l10n.localeProperty().addListener((obs, old, now) -> wording.run());
    }

    /** The patron asked for a hold on this record while offline: ask for their card. */
    public void start(String recordId, String recordTitle) {
        clear();
        this.recordId = Objects.requireNonNull(recordId, "recordId");
        title.set(Objects.requireNonNull(recordTitle, "recordTitle"));
        say(() -> message.set(l10n.get("offline.hold.scan")));
        step.set(Step.SCAN_CARD);
        listening = cards.onCard(this::cardPresented);
    }

    /** A card was scanned (or typed) while this flow waits for one. */
    public void cardPresented(CardInput input) {
        if (step.get() != Step.SCAN_CARD) {
            return;
        }
        long mine = generation;
        stopListening();
        scheduler.execute(() -> {
            OfflineHoldPolicy.Decision decision = check(input);
            dispatcher.dispatch(() -> {
                if (mine != generation) {
                    return; // the flow was ended meanwhile
                }
                if (decision instanceof OfflineHoldPolicy.Refused refused) {
                    refuse(refused);
                    return;
                }
                card = input;
                pickups.setAll(pickupLocations.get().stream().filter(Library::pickupLocation).toList());
                say(() -> message.set(l10n.get("offline.hold.choosePickup")));
                step.set(Step.CHOOSE_PICKUP);
            });
        });
    }

    private OfflineHoldPolicy.Decision check(CardInput input) {
        try {
            return holds.check(input);
        } catch (RuntimeException e) {
            LOG.error("Offline hold: the queue could not be read", e);
            return null;
        }
    }

    /** The patron chose where to pick the book up: save the request. */
    public void choosePickup(String libraryId) {
        if (step.get() != Step.CHOOSE_PICKUP) {
            return;
        }
        Library pickup = pickups.stream().filter(l -> l.id().equals(libraryId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a pickup location: " + libraryId));
        CardInput input = card;
        String record = recordId;
        long mine = generation;
        step.set(Step.SAVING);
        say(() -> message.set(l10n.get("offline.hold.saving")));
        scheduler.execute(() -> {
            OfflineHolds.Result result = holds.queue(input, record, pickup.id());
            dispatcher.dispatch(() -> {
                if (mine != generation) {
                    return;
                }
                card = null; // the receipt shows it masked; nothing else needs it
                switch (result) {
                    case OfflineHolds.Queued queued -> showReceipt(queued, pickup);
                    case OfflineHolds.NotQueued notQueued when notQueued.storageFailed() -> {
                        say(() -> message.set(l10n.get("offline.refused.notSaved")));
                        step.set(Step.REFUSED);
                    }
                    case OfflineHolds.NotQueued notQueued -> refuse((OfflineHoldPolicy.Refused) notQueued.decision());
                }
            });
        });
    }

    private void showReceipt(OfflineHolds.Queued queued, Library pickup) {
        say(() -> {
            String when = DateTimeFormatter.ofPattern(l10n.get("offline.receipt.timeFormat"), l10n.locale())
                    .format(queued.queuedAt().atZone(zone));
            slip = Slips.offlineHoldQueued(libraryName.get(), title.get(), pickup.name(), when, queued.sequence(),
                    l10n.locale());
            receipt.set(String.join("\n",
                    l10n.get("offline.receipt.title", title.get()),
                    l10n.get("offline.receipt.pickup", pickup.name()),
                    l10n.get("offline.receipt.card", queued.maskedCard()),
                    l10n.get("offline.receipt.queuedAt", when),
                    l10n.get("offline.receipt.number", queued.sequence())));
            message.set(l10n.get("offline.receipt.whatNext"));
        });
        step.set(Step.RECEIPT);
    }

    // Sets the words now and again whenever the patron switches the language (日本語 / English).
    private void say(Runnable words) {
        wording = words;
        words.run();
    }

    private void refuse(OfflineHoldPolicy.Refused refused) {
        card = null;
        if (refused == null) {
            say(() -> message.set(l10n.get("offline.refused.notSaved")));
        } else {
            say(() -> message.set(switch (refused.reason()) {
                case TYPED_CARD_NUMBER -> l10n.get("offline.refused.typedCard");
                case CARD_LIMIT -> l10n.get("offline.refused.cardLimit", refused.limit());
                case KIOSK_LIMIT -> l10n.get("offline.refused.kioskLimit");
            }));
        }
        step.set(Step.REFUSED);
    }

    /** The library's name for the head of the paper receipt. */
    public void setLibraryName(Supplier<String> libraryName) {
        this.libraryName = Objects.requireNonNull(libraryName, "libraryName");
    }

    /**
     * The receipt on paper while it is shown: title, pickup library, time and number, never the card
     * number (the slip may be left at the kiosk). Empty before and after.
     */
    public java.util.Optional<Slip> receiptSlip() {
        return step.get() == Step.RECEIPT ? java.util.Optional.ofNullable(slip) : java.util.Optional.empty();
    }

    /** Ends the flow (done, cancel, idle timeout, logout): nothing of the patron is kept. */
    public void clear() {
        generation++;
        stopListening();
        card = null;
        recordId = null;
        title.set("");
        wording = () -> { };
        message.set("");
        receipt.set("");
        slip = null;
        pickups.clear();
        step.set(Step.IDLE);
    }

    private void stopListening() {
        if (listening != null) {
            listening.close();
            listening = null;
        }
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The record's title. */
    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    /** What to do now, or why not. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** The receipt, line by line: title, pickup branch, masked card, when, number. Empty before. */
    public ReadOnlyStringProperty receipt() {
        return receipt.getReadOnlyProperty();
    }

    public ObservableList<Library> pickupLocations() {
        return pickupsView;
    }
}

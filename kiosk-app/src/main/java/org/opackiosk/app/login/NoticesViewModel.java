package org.opackiosk.app.login;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.offline.QueuedRequest;
import org.opackiosk.core.patron.Notice;
import org.opackiosk.core.session.LoggedInPatron;

/**
 * What the patron must be told right after login, before anything else: card expiring or expired,
 * suspension, overdue items, holds ready for pickup. UI thread only.
 */
public final class NoticesViewModel {

    private final Localization l10n;
    private final Runnable onContinue;
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    // requests this kiosk took for the patron that the server refused, not told yet (ADR 0045)
    private final ObservableList<QueuedRequest> refusals = FXCollections.observableArrayList();
    private Consumer<List<UUID>> onAcknowledged = ids -> { };
    private ZoneId zone = ZoneId.systemDefault();

    public NoticesViewModel(Localization l10n, Runnable onContinue) {
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        this.onContinue = Objects.requireNonNull(onContinue, "onContinue");
    }

    /** Shows the notices of {@code patron}; returns whether there are any to show. */
    public boolean show(LoggedInPatron patron) {
        return show(patron, List.of());
    }

    /**
     * Shows the notices of {@code patron} and the refusals of requests this kiosk took for them that they
     * have not been told of; returns whether there is anything to show.
     */
    public boolean show(LoggedInPatron patron, List<QueuedRequest> refused) {
        notices.setAll(patron.summary().notices());
        refusals.setAll(refused);
        return !notices.isEmpty() || !refusals.isEmpty();
    }

    /**
     * What to do when the patron has read the refusals (their ids), and the kiosk's time zone for "when".
     * Set by the composition when the kiosk has an outbox.
     */
    public void setOnAcknowledged(Consumer<List<UUID>> action) {
        this.onAcknowledged = Objects.requireNonNull(action, "action");
    }

    public void setZone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Refused requests: what, when, and the server's reason. */
    public ObservableList<QueuedRequest> refusals() {
        return refusals;
    }

    /** One refusal as a sentence in the current language. */
    public String text(QueuedRequest refused) {
        return refused.refusalNotice(l10n, zone);
    }

    public ObservableList<Notice> notices() {
        return notices;
    }

    /** One notice as a sentence in the current language. */
    public String text(Notice notice) {
        return switch (notice) {
            case Notice.CardExpiresSoon n -> l10n.get("notice.cardExpiresSoon", date(n.expiryDate()));
            case Notice.CardExpired n -> l10n.get("notice.cardExpired", date(n.expiryDate()));
            case Notice.Suspended n -> l10n.get(switch (n.category()) {
                case OVERDUES -> "notice.suspended.overdues";
                case LATE_RETURNS -> "notice.suspended.lateReturns";
                case FINES -> "notice.suspended.fines";
                case MANUAL -> "notice.suspended.manual";
                case OTHER -> "notice.suspended";
            });
            case Notice.Overdue n -> l10n.get("notice.overdue", n.count());
            case Notice.HoldsReady n -> holdsReady(n);
        };
    }

    // one line per ready hold, each with its own last day, the first deadline first
    private String holdsReady(Notice.HoldsReady n) {
        StringBuilder text = new StringBuilder(l10n.get("notice.holdsReady", n.count()));
        for (Notice.ReadyHold hold : n.holds()) {
            text.append('\n').append(hold.title().isBlank()
                    ? l10n.get("notice.holdsReady.untitled", date(hold.lastDay()))
                    : l10n.get("notice.holdsReady.item", hold.title(), date(hold.lastDay())));
        }
        return text.toString();
    }

    private String date(LocalDate d) {
        return DateTimeFormatter.ofPattern(l10n.get("patron.date"), l10n.locale()).format(d);
    }

    /** The one way on; it also acknowledges the refusals shown, so the next login does not repeat them. */
    public void continueToMyPage() {
        if (!refusals.isEmpty()) {
            onAcknowledged.accept(refusals.stream().map(QueuedRequest::id).toList());
            refusals.clear();
        }
        onContinue.run();
    }

    public void clear() {
        notices.clear();
        refusals.clear();
    }
}

package org.opackiosk.app.offline;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.RefusalMessages;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;

/**
 * A request this kiosk took for the logged-in patron and kept in its outbox, with the record's title
 * looked up (off the UI thread) in the local catalogue: what the notices after login and My page show
 * (ADR 0045). Its sentences are made in the current language when shown.
 */
public record QueuedRequest(OutboxEntry entry, Optional<String> title) {

    public QueuedRequest {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(title, "title");
    }

    public UUID id() {
        return entry.id();
    }

    /** Looks up the title of the first record a hold names; other requests have none. Blocks on the index. */
    public static QueuedRequest of(OutboxEntry entry, Function<String, Optional<String>> titles) {
        Optional<String> title = entry.operation() instanceof Operation.PlaceHold hold
                ? titles.apply(hold.recordIds().get(0)) : Optional.empty();
        return new QueuedRequest(entry, title);
    }

    /** 「坊っちゃん」の予約 / the hold on "Botchan"; other kinds by what they do. */
    public String what(Localization l10n) {
        String kind = entry.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return title.map(t -> l10n.get("queued.what.titled." + kind, t)).orElseGet(() -> l10n.get("queued.what." + kind));
    }

    /** When the kiosk took it, in the kiosk's time zone. */
    public String when(Localization l10n, ZoneId zone) {
        return DateTimeFormatter.ofPattern(l10n.get("offline.receipt.timeFormat"), l10n.locale())
                .format(entry.createdAt().atZone(zone));
    }

    /** The notice after login: what, when, and the server's reason in plain words. */
    public String refusalNotice(Localization l10n, ZoneId zone) {
        String reason = entry.refusal().map(r -> RefusalMessages.text(r, l10n.locale()))
                .orElseGet(() -> l10n.get("queued.reason.unknown"));
        return l10n.get("queued.refused.notice", what(l10n), when(l10n, zone), reason);
    }

    /** My page: where it stands. */
    public String status(Localization l10n) {
        return switch (entry.state()) {
            case PENDING, SENDING -> l10n.get("queued.status.waiting");
            case DONE -> l10n.get("queued.status.done");
            case REFUSED -> l10n.get("queued.status.refused", entry.refusal()
                    .map(r -> RefusalMessages.text(r, l10n.locale())).orElseGet(() -> l10n.get("queued.reason.unknown")));
            case NEEDS_STAFF -> l10n.get("queued.status.staff");
        };
    }
}

package org.opackiosk.app.login;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opackiosk.app.i18n.Localization;
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

    public NoticesViewModel(Localization l10n, Runnable onContinue) {
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        this.onContinue = Objects.requireNonNull(onContinue, "onContinue");
    }

    /** Shows the notices of {@code patron}; returns whether there are any to show. */
    public boolean show(LoggedInPatron patron) {
        notices.setAll(patron.summary().notices());
        return !notices.isEmpty();
    }

    public ObservableList<Notice> notices() {
        return notices;
    }

    /** One notice as a sentence in the current language. */
    public String text(Notice notice) {
        return switch (notice) {
            case Notice.CardExpiresSoon n -> l10n.get("notice.cardExpiresSoon", date(n.expiryDate()));
            case Notice.CardExpired n -> l10n.get("notice.cardExpired", date(n.expiryDate()));
            case Notice.Suspended n -> n.reason().isBlank()
                    ? l10n.get("notice.suspended")
                    : l10n.get("notice.suspendedBecause", reason(n.reason()));
            case Notice.Overdue n -> l10n.get("notice.overdue", n.count());
            case Notice.HoldsReady n -> l10n.get("notice.holdsReady", n.count(), date(n.earliestLastDay()));
        };
    }

    // The server's category (e.g. OVERDUES, DEBT) in words; an unknown one is shown as the library wrote it.
    private String reason(String category) {
        String key = "notice.suspension." + category.toLowerCase(java.util.Locale.ROOT);
        String text = l10n.get(key);
        return text.equals(key) ? category : text;
    }

    private String date(LocalDate d) {
        return DateTimeFormatter.ofPattern(l10n.get("patron.date"), l10n.locale()).format(d);
    }

    public void continueToMyPage() {
        onContinue.run();
    }

    public void clear() {
        notices.clear();
    }
}

package org.opackiosk.app.holds;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.opackiosk.app.i18n.Text;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.patron.Notice;
import org.opackiosk.core.patron.PatronSummary;

/**
 * What the kiosk can tell before it asks the server to place a hold, the same for one hold ({@link HoldViewModel})
 * and for the hold cart ({@link CartViewModel}): a suspended or expired card (from the summary read at login),
 * material no copy of which may be lent, a record the patron already holds, and the library's hold limit
 * ({@code [library] max_holds}, ADR 0111). An answer the kiosk could not read is no reason to refuse: the server
 * decides then, and its refusal is explained. Stateless.
 */
final class HoldPrechecks {

    /** Why the kiosk refuses without asking: a code for the log and the sentence for the patron. */
    record Refused(String code, Text sentence) {
    }

    private HoldPrechecks() {
    }

    /** The card itself: suspended (貸出禁止) or expired. */
    static Optional<Refused> patron(PatronSummary summary) {
        if (summary.restriction().isPresent()) {
            return Optional.of(refusal(new Refusal("restricted", "refusal.restricted")));
        }
        if (summary.notices().stream().anyMatch(n -> n instanceof Notice.CardExpired)) {
            return Optional.of(refusal(new Refusal("expired", "refusal.expired")));
        }
        return Optional.empty();
    }

    /**
     * One record: every copy not for loan, already on hold, or the limit reached counting {@code placedNow} holds
     * placed since {@code holds} was read.
     */
    static Optional<Refused> record(String recordId, CallResult<RecordAvailability> availability,
                                    CallResult<List<Hold>> holds, OptionalInt limit, int placedNow) {
        if (availability instanceof CallResult.Ok<RecordAvailability> a && !a.value().holdable()) {
            return Optional.of(new Refused("not_for_loan", Text.of("hold.notForLoan")));
        }
        if (holds instanceof CallResult.Ok<List<Hold>> ok) {
            if (ok.value().stream().anyMatch(h -> h.recordId().equals(recordId))) {
                return Optional.of(refusal(new Refusal("item_already_on_hold", "refusal.item_already_on_hold")));
            }
            if (limit.isPresent() && ok.value().size() + placedNow >= limit.getAsInt()) {
                return Optional.of(refusal(new Refusal("too_many_reserves", "refusal.too_many_reserves")));
            }
        }
        return Optional.empty();
    }

    private static Refused refusal(Refusal refusal) {
        return new Refused(refusal.code(), Text.refusal(refusal));
    }
}

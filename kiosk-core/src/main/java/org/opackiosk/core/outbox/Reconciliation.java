package org.opackiosk.core.outbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.PatronId;

/**
 * Asks the server whether an operation whose outcome is unknown already took effect, using reads
 * only (reads may be retried; the mutation may not). Each kind has its own question:
 *
 * <ul>
 *   <li>place hold — does the patron hold every record named?</li>
 *   <li>cancel hold — is the hold gone from the patron's current holds?</li>
 *   <li>change pickup library / contact method — does the hold show the new value?</li>
 *   <li>dismiss cancelled hold — is it gone from the cancelled-holds list?</li>
 *   <li>renew loan — is the due date later than the one the patron saw?</li>
 * </ul>
 */
final class Reconciliation {

    enum Effect {
        /** The effect exists: the operation is done; do not send it again. */
        PRESENT,
        /** The effect does not exist: send it (again). */
        ABSENT,
        /** The answer cannot tell (a series hold half there, a renewed loan already returned): staff. */
        UNKNOWABLE
    }

    private final CirculationService server;

    Reconciliation(CirculationService server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    CallResult<Effect> check(Operation op, PatronId patron) {
        return switch (op) {
            case Operation.PlaceHold h -> server.holds(patron).map(holds -> {
                Set<String> held = holds.stream().map(Hold::recordId).collect(Collectors.toSet());
                long present = h.recordIds().stream().filter(held::contains).count();
                return present == h.recordIds().size() ? Effect.PRESENT : present == 0 ? Effect.ABSENT : Effect.UNKNOWABLE;
            });
            case Operation.CancelHold c -> server.holds(patron)
                    .map(holds -> find(holds, c.holdId()).isEmpty() ? Effect.PRESENT : Effect.ABSENT);
            case Operation.ChangePickupLibrary c -> server.holds(patron).map(holds -> find(holds, c.holdId())
                    .filter(h -> h.pickupLibraryId().equals(c.libraryId())).isPresent() ? Effect.PRESENT : Effect.ABSENT);
            case Operation.ChangeContactMethod c -> server.holds(patron).map(holds -> find(holds, c.holdId())
                    .filter(h -> h.contactMethod() == c.method()).isPresent() ? Effect.PRESENT : Effect.ABSENT);
            case Operation.DismissCancelledHold d -> server.cancelledHolds(patron).map(cancelled ->
                    cancelled.stream().anyMatch(h -> h.holdId().equals(d.holdId())) ? Effect.ABSENT : Effect.PRESENT);
            case Operation.RenewLoan r -> server.loans(patron).map(loans -> {
                Optional<Loan> loan = loans.stream().filter(l -> l.checkoutId().equals(r.checkoutId())).findFirst();
                if (loan.isEmpty()) {
                    return Effect.UNKNOWABLE;
                }
                return loan.get().dueDate().isAfter(r.dueDateBefore()) ? Effect.PRESENT : Effect.ABSENT;
            });
        };
    }

    private static Optional<Hold> find(List<Hold> holds, String holdId) {
        return holds.stream().filter(h -> h.holdId().equals(holdId)).findFirst();
    }
}

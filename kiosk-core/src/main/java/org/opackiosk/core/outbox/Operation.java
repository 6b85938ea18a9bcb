package org.opackiosk.core.outbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.opackiosk.core.holds.ContactMethod;

/**
 * One mutation the kiosk makes on the circulation server, as it is kept in the {@link Outbox}: only
 * what the server needs (whose, which record or hold, which branch), never a password, a name or an
 * e-mail address. Records are immutable; each has a {@link #kind()} that is stored with it.
 */
public sealed interface Operation permits Operation.PlaceHold, Operation.CancelHold, Operation.ChangePickupLibrary,
        Operation.ChangeContactMethod, Operation.DismissCancelledHold, Operation.RenewLoan {

    OperationKind kind();

    PatronRef patron();

    /**
     * A record-level hold, or an ordered series hold when several records are named.
     *
     * @param contactMethod empty: the patron's default (e-mail when they have an address, else phone),
     *                      which is what an offline request gets because no one is logged in to ask
     */
    record PlaceHold(PatronRef patron, List<String> recordIds, String pickupLibraryId,
                     Optional<ContactMethod> contactMethod) implements Operation {
        public PlaceHold {
            Objects.requireNonNull(patron, "patron");
            recordIds = List.copyOf(recordIds);
            Objects.requireNonNull(pickupLibraryId, "pickupLibraryId");
            Objects.requireNonNull(contactMethod, "contactMethod");
            if (recordIds.isEmpty()) {
                throw new IllegalArgumentException("a hold is for at least one record");
            }
        }

        public static PlaceHold single(PatronRef patron, String recordId, String pickupLibraryId) {
            return new PlaceHold(patron, List.of(recordId), pickupLibraryId, Optional.empty());
        }

        @Override
        public OperationKind kind() {
            return OperationKind.PLACE_HOLD;
        }
    }

    record CancelHold(PatronRef patron, String holdId) implements Operation {
        public CancelHold {
            Objects.requireNonNull(patron, "patron");
            Objects.requireNonNull(holdId, "holdId");
        }

        @Override
        public OperationKind kind() {
            return OperationKind.CANCEL_HOLD;
        }
    }

    record ChangePickupLibrary(PatronRef patron, String holdId, String libraryId) implements Operation {
        public ChangePickupLibrary {
            Objects.requireNonNull(patron, "patron");
            Objects.requireNonNull(holdId, "holdId");
            Objects.requireNonNull(libraryId, "libraryId");
        }

        @Override
        public OperationKind kind() {
            return OperationKind.CHANGE_PICKUP_LIBRARY;
        }
    }

    record ChangeContactMethod(PatronRef patron, String holdId, ContactMethod method) implements Operation {
        public ChangeContactMethod {
            Objects.requireNonNull(patron, "patron");
            Objects.requireNonNull(holdId, "holdId");
            Objects.requireNonNull(method, "method");
        }

        @Override
        public OperationKind kind() {
            return OperationKind.CHANGE_CONTACT_METHOD;
        }
    }

    record DismissCancelledHold(PatronRef patron, String holdId) implements Operation {
        public DismissCancelledHold {
            Objects.requireNonNull(patron, "patron");
            Objects.requireNonNull(holdId, "holdId");
        }

        @Override
        public OperationKind kind() {
            return OperationKind.DISMISS_CANCELLED_HOLD;
        }
    }

    /**
     * A renewal is not idempotent, so it carries the due date the patron saw: a later due date on the
     * server means the renewal already happened.
     */
    record RenewLoan(PatronRef patron, String checkoutId, LocalDate dueDateBefore) implements Operation {
        public RenewLoan {
            Objects.requireNonNull(patron, "patron");
            Objects.requireNonNull(checkoutId, "checkoutId");
            Objects.requireNonNull(dueDateBefore, "dueDateBefore");
        }

        @Override
        public OperationKind kind() {
            return OperationKind.RENEW_LOAN;
        }
    }
}

package org.opackiosk.core.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.holds.HoldStatus;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.IdentityCheck;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;

/**
 * A circulation server in memory for the outbox's tests: patrons by card, their holds and loans,
 * Koha's refusal of a second hold on the same record, and a script of faults for the next
 * mutations — unreachable (nothing happens), the lost reply (it happens, the answer is dropped), or
 * an ambiguous failure where nothing happened. {@link #effects()} lists every mutation carried out,
 * in order, so tests can count duplicates. Thread-safe (synchronized).
 */
public final class FakeLibraryServer implements CirculationService {

    public enum Fault {
        /** Nothing is sent: {@code Unreachable}. */
        UNREACHABLE,
        /** The server acts, the answer is lost: {@code Ambiguous}. */
        DROP_REPLY,
        /** The request is lost on the way: {@code Ambiguous}, nothing happened. */
        LOST_REQUEST,
        /** The kiosk dies before the request leaves: {@link KioskDied} is thrown, nothing happened. */
        DIE_BEFORE,
        /** The kiosk dies after the server acted, before the answer is read: {@link KioskDied}. */
        DIE_AFTER
    }

    /** Stands for the kiosk process dying in the middle of a call (in-process crash simulation). */
    public static final class KioskDied extends RuntimeException {
        public KioskDied(String where) {
            super(where, null, false, false);
        }
    }

    private final Map<String, PatronId> cards = new HashMap<>();
    private final Map<PatronId, Boolean> hasEmail = new HashMap<>();
    private final Map<PatronId, List<Hold>> holds = new HashMap<>();
    private final Map<PatronId, List<CancelledHold>> cancelled = new HashMap<>();
    private final Map<PatronId, List<Loan>> loans = new HashMap<>();
    private final Map<String, Refusal> refusalsByRecord = new HashMap<>();
    private final Deque<Fault> mutationFaults = new ArrayDeque<>();
    private final List<String> effects = new ArrayList<>();
    private final AtomicInteger nextHoldId = new AtomicInteger(1000);
    private boolean reachable = true;
    private int readsFailing;

    public synchronized PatronId addPatron(String cardNumber, boolean withEmail) {
        PatronId id = new PatronId(String.valueOf(cards.size() + 1));
        cards.put(cardNumber, id);
        hasEmail.put(id, withEmail);
        holds.put(id, new ArrayList<>());
        cancelled.put(id, new ArrayList<>());
        loans.put(id, new ArrayList<>());
        return id;
    }

    public synchronized void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** The next mutations meet these faults, in order. */
    public synchronized void failNextMutations(Fault... faults) {
        mutationFaults.addAll(List.of(faults));
    }

    /** The next {@code n} reads answer {@code Unreachable}. */
    public synchronized void failNextReads(int n) {
        readsFailing = n;
    }

    /** Forgets the faults not met yet. */
    public synchronized void clearFaults() {
        mutationFaults.clear();
        readsFailing = 0;
    }

    /** Holds on this record are refused with this reason. */
    public synchronized void refuseHoldsOn(String recordId, String code) {
        refusalsByRecord.put(recordId, new Refusal(code, "refusal." + code));
    }

    public synchronized List<String> effects() {
        return List.copyOf(effects);
    }

    public synchronized List<Hold> holdsOf(PatronId patron) {
        return List.copyOf(holds.get(patron));
    }

    public synchronized long holdCount(PatronId patron, String recordId) {
        return holds.get(patron).stream().filter(h -> h.recordId().equals(recordId)).count();
    }

    public synchronized Loan addLoan(PatronId patron, String checkoutId, LocalDate due) {
        Loan loan = loan(checkoutId, due);
        loans.get(patron).add(loan);
        return loan;
    }

    public synchronized CancelledHold addCancelledHold(PatronId patron, String holdId) {
        CancelledHold c = new CancelledHold(holdId, "1", "title", LocalDate.of(2026, 1, 1), CancelledHold.Reason.EXPIRED);
        cancelled.get(patron).add(c);
        return c;
    }

    private static Loan loan(String checkoutId, LocalDate due) {
        return new Loan(checkoutId, "1", "item-" + checkoutId, "title", LocalDate.of(2026, 1, 1), due, false, false, 0,
                new Loan.Renewal.Allowed(Optional.empty()));
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private <T> Optional<CallResult<T>> readFault() {
        if (!reachable) {
            return Optional.of(CallResult.unreachable("fake server down"));
        }
        if (readsFailing > 0) {
            readsFailing--;
            return Optional.of(CallResult.unreachable("fake read failure"));
        }
        return Optional.empty();
    }

    private interface Mutation<T> {
        CallResult<T> apply();
    }

    private <T> CallResult<T> mutate(Mutation<T> mutation) {
        if (!reachable) {
            return CallResult.unreachable("fake server down");
        }
        Fault fault = mutationFaults.poll();
        if (fault == Fault.UNREACHABLE) {
            return CallResult.unreachable("scripted: unreachable");
        }
        if (fault == Fault.LOST_REQUEST) {
            return CallResult.ambiguous("scripted: request lost");
        }
        if (fault == Fault.DIE_BEFORE) {
            throw new KioskDied("before sending");
        }
        CallResult<T> result = mutation.apply();
        if (fault == Fault.DIE_AFTER) {
            throw new KioskDied("after the server acted");
        }
        if (fault == Fault.DROP_REPLY) {
            return CallResult.ambiguous("scripted: reply dropped after the server acted");
        }
        return result;
    }

    private static <T> CallResult<T> refused(String code) {
        return CallResult.refused(new Refusal(code, "refusal." + code));
    }

    // --- the port ---------------------------------------------------------------------------------

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public synchronized CallResult<PatronId> findPatron(String cardNumber) {
        Optional<CallResult<PatronId>> fault = readFault();
        if (fault.isPresent()) {
            return fault.get();
        }
        PatronId id = cards.get(cardNumber);
        return id == null ? refused("patron_not_found") : CallResult.ok(id);
    }

    @Override
    public synchronized CallResult<PatronSummary> patronSummary(PatronId patron) {
        Optional<CallResult<PatronSummary>> fault = readFault();
        if (fault.isPresent()) {
            return fault.get();
        }
        if (!hasEmail.containsKey(patron)) {
            return refused("patron_not_found");
        }
        return CallResult.ok(new PatronSummary(patron, "card", "name",
                hasEmail.get(patron) ? Optional.of("a@example.org") : Optional.empty(), Optional.empty(),
                LocalDate.of(2030, 1, 1), Optional.empty(), 0, 0, holds.get(patron).size(), 0, List.of()));
    }

    @Override
    public synchronized CallResult<List<Hold>> holds(PatronId patron) {
        Optional<CallResult<List<Hold>>> fault = readFault();
        return fault.orElseGet(() -> CallResult.ok(List.copyOf(holds.get(patron))));
    }

    @Override
    public synchronized CallResult<List<CancelledHold>> cancelledHolds(PatronId patron) {
        Optional<CallResult<List<CancelledHold>>> fault = readFault();
        return fault.orElseGet(() -> CallResult.ok(List.copyOf(cancelled.get(patron))));
    }

    @Override
    public synchronized CallResult<List<Loan>> loans(PatronId patron) {
        Optional<CallResult<List<Loan>>> fault = readFault();
        return fault.orElseGet(() -> CallResult.ok(List.copyOf(loans.get(patron))));
    }

    @Override
    public synchronized CallResult<List<Hold>> placeHold(HoldRequest request) {
        return mutate(() -> {
            List<Hold> own = holds.get(request.patron());
            if (own == null) {
                return refused("patron_not_found");
            }
            for (String record : request.recordIds()) {
                if (refusalsByRecord.containsKey(record)) {
                    return CallResult.refused(refusalsByRecord.get(record));
                }
                if (own.stream().anyMatch(h -> h.recordId().equals(record))) {
                    return refused("too_many_holds_for_this_record");
                }
            }
            List<Hold> placed = new ArrayList<>();
            for (String record : request.recordIds()) {
                Hold hold = new Hold(String.valueOf(nextHoldId.getAndIncrement()), record, "title " + record,
                        HoldStatus.WAITING, Optional.of(1), request.pickupLibraryId(), request.contactMethod(),
                        LocalDate.of(2026, 11, 23), Optional.empty(), Optional.empty());
                own.add(hold);
                placed.add(hold);
                effects.add("place " + request.patron() + " " + record);
            }
            return CallResult.ok(placed);
        });
    }

    @Override
    public synchronized CallResult<Done> cancelHold(PatronId patron, String holdId) {
        return mutate(() -> {
            boolean removed = holds.get(patron).removeIf(h -> h.holdId().equals(holdId));
            if (!removed) {
                return refused("hold_not_found");
            }
            effects.add("cancel " + patron + " " + holdId);
            return CallResult.ok(Done.DONE);
        });
    }

    @Override
    public synchronized CallResult<Hold> changePickupLibrary(PatronId patron, String holdId, String libraryId) {
        return mutate(() -> replaceHold(patron, holdId, h -> new Hold(h.holdId(), h.recordId(), h.title(), h.status(),
                h.queuePosition(), libraryId, h.contactMethod(), h.placedOn(), h.pickupBy(), h.seriesGroup()),
                "pickup " + patron + " " + holdId + " " + libraryId));
    }

    @Override
    public synchronized CallResult<Hold> changeContactMethod(PatronId patron, String holdId, ContactMethod method) {
        return mutate(() -> replaceHold(patron, holdId, h -> new Hold(h.holdId(), h.recordId(), h.title(), h.status(),
                h.queuePosition(), h.pickupLibraryId(), method, h.placedOn(), h.pickupBy(), h.seriesGroup()),
                "contact " + patron + " " + holdId + " " + method));
    }

    private CallResult<Hold> replaceHold(PatronId patron, String holdId, java.util.function.UnaryOperator<Hold> change,
                                         String effect) {
        List<Hold> own = holds.get(patron);
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i).holdId().equals(holdId)) {
                Hold changed = change.apply(own.get(i));
                own.set(i, changed);
                effects.add(effect);
                return CallResult.ok(changed);
            }
        }
        return refused("hold_not_found");
    }

    @Override
    public synchronized CallResult<Done> dismissCancelledHold(PatronId patron, String holdId) {
        return mutate(() -> {
            if (!cancelled.get(patron).removeIf(h -> h.holdId().equals(holdId))) {
                return refused("hold_not_found");
            }
            effects.add("dismiss " + patron + " " + holdId);
            return CallResult.ok(Done.DONE);
        });
    }

    @Override
    public synchronized CallResult<Loan> renew(PatronId patron, String checkoutId) {
        return mutate(() -> {
            List<Loan> own = loans.get(patron);
            for (int i = 0; i < own.size(); i++) {
                Loan l = own.get(i);
                if (l.checkoutId().equals(checkoutId)) {
                    Loan renewed = loan(checkoutId, l.dueDate().plusDays(14));
                    own.set(i, renewed);
                    effects.add("renew " + patron + " " + checkoutId);
                    return CallResult.ok(renewed);
                }
            }
            return refused("checkout_not_found");
        });
    }

    // --- not used by the outbox -------------------------------------------------------------------

    @Override
    public CallResult<List<Library>> libraries() {
        return CallResult.ok(List.of(new Library("CEN", "Central", true), new Library("EAST", "East", true)));
    }

    @Override
    public CallResult<CataloguePage> cataloguePage(Optional<Instant> changedSince, int page, int perPage) {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<CatalogueRecord> record(String recordId) {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<List<Item>> items(String recordId) {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<PatronId> authenticate(String cardNumber, String password) {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<PasswordPolicy> passwordPolicy() {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<PatronId> verifyIdentity(IdentityCheck check) {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<Done> setPassword(PatronId patron, String newPassword) {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<Done> changePassword(PatronId patron, String oldPassword, String newPassword) {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<Done> updateEmails(PatronId patron, Optional<String> primary, Optional<String> secondary) {
        return CallResult.unreachable("not in this fake");
    }

    @Override
    public CallResult<List<Library>> pickupLocations(String recordId, PatronId patron) {
        return libraries();
    }
}

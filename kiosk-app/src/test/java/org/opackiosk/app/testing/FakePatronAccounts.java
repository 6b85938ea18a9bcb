package org.opackiosk.app.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldStatus;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.Notice;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;

/**
 * The patron side of {@link FakeCirculationService}: hand-written answers for login, the summary,
 * loans and renewals, holds and their changes. Two patrons: 01000001 / taro1234 (an ordinary patron
 * with an e-mail address, two loans, two holds and one cancelled hold) and 01000005 / tanaka55
 * (overdue, so notices after login). Mutable, so tests can set up other cases; thread-safe enough
 * for the fake scheduler's single worker.
 */
public final class FakePatronAccounts {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    public static final Refusal WRONG_PASSWORD = new Refusal("invalid_credentials", "refusal.invalid_credentials");

    public record Account(String card, String password, PatronSummary summary) {
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    public final List<Loan> loans = new CopyOnWriteArrayList<>();
    public final List<Hold> holds = new CopyOnWriteArrayList<>();
    public final List<CancelledHold> cancelled = new CopyOnWriteArrayList<>();
    public final Set<Capability> capabilities = EnumSet.allOf(Capability.class);
    /** Patron category codes by card (Koha's category_id); a patron not listed here is ADULT. */
    public final Map<String, String> categories = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every patron operation called, by name, in order (never a password). */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    public FakePatronAccounts() {
        add("01000001", "taro1234", "1", "緑川 太郎", Optional.of("taro@example.jp"), List.of());
        add("01000005", "tanaka55", "5", "田中 一郎", Optional.empty(), List.of(new Notice.Overdue(2),
                new Notice.HoldsReady(List.of(new Notice.ReadyHold("こころ", TODAY.plusDays(6))))));
        loans.add(new Loan("c1", "r1", "i1", "坊っちゃん", TODAY.minusDays(10), TODAY.plusDays(4), false, false, 0,
                new Loan.Renewal.Allowed(Optional.of(TODAY.plusDays(18)))));
        loans.add(new Loan("c2", "r2", "i2", "銀河鉄道の夜", TODAY.minusDays(20), TODAY.minusDays(1), true, true, 0,
                new Loan.Renewal.NotAllowed(new Refusal("on_reserve", "refusal.renewal.on_reserve"))));
        holds.add(new Hold("h1", "r3", "吾輩は猫である", HoldStatus.WAITING, Optional.of(2), "CEN", ContactMethod.EMAIL,
                TODAY.minusDays(3), Optional.empty(), Optional.empty()));
        holds.add(new Hold("h2", "r4", "こころ", HoldStatus.READY, Optional.empty(), "KITA", ContactMethod.PHONE,
                TODAY.minusDays(8), Optional.of(TODAY.plusDays(6)), Optional.empty()));
        cancelled.add(new CancelledHold("h9", "r9", "羅生門", TODAY.minusDays(2), CancelledHold.Reason.NOT_PICKED_UP));
    }

    public void add(String card, String password, String id, String name, Optional<String> email, List<Notice> notices) {
        PatronId pid = new PatronId(id);
        accounts.put(card, new Account(card, password, new PatronSummary(pid, card, name, email, Optional.empty(),
                TODAY.plusYears(2), Optional.empty(), 2, 1, 2, 1, notices)));
    }

    // ---- the port's patron operations (called through FakeCirculationService's proxy)

    public Set<Capability> capabilities() {
        return Set.copyOf(capabilities);
    }

    public CallResult<PatronId> authenticate(String cardNumber, String password) {
        calls.add("authenticate");
        Account a = accounts.get(cardNumber);
        if (a == null || !a.password().equals(password)) {
            return CallResult.refused(WRONG_PASSWORD);
        }
        return CallResult.ok(a.summary().id());
    }

    public CallResult<String> patronCategory(String cardNumber) {
        calls.add("patronCategory");
        if (categories.containsKey(cardNumber)) {
            return CallResult.ok(categories.get(cardNumber));
        }
        return accounts.containsKey(cardNumber) ? CallResult.ok("ADULT")
                : CallResult.refused(new Refusal("patron_not_found", "refusal.patron_not_found"));
    }

    public CallResult<PatronSummary> patronSummary(PatronId patron) {
        calls.add("patronSummary");
        return accounts.values().stream().filter(a -> a.summary().id().equals(patron)).findFirst()
                .<CallResult<PatronSummary>>map(a -> CallResult.ok(a.summary()))
                .orElseGet(() -> CallResult.refused(new Refusal("patron_not_found", "refusal.patron_not_found")));
    }

    public CallResult<List<Loan>> loans(PatronId patron) {
        calls.add("loans");
        return CallResult.ok(new ArrayList<>(loans));
    }

    public CallResult<Loan> renew(PatronId patron, String checkoutId) {
        calls.add("renew " + checkoutId);
        for (int i = 0; i < loans.size(); i++) {
            Loan l = loans.get(i);
            if (l.checkoutId().equals(checkoutId)) {
                if (l.renewal() instanceof Loan.Renewal.NotAllowed no) {
                    return CallResult.refused(no.reason());
                }
                LocalDate due = ((Loan.Renewal.Allowed) l.renewal()).newDueDate().orElse(l.dueDate().plusDays(14));
                Loan renewed = new Loan(l.checkoutId(), l.recordId(), l.itemId(), l.title(), l.checkoutDate(), due, false,
                        l.someoneWaiting(), l.renewalsCount() + 1,
                        new Loan.Renewal.NotAllowed(new Refusal("too_many", "refusal.renewal.too_many")));
                loans.set(i, renewed);
                return CallResult.ok(renewed);
            }
        }
        return CallResult.refused(new Refusal("not_found", "refusal.not_found"));
    }

    public CallResult<List<Hold>> holds(PatronId patron) {
        calls.add("holds");
        return CallResult.ok(new ArrayList<>(holds));
    }

    public CallResult<List<CancelledHold>> cancelledHolds(PatronId patron) {
        calls.add("cancelledHolds");
        return CallResult.ok(new ArrayList<>(cancelled));
    }

    public CallResult<Done> dismissCancelledHold(PatronId patron, String holdId) {
        calls.add("dismissCancelledHold " + holdId);
        cancelled.removeIf(c -> c.holdId().equals(holdId));
        return CallResult.ok(Done.DONE);
    }

    public CallResult<Done> cancelHold(PatronId patron, String holdId) {
        calls.add("cancelHold " + holdId);
        holds.removeIf(h -> h.holdId().equals(holdId));
        return CallResult.ok(Done.DONE);
    }

    public CallResult<Hold> changePickupLibrary(PatronId patron, String holdId, String libraryId) {
        calls.add("changePickupLibrary " + holdId + " " + libraryId);
        return replace(holdId, h -> new Hold(h.holdId(), h.recordId(), h.title(), h.status(), h.queuePosition(), libraryId,
                h.contactMethod(), h.placedOn(), h.pickupBy(), h.seriesGroup()));
    }

    public CallResult<Hold> changeContactMethod(PatronId patron, String holdId, ContactMethod method) {
        calls.add("changeContactMethod " + holdId + " " + method);
        return replace(holdId, h -> new Hold(h.holdId(), h.recordId(), h.title(), h.status(), h.queuePosition(),
                h.pickupLibraryId(), method, h.placedOn(), h.pickupBy(), h.seriesGroup()));
    }

    /** When set, placing a hold is refused with this. */
    public volatile Refusal holdRefusal;

    public CallResult<List<org.opackiosk.core.circulation.Library>> pickupLocations(String recordId, PatronId patron) {
        calls.add("pickupLocations " + recordId);
        return CallResult.ok(List.of(new org.opackiosk.core.circulation.Library("CEN", "中央図書館", true),
                new org.opackiosk.core.circulation.Library("KITA", "北分館", true)));
    }

    public CallResult<List<Hold>> placeHold(org.opackiosk.core.holds.HoldRequest request) {
        calls.add("placeHold " + String.join(",", request.recordIds()) + " " + request.pickupLibraryId() + " "
                + request.contactMethod());
        if (holdRefusal != null) {
            return CallResult.refused(holdRefusal);
        }
        List<Hold> placed = new ArrayList<>();
        for (String recordId : request.recordIds()) {
            Hold h = new Hold("h" + (holds.size() + 10), recordId, "title of " + recordId, HoldStatus.WAITING,
                    Optional.of(3), request.pickupLibraryId(), request.contactMethod(), TODAY, Optional.empty(),
                    request.series() ? Optional.of("s1") : Optional.empty());
            holds.add(h);
            placed.add(h);
        }
        return CallResult.ok(placed);
    }

    /** The passwords set through the kiosk, by patron id (a fake keeps them; the kiosk never does). */
    public final Map<String, String> passwordsSet = new java.util.concurrent.ConcurrentHashMap<>();

    /** The library's password policy this fake publishes. */
    public volatile org.opackiosk.core.patron.PasswordPolicy policy = org.opackiosk.core.patron.PasswordPolicy.DEFAULT;

    public CallResult<org.opackiosk.core.patron.PasswordPolicy> passwordPolicy() {
        return CallResult.ok(policy);
    }

    /** 01000010 (no password yet), born 1988-07-07, phone 080-0000-0110. */
    public CallResult<PatronId> verifyIdentity(org.opackiosk.core.patron.IdentityCheck check) {
        calls.add("verifyIdentity");
        if (check.cardNumber().equals("01000010") && check.dateOfBirth().equals(LocalDate.of(1988, 7, 7))
                && check.phone().replace("-", "").equals("08000000110")) {
            return CallResult.ok(new PatronId("10"));
        }
        return CallResult.refused(new Refusal("identity_not_confirmed", "refusal.identity_not_confirmed"));
    }

    public CallResult<Done> setPassword(PatronId patron, String newPassword) {
        calls.add("setPassword " + patron);
        passwordsSet.put(patron.value(), newPassword);
        return CallResult.ok(Done.DONE);
    }

    public CallResult<Done> changePassword(PatronId patron, String oldPassword, String newPassword) {
        calls.add("changePassword " + patron);
        Account a = accounts.values().stream().filter(x -> x.summary().id().equals(patron)).findFirst().orElse(null);
        if (a == null || !a.password().equals(oldPassword)) {
            return CallResult.refused(WRONG_PASSWORD);
        }
        passwordsSet.put(patron.value(), newPassword);
        return CallResult.ok(Done.DONE);
    }

    public CallResult<Done> updateEmails(PatronId patron, Optional<String> primary, Optional<String> secondary) {
        calls.add("updateEmails " + patron);
        for (Map.Entry<String, Account> e : accounts.entrySet()) {
            PatronSummary s = e.getValue().summary();
            if (s.id().equals(patron)) {
                e.setValue(new Account(e.getValue().card(), e.getValue().password(), new PatronSummary(s.id(), s.cardNumber(),
                        s.displayName(), primary, secondary, s.expiryDate(), s.restriction(), s.loanCount(),
                        s.overdueCount(), s.holdCount(), s.readyHoldCount(), s.notices(), s.dateOfBirth())));
            }
        }
        return CallResult.ok(Done.DONE);
    }

    private CallResult<Hold> replace(String holdId, java.util.function.UnaryOperator<Hold> change) {
        for (int i = 0; i < holds.size(); i++) {
            if (holds.get(i).holdId().equals(holdId)) {
                Hold changed = change.apply(holds.get(i));
                holds.set(i, changed);
                return CallResult.ok(changed);
            }
        }
        return CallResult.refused(new Refusal("not_found", "refusal.not_found"));
    }
}

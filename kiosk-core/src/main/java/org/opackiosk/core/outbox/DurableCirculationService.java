package org.opackiosk.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.IdentityCheck;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circulation port as the screens get it: every hold, cancel, pickup or contact change, dismissal
 * and renewal is {@linkplain ReplayService#submit saved in the outbox first}, then sent in order, so a
 * lost reply is reconciled and never done twice (ADR 0044). Reads, logins and the password and e-mail
 * calls go straight to the server: they change nothing the kiosk could replay, or carry what must never
 * be written down (a password).
 *
 * <p>What a mutation answers:
 * <ul>
 *   <li>{@link CallResult.Ok} / {@link CallResult.Refused}: the server's own answer, at once. A refusal the
 *       patron sees now is {@linkplain Outbox#markTold marked told}, so their next login does not repeat it.</li>
 *   <li>{@link CallResult.Ambiguous}: <em>saved, not answered yet</em> — the server was unreachable, the reply
 *       was lost, or older operations are still ahead of it. The outbox finishes it (checked first, sent
 *       when absent); the outcome shows on My page, a refusal at the patron's next login. Screens say
 *       exactly that, never "try again".</li>
 *   <li>{@link CallResult.Unreachable}: nothing was saved (the outbox's disk failed, or a read needed first
 *       failed), so nothing can happen: trying again is safe.</li>
 * </ul>
 *
 * <p>Thread-safe; mutations block on the disk and the network: worker threads only.
 */
public final class DurableCirculationService implements CirculationService {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCirculationService.class);

    private final CirculationService server;
    private final Outbox outbox;
    private final ReplayService replay;

    /**
     * @param server the port the replay service sends to (already observed by the connectivity monitor)
     */
    public DurableCirculationService(CirculationService server, Outbox outbox, ReplayService replay) {
        this.server = Objects.requireNonNull(server, "server");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.replay = Objects.requireNonNull(replay, "replay");
    }

    @SuppressWarnings("unchecked")
    private <T> CallResult<T> submit(Operation operation) {
        ReplayService.Submitted submitted;
        try {
            submitted = replay.submit(operation);
        } catch (Outbox.OutboxException e) {
            LOG.error("{} not saved, so not sent: the outbox failed", operation.kind(), e);
            return CallResult.unreachable("not saved: " + e.getMessage());
        }
        OutboxEntry entry = submitted.entry();
        Optional<CallResult<?>> answer = submitted.answer();
        if (answer.isPresent() && answer.get() instanceof CallResult.Ok<?> ok) {
            return (CallResult<T>) ok;
        }
        if (answer.isPresent() && answer.get() instanceof CallResult.Refused<?> refused) {
            markTold(entry);
            return CallResult.refused(refused.reason());
        }
        // Unreachable and Ambiguous answers leave the entry open too: the outbox sends or reconciles it later
        LOG.info("Outbox #{} {} saved; the server has not answered yet ({})", entry.sequence(), entry.kind(),
                answer.map(a -> a.getClass().getSimpleName()).orElse("queued behind older operations or offline"));
        return CallResult.ambiguous("saved as outbox #" + entry.sequence() + ", state " + entry.state());
    }

    private void markTold(OutboxEntry entry) {
        try {
            outbox.markTold(entry.id());
        } catch (Outbox.OutboxException e) {
            // the worst case is that the next login repeats a refusal the patron saw
            LOG.warn("Outbox #{}: could not record that the patron saw the refusal", entry.sequence(), e);
        }
    }

    // --- mutations: written first ---------------------------------------------------------------

    @Override
    public CallResult<List<Hold>> placeHold(HoldRequest request) {
        return submit(new Operation.PlaceHold(PatronRef.id(request.patron()), request.recordIds(),
                request.pickupLibraryId(), Optional.of(request.contactMethod())));
    }

    @Override
    public CallResult<Done> cancelHold(PatronId patron, String holdId) {
        return submit(new Operation.CancelHold(PatronRef.id(patron), holdId));
    }

    @Override
    public CallResult<Hold> changePickupLibrary(PatronId patron, String holdId, String libraryId) {
        return submit(new Operation.ChangePickupLibrary(PatronRef.id(patron), holdId, libraryId));
    }

    @Override
    public CallResult<Hold> changeContactMethod(PatronId patron, String holdId, ContactMethod method) {
        return submit(new Operation.ChangeContactMethod(PatronRef.id(patron), holdId, method));
    }

    @Override
    public CallResult<Done> dismissCancelledHold(PatronId patron, String holdId) {
        return submit(new Operation.DismissCancelledHold(PatronRef.id(patron), holdId));
    }

    /**
     * A renewal is not idempotent, so the outbox keeps the due date it had (reconciliation: a later due
     * date means it happened); that date is read from the server first.
     */
    @Override
    public CallResult<Loan> renew(PatronId patron, String checkoutId) {
        CallResult<List<Loan>> loans = server.loans(patron);
        if (!(loans instanceof CallResult.Ok<List<Loan>> ok)) {
            return switch (loans) {
                case CallResult.Refused<List<Loan>> r -> CallResult.refused(r.reason());
                default -> CallResult.unreachable("loans not read before renewing; nothing saved");
            };
        }
        Optional<Loan> loan = ok.value().stream().filter(l -> l.checkoutId().equals(checkoutId)).findFirst();
        if (loan.isEmpty()) {
            // returned meanwhile: nothing to renew, and nothing worth queueing; the server says so in its words
            return server.renew(patron, checkoutId);
        }
        return submit(new Operation.RenewLoan(PatronRef.id(patron), checkoutId, loan.get().dueDate()));
    }

    // --- everything else: straight through ------------------------------------------------------

    @Override
    public Set<Capability> capabilities() {
        return server.capabilities();
    }

    @Override
    public CallResult<List<Library>> libraries() {
        return server.libraries();
    }

    @Override
    public CallResult<CataloguePage> cataloguePage(Optional<Instant> changedSince, int page, int perPage) {
        return server.cataloguePage(changedSince, page, perPage);
    }

    @Override
    public CallResult<CatalogueRecord> record(String recordId) {
        return server.record(recordId);
    }

    @Override
    public CallResult<List<Item>> items(String recordId) {
        return server.items(recordId);
    }

    @Override
    public CallResult<PatronId> authenticate(String cardNumber, String password) {
        return server.authenticate(cardNumber, password);
    }

    @Override
    public CallResult<PatronId> findPatron(String cardNumber) {
        return server.findPatron(cardNumber);
    }

    @Override
    public CallResult<String> patronCategory(String cardNumber) {
        return server.patronCategory(cardNumber);
    }

    @Override
    public CallResult<PatronSummary> patronSummary(PatronId patron) {
        return server.patronSummary(patron);
    }

    @Override
    public CallResult<PasswordPolicy> passwordPolicy() {
        return server.passwordPolicy();
    }

    @Override
    public CallResult<PatronId> verifyIdentity(IdentityCheck check) {
        return server.verifyIdentity(check);
    }

    /** Never through the outbox: a password is never written to disk (ADR 0044). */
    @Override
    public CallResult<Done> setPassword(PatronId patron, String newPassword) {
        return server.setPassword(patron, newPassword);
    }

    /** Never through the outbox: a password is never written to disk (ADR 0044). */
    @Override
    public CallResult<Done> changePassword(PatronId patron, String oldPassword, String newPassword) {
        return server.changePassword(patron, oldPassword, newPassword);
    }

    /**
     * Not through the outbox: an e-mail address is personal data the outbox does not keep (ADR 0041),
     * and a change that arrives hours later would surprise the patron more than "try again".
     */
    @Override
    public CallResult<Done> updateEmails(PatronId patron, Optional<String> primary, Optional<String> secondary) {
        return server.updateEmails(patron, primary, secondary);
    }

    @Override
    public CallResult<List<Loan>> loans(PatronId patron) {
        return server.loans(patron);
    }

    @Override
    public CallResult<List<Hold>> holds(PatronId patron) {
        return server.holds(patron);
    }

    @Override
    public CallResult<List<CancelledHold>> cancelledHolds(PatronId patron) {
        return server.cancelledHolds(patron);
    }

    @Override
    public CallResult<List<Library>> pickupLocations(String recordId, PatronId patron) {
        return server.pickupLocations(recordId, patron);
    }
}

package org.opackiosk.core.circulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.IdentityCheck;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;

/**
 * What the kiosk needs from a circulation server (ILS). Implemented by adapters such as the Koha
 * REST client; the rest of the kiosk never names an adapter.
 *
 * <p>Every method blocks on the network and must never be called on the FX thread. Every method
 * returns within the adapter's configured timeouts. Nothing throws for expected outcomes:
 * refusals ({@link CallResult.Refused}, with a reason code and a message key) and transport
 * failures ({@link CallResult.Unreachable}, {@link CallResult.Ambiguous}) come back as results.
 * Reads may be retried by the adapter; mutations are sent at most once — a mutation without an
 * answer is {@code Ambiguous}, and only the caller (the outbox) decides whether to reconcile.
 * Implementations are thread-safe. Passwords are passed as strings and never stored or logged.
 */
public interface CirculationService {

    /** What this server offers beyond the core operations; the UI hides the rest. */
    Set<Capability> capabilities();

    // --- catalogue -----------------------------------------------------------------------------

    /** Libraries and branches, including whether each is a pickup location. */
    CallResult<List<Library>> libraries();

    /**
     * One page of the catalogue listing, ordered by record id.
     *
     * @param changedSince only records changed after this instant, or the whole catalogue when empty
     * @param page         1-based page number
     * @param perPage      records per page
     */
    CallResult<CataloguePage> cataloguePage(Optional<Instant> changedSince, int page, int perPage);

    /** One record by id; {@code Refused} with code {@code not_found} when the server has none. */
    CallResult<CatalogueRecord> record(String recordId);

    /** The items of a record with their live availability. */
    CallResult<List<Item>> items(String recordId);

    /**
     * A record's live availability: its items (with {@link ItemState}) and the number of holds on it.
     * Blocks like every other call. The default asks {@link #items} only and leaves the hold count unknown;
     * an adapter whose server can count holds per record overrides it. A hold count the server refuses or
     * fails to give does not fail the whole answer: it is left empty.
     */
    default CallResult<RecordAvailability> availability(String recordId) {
        return items(recordId).map(items -> new RecordAvailability(items, OptionalInt.empty()));
    }

    // --- patrons -------------------------------------------------------------------------------

    /** Checks a card number and password; {@code Refused(invalid_credentials)} when they do not match. */
    CallResult<PatronId> authenticate(String cardNumber, String password);

    /** The patron holding this card; {@code Refused(patron_not_found)} when there is none. */
    CallResult<PatronId> findPatron(String cardNumber);

    /**
     * The patron category code of the patron holding this card (Koha's {@code category_id}, e.g. {@code STAFF}), for
     * staff entry by category ({@code [staff] categories}, ADR 0070). {@code Refused(patron_not_found)} when no patron
     * holds the card; {@code Unreachable} when the server cannot be asked. Blocks like every other call. The default is
     * for a server that cannot tell a category: always {@code Refused(not_supported)}, so no card is staff's by category.
     */
    default CallResult<String> patronCategory(String cardNumber) {
        return CallResult.refused(new Refusal("not_supported", "refusal.generic"));
    }

    /** Name, e-mail addresses, expiry, restriction, counts and the notices to show after login. */
    CallResult<PatronSummary> patronSummary(PatronId patron);

    /** The library's password rule, to explain it before the patron types. */
    CallResult<PasswordPolicy> passwordPolicy();

    /**
     * First password registration, step 1: card number, date of birth and telephone must match the
     * patron record. Needs {@link Capability#IDENTITY_CHECK}.
     */
    CallResult<PatronId> verifyIdentity(IdentityCheck check);

    /** First password registration, step 2 (the staff route): sets the password without the old one. */
    CallResult<Done> setPassword(PatronId patron, String newPassword);

    /** Changes the password of a logged-in patron; {@code Refused(invalid_credentials)} when the old one is wrong. */
    CallResult<Done> changePassword(PatronId patron, String oldPassword, String newPassword);

    /** Sets or clears the primary and secondary e-mail addresses (empty clears). */
    CallResult<Done> updateEmails(PatronId patron, Optional<String> primary, Optional<String> secondary);

    // --- loans ---------------------------------------------------------------------------------

    /** Current loans with due date, overdue flag and whether each can be renewed (and why not). */
    CallResult<List<Loan>> loans(PatronId patron);

    /** Renews one loan; the answer carries the new due date. */
    CallResult<Loan> renew(PatronId patron, String checkoutId);

    // --- holds ---------------------------------------------------------------------------------

    /** Current holds: status, queue position, pickup library, pickup deadline, contact method. */
    CallResult<List<Hold>> holds(PatronId patron);

    /** 予約取消一覧: cancelled and expired holds not yet dismissed. */
    CallResult<List<CancelledHold>> cancelledHolds(PatronId patron);

    /** 確認済: removes a cancelled hold from the list. Needs {@link Capability#DISMISS_CANCELLED_HOLDS}. */
    CallResult<Done> dismissCancelledHold(PatronId patron, String holdId);

    /** Where this patron may pick up this record. */
    CallResult<List<Library>> pickupLocations(String recordId, PatronId patron);

    /**
     * Places a record-level hold, or an ordered series hold when the request names several records
     * (needs {@link Capability#ORDERED_SERIES_HOLDS}). The answer lists the holds created.
     */
    CallResult<List<Hold>> placeHold(HoldRequest request);

    /** Cancels a hold that is still waiting. */
    CallResult<Done> cancelHold(PatronId patron, String holdId);

    /** Changes the pickup library of a hold that is still waiting. */
    CallResult<Hold> changePickupLibrary(PatronId patron, String holdId, String libraryId);

    /** Changes how the patron is told the hold is ready. Needs {@link Capability#HOLD_CONTACT_METHOD}. */
    CallResult<Hold> changeContactMethod(PatronId patron, String holdId, ContactMethod method);
}

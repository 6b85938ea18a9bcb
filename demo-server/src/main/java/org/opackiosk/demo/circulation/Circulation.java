package org.opackiosk.demo.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.opackiosk.demo.biblios.Biblio;
import org.opackiosk.demo.biblios.BiblioRepository;
import org.opackiosk.demo.catalogue.MaterialType;
import org.opackiosk.demo.checkouts.Checkout;
import org.opackiosk.demo.checkouts.CheckoutRepository;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.holds.Hold;
import org.opackiosk.demo.holds.HoldDetails;
import org.opackiosk.demo.holds.HoldRepository;
import org.opackiosk.demo.http.ApiProblem;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.items.Item;
import org.opackiosk.demo.items.ItemRepository;
import org.opackiosk.demo.libraries.Library;
import org.opackiosk.demo.libraries.LibraryRepository;
import org.opackiosk.demo.mail.Mailer;
import org.opackiosk.demo.patrons.Patron;
import org.opackiosk.demo.patrons.PatronRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo library's circulation rules at work: who may hold what, renewals, and the allocation of
 * returned copies to holds. Every method works on the caller's connection (one transaction per request).
 *
 * <p>Allocation: a free copy (loanable, not on loan, not set aside) goes to the first eligible hold of its
 * record's queue — an item-level hold only for that copy, a series hold only when every earlier volume of
 * its series has been picked up or cancelled. It waits ({@code W}, until today + pickup days) when it is
 * already at the pickup library, else it travels ({@code T}) and is there the next day. Waiting holds past
 * their last pickup day, and queued holds past their expiration date, are cancelled ({@code EXPIRED}).
 * This runs when a copy is checked in or a hold leaves a queue, and once a day ({@link #maintainIfNewDay}).
 */
public final class Circulation {

    private static final Logger LOG = LoggerFactory.getLogger(Circulation.class);
    public static final String EXPIRED = "EXPIRED";
    private static final LocalTime DUE_TIME = LocalTime.of(23, 59);

    private final Database database;
    private final CirculationRules rules;
    private final Clock clock;
    private final Mailer mailer;
    private final PatronRepository patrons = new PatronRepository();
    private final CheckoutRepository checkouts = new CheckoutRepository();
    private final HoldRepository holds = new HoldRepository();
    private final ItemRepository items = new ItemRepository();
    private final BiblioRepository biblios = new BiblioRepository();
    private final LibraryRepository libraries = new LibraryRepository();
    private final AtomicReference<LocalDate> maintained = new AtomicReference<>();

    public Circulation(Database database, CirculationRules rules, Clock clock, Mailer mailer) {
        this.database = database;
        this.rules = rules;
        this.clock = clock;
        this.mailer = mailer;
    }

    public CirculationRules rules() {
        return rules;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    // ------------------------------------------------------------------ daily work

    /** Runs {@link #maintain} once per day of the (movable) clock. */
    public void maintainIfNewDay() {
        LocalDate today = today();
        LocalDate previous = maintained.getAndSet(today);
        if (!today.equals(previous)) {
            database.transaction(connection -> {
                maintain(connection);
                return null;
            });
        }
    }

    /** Expires holds, lets copies in transit arrive, and allocates what that freed. */
    public void maintain(Connection connection) throws SQLException {
        LocalDate today = today();
        Set<Integer> toAllocate = new LinkedHashSet<>();
        for (Hold hold : holds.expired(connection, today)) {
            toAllocate.addAll(cancel(connection, hold, EXPIRED, false));
            LOG.info("Hold {} expired", hold.holdId());
        }
        for (Hold hold : holds.arrived(connection, today)) {
            holds.setAside(connection, hold.holdId(), hold.itemId(), "W", today, today.plusDays(rules.pickupDays()),
                    null, now());
            items.setHoldingLibrary(connection, hold.itemId(), hold.pickupLibraryId(), now());
            notifyReady(connection, hold.holdId());
        }
        for (int biblioId : toAllocate) {
            allocate(connection, biblioId);
        }
    }

    // ------------------------------------------------------------------ allocation

    /** Sets free copies of a record aside for the first eligible holds; returns the holds that got one. */
    public List<Hold> allocate(Connection connection, int biblioId) throws SQLException {
        List<Hold> allocated = new ArrayList<>();
        List<Item> free = items.freeForBiblio(connection, biblioId);
        if (free.isEmpty()) {
            return allocated;
        }
        List<Hold> queue = new ArrayList<>(holds.queuedForBiblio(connection, biblioId));
        for (Item item : free) {
            for (Hold hold : queue) {
                if (hold.itemId() != null && hold.itemId().intValue() != item.itemId()) {
                    continue;
                }
                if (!seriesAllows(connection, hold)) {
                    continue;
                }
                setAside(connection, hold, item);
                allocated.add(hold);
                queue.remove(hold);
                break;
            }
        }
        if (!allocated.isEmpty()) {
            holds.renumber(connection, biblioId);
        }
        return allocated;
    }

    private void setAside(Connection connection, Hold hold, Item item) throws SQLException {
        LocalDate today = today();
        boolean here = hold.pickupLibraryId().equals(item.holdingLibraryId());
        if (here) {
            holds.setAside(connection, hold.holdId(), item.itemId(), "W", today, today.plusDays(rules.pickupDays()),
                    null, now());
            notifyReady(connection, hold.holdId());
        } else {
            holds.setAside(connection, hold.holdId(), item.itemId(), "T", null, null, today, now());
        }
        LOG.info("Item {} set aside for hold {} ({})", item.itemId(), hold.holdId(), here ? "waiting" : "in transit");
    }

    /** A series hold may be served only when every earlier volume's hold is old (picked up or cancelled). */
    private boolean seriesAllows(Connection connection, Hold hold) throws SQLException {
        HoldDetails details = holds.details(connection, hold.holdId());
        if (details == null || details.seriesGroupId() == null) {
            return true;
        }
        for (Hold member : holds.series(connection, details.seriesGroupId())) {
            HoldDetails memberDetails = holds.details(connection, member.holdId());
            if (memberDetails.seriesPosition() < details.seriesPosition() && !member.archived()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Cancels a current hold; frees its copy and lets the next series volume move. Returns the records
     * whose queues should be allocated again (unless {@code allocateNow}, which does it here).
     */
    public Set<Integer> cancel(Connection connection, Hold hold, String reason, boolean allocateNow)
            throws SQLException {
        // like Koha's old_reserves, a cancelled hold keeps the status it had (W: it was waiting for pickup)
        holds.archive(connection, hold.holdId(), hold.status(), today(), reason, now());
        Set<Integer> affected = new LinkedHashSet<>();
        if (hold.itemId() != null && hold.status() != null) {
            items.find(connection, hold.itemId()).ifPresent(item -> affected.add(item.biblioId()));
            Item item = items.find(connection, hold.itemId()).orElse(null);
            if (item != null) {
                items.setHoldingLibrary(connection, item.itemId(), item.homeLibraryId(), now());
            }
        }
        holds.renumber(connection, hold.biblioId());
        affected.addAll(nextInSeries(connection, hold));
        if (allocateNow) {
            for (int biblioId : affected) {
                allocate(connection, biblioId);
            }
        }
        return affected;
    }

    private Set<Integer> nextInSeries(Connection connection, Hold hold) throws SQLException {
        HoldDetails details = holds.details(connection, hold.holdId());
        Set<Integer> next = new HashSet<>();
        if (details != null && details.seriesGroupId() != null) {
            for (Hold member : holds.series(connection, details.seriesGroupId())) {
                if (!member.archived() && member.status() == null) {
                    next.add(member.biblioId());
                }
            }
        }
        return next;
    }

    // ------------------------------------------------------------------ the desk (admin routes)

    /** What a check-in did. */
    public record Checkin(Item item, Checkout closed, Hold allocatedTo) {
    }

    /** Returns a copy at its home library and allocates it. */
    public Checkin checkin(Connection connection, Item item) throws SQLException {
        Checkout loan = checkouts.currentForItems(connection, List.of(item.itemId())).get(item.itemId());
        if (loan != null) {
            checkouts.checkin(connection, loan.checkoutId(), item.homeLibraryId(), now());
        }
        items.setHoldingLibrary(connection, item.itemId(), item.homeLibraryId(), now());
        Hold allocated = null;
        for (Hold hold : allocate(connection, item.biblioId())) {
            Hold current = holds.find(connection, hold.holdId()).orElseThrow();
            if (current.itemId() != null && current.itemId() == item.itemId().intValue()) {
                allocated = current;
            }
        }
        return new Checkin(item, loan == null ? null : checkouts.find(connection, loan.checkoutId()).orElseThrow(),
                allocated);
    }

    /**
     * Lends a copy to a patron (as the desk would): fills the patron's hold waiting with it, or their hold
     * on the record; lets the next series volume move.
     */
    public Checkout checkout(Connection connection, Item item, Patron patron) throws SQLException {
        if (!checkouts.currentForItems(connection, List.of(item.itemId())).isEmpty()) {
            throw ApiProblem.error(409, "Item is already checked out", "already_checked_out");
        }
        for (Hold hold : holds.currentForPatronAndBiblio(connection, patron.patronId(), item.biblioId())) {
            holds.archive(connection, hold.holdId(), "F", null, null, now());
            holds.renumber(connection, hold.biblioId());
            for (int next : nextInSeries(connection, hold)) {
                allocate(connection, next);
            }
        }
        Instant due = dueDate(today().plusDays(rules.renewalDays()));
        int id = checkouts.insert(connection, new Checkout(null, patron.patronId(), item.itemId(),
                item.homeLibraryId(), now(), due, null, 0, 0, false, false, null, null, null, now()));
        items.lent(connection, item.itemId(), now());
        return checkouts.find(connection, id).orElseThrow();
    }

    // ------------------------------------------------------------------ renewals

    public Instant dueDate(LocalDate day) {
        return day.atTime(DUE_TIME).atZone(clock.getZone()).toInstant();
    }

    /** The due date a renewal today gives: {@code renewalDays} after today. */
    public Instant renewalDueDate() {
        return dueDate(today().plusDays(rules.renewalDays()));
    }

    /**
     * Why a loan cannot be renewed, as Koha's {@code allows_renewal} error ({@code too_many},
     * {@code restriction}, {@code overdue}, {@code card_expired}, {@code on_reserve}), or empty.
     */
    public Optional<String> renewalError(Connection connection, Checkout checkout) throws SQLException {
        if (checkout.renewalsCount() >= rules.maxRenewals()) {
            return Optional.of("too_many");
        }
        Patron patron = patrons.find(connection, checkout.patronId()).orElseThrow();
        if (restricted(patron)) {
            return Optional.of("restriction");
        }
        if (checkout.dueDate().isBefore(now())) {
            return Optional.of("overdue");
        }
        if (patron.expiryDate() != null && patron.expiryDate().isBefore(today())) {
            return Optional.of("card_expired");
        }
        Item item = items.find(connection, checkout.itemId()).orElseThrow();
        for (Hold hold : holds.queuedForBiblio(connection, item.biblioId())) {
            if (hold.patronId() != checkout.patronId()
                    && (hold.itemId() == null || hold.itemId().intValue() == item.itemId())) {
                return Optional.of("on_reserve");
            }
        }
        return Optional.empty();
    }

    public boolean restricted(Patron patron) {
        return patron.restricted() && (patron.restrictedUntil() == null || !patron.restrictedUntil().isBefore(today()));
    }

    // ------------------------------------------------------------------ placing holds

    /** A hold to place, as {@code POST /holds} or a series hold asks for it. */
    public record HoldRequest(int patronId, String pickupLibraryId, Integer biblioId, Integer itemId,
                              LocalDate holdDate, LocalDate expirationDate, String notes, String itemTypeId,
                              boolean nonPriority) {
    }

    /** Checks the rules and places the hold, or throws Koha's refusal. */
    public Hold place(Connection connection, HoldRequest request) throws SQLException {
        return place(connection, request, false);
    }

    /**
     * Checks the rules and places the hold, or throws Koha's refusal. A volume of an ordered series hold
     * (順番予約) is exempt from "holds only when no copy is on the shelf": the patron asks for the whole
     * series in order, and a volume on the shelf is simply set aside when its turn comes (see
     * {@link #allocate}).
     */
    public Hold place(Connection connection, HoldRequest request, boolean seriesVolume) throws SQLException {
        if (request.biblioId() == null && request.itemId() == null) {
            throw refusal(400, "missing_biblio_or_item", Map.of(),
                    "At least one of biblio_id, item_id should be given");
        }
        Item item = null;
        if (request.itemId() != null) {
            item = items.find(connection, request.itemId()).orElseThrow(() -> refusal(400, "missing_biblio_or_item",
                    Map.of(), "item_id not found."));
            if (request.biblioId() != null && request.biblioId() != item.biblioId()) {
                throw refusal(400, "item_biblio_mismatch", Map.of(), "Item " + item.itemId()
                        + " doesn't belong to biblio " + request.biblioId());
            }
        }
        int biblioId = item != null ? item.biblioId() : request.biblioId();
        Biblio biblio = biblios.find(connection, biblioId, false).orElseThrow(() -> refusal(400,
                "missing_biblio_or_item", Map.of(), "biblio_id not found."));
        Patron patron = patrons.find(connection, request.patronId()).orElseThrow(() -> refusal(400,
                "patron_not_found", Map.of(), "patron_id not found"));
        Library pickup = libraries.find(connection, request.pickupLibraryId()).orElseThrow(() -> refusal(400,
                "invalid_pickup_location", Map.of(), "The supplied pickup location is not valid"));
        if (!pickup.pickupLocation()) {
            throw refusal(403, "library_not_pickup_location", Map.of(), null);
        }
        if (patron.expiryDate() != null && patron.expiryDate().isBefore(today())) {
            throw refusal(409, "expired", Map.of(), null);
        }
        if (restricted(patron)) {
            throw refusal(409, "restricted", Map.of(), null);
        }
        int overdue = checkouts.countOverdue(connection, patron.patronId(), now());
        if (overdue > 0) {
            throw refusal(403, "overdue_items", Map.of("overdues_count", overdue), null);
        }
        String flag = biblio.newestIssue() ? "newest_issue" : biblio.referenceOnly() ? "reference"
                : biblio.notForLoan() ? "not_for_loan" : null;
        if (flag == null && item != null && item.notForLoan() != 0) {
            flag = "not_for_loan";
        }
        if (flag != null) {
            throw refusal(403, "not_reservable", Map.of("reason", flag), null);
        }
        List<Item> loanable = items.loanableForBiblio(connection, biblioId);
        if (loanable.isEmpty() || (item != null && item.lost() + item.withdrawn() != 0)) {
            throw refusal(403, "no_items", Map.of(), null);
        }
        if (checkouts.patronHasBiblioOnLoan(connection, patron.patronId(), biblioId)) {
            throw refusal(403, "already_possession", Map.of(), null);
        }
        List<Hold> own = holds.currentForPatronAndBiblio(connection, patron.patronId(), biblioId);
        if (item != null) {
            Integer wanted = item.itemId();
            if (own.stream().anyMatch(h -> wanted.equals(h.itemId()))) {
                throw refusal(403, "item_already_on_hold", Map.of(), null);
            }
        }
        if (!own.isEmpty()) {
            throw refusal(403, "too_many_holds_for_this_record", Map.of("max", 1), null);
        }
        boolean audioVisual = isAudioVisual(biblio);
        int limit = audioVisual ? rules.maxAudioVisualHolds() : rules.maxBookHolds();
        if (holds.countCurrentForPatron(connection, patron.patronId(), audioVisual) >= limit) {
            throw refusal(403, "too_many_reserves", Map.of("max", limit,
                    "material", audioVisual ? "audio_visual" : "book"), null);
        }
        if (rules.holdsOnlyWhenNoneOnShelf() && !seriesVolume) {
            boolean onShelf = item != null ? items.isFree(connection, item.itemId())
                    : !items.freeForBiblio(connection, biblioId).isEmpty();
            if (onShelf) {
                throw refusal(403, "not_reservable", Map.of("reason", "on_shelf"), null);
            }
        }
        LocalDate today = today();
        Hold hold = new Hold(null, patron.patronId(), biblioId, item == null ? null : item.itemId(), item != null,
                pickup.libraryId(), request.holdDate() == null ? today : request.holdDate(),
                request.expirationDate(), holds.nextPriority(connection, biblioId), null, null, false, false, null,
                request.nonPriority(), item == null ? request.itemTypeId() : null, request.notes(), null, null,
                false, now());
        int id = holds.insert(connection, hold);
        LOG.info("Hold {} placed on record {} by patron {}", id, biblioId, patron.patronId());
        return holds.find(connection, id).orElseThrow();
    }

    static boolean isAudioVisual(Biblio biblio) {
        try {
            return MaterialType.valueOf(biblio.materialType()).audioVisual();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Koha's refusal of a hold: {@code {"error": "Hold cannot be placed. Reason: <code>", "error_code": <code>}}
     * plus {@code extra} fields (e.g. {@code max}, {@code reason}).
     */
    public static ApiProblem refusal(int status, String code, Map<String, Object> extra, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error != null ? error : "Hold cannot be placed. Reason: " + code);
        body.put("error_code", code);
        body.putAll(extra);
        return new ApiProblem(Response.json(status, body));
    }

    // ------------------------------------------------------------------ mail

    /** The contact method of a hold: the one chosen, else e-mail when the patron has an address, else phone. */
    public static String contactMethod(HoldDetails details, Patron patron) {
        if (details != null && details.contactMethod() != null) {
            return details.contactMethod();
        }
        return patron.email() != null && !patron.email().isBlank() ? "email" : "phone";
    }

    private void notifyReady(Connection connection, int holdId) throws SQLException {
        Hold hold = holds.find(connection, holdId).orElseThrow();
        Patron patron = patrons.find(connection, hold.patronId()).orElseThrow();
        if (!"email".equals(contactMethod(holds.details(connection, holdId), patron)) || patron.email() == null) {
            return;
        }
        String title = biblios.find(connection, hold.biblioId(), false).map(Biblio::title).orElse("");
        String library = libraries.find(connection, hold.pickupLibraryId()).map(Library::name)
                .orElse(hold.pickupLibraryId());
        mailer.send(patron.email(), "hold-ready", "予約資料のご用意ができました",
                patron.surname() + " " + (patron.firstname() == null ? "" : patron.firstname()) + " 様\n\n"
                        + "ご予約の資料が用意できました。\n\n"
                        + "  資料名　　: " + title + "\n"
                        + "  受取場所　: " + library + "\n"
                        + "  取置期限　: " + hold.expirationDate() + " まで\n\n"
                        + "期限を過ぎますと予約は取り消されます。\n\n"
                        + Mailer.FROM_NAME + "\n");
    }
}

package org.opackiosk.core.connectivity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.RecordAvailability;
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
 * The circulation port with every answer also reported to the {@link ConnectivityMonitor}: what the
 * kiosk's real requests see is evidence, not only the probe. Wrap the adapter once, in the
 * composition root. Optionally counts the requests in flight ({@link RequestsInFlight}). Adds nothing
 * else; thread-safe and blocking exactly as the wrapped port.
 */
public final class ObservedCirculationService implements CirculationService {

    private final CirculationService delegate;
    private final ConnectivityMonitor monitor;
    private final Optional<RequestsInFlight> inFlight;
    private final Optional<RequestFailures> failures;

    public ObservedCirculationService(CirculationService delegate, ConnectivityMonitor monitor) {
        this(delegate, monitor, Optional.empty(), Optional.empty());
    }

    /** Also counts every request while it waits for the server, for the status light's "working" (ADR 0024). */
    public ObservedCirculationService(CirculationService delegate, ConnectivityMonitor monitor, RequestsInFlight inFlight) {
        this(delegate, monitor, Optional.of(inFlight), Optional.empty());
    }

    /** Also keeps the last request that failed, for the staff dashboard's "last error" (issue 8). */
    public ObservedCirculationService(CirculationService delegate, ConnectivityMonitor monitor, RequestsInFlight inFlight,
                                      RequestFailures failures) {
        this(delegate, monitor, Optional.of(inFlight), Optional.of(failures));
    }

    private ObservedCirculationService(CirculationService delegate, ConnectivityMonitor monitor,
                                       Optional<RequestsInFlight> inFlight, Optional<RequestFailures> failures) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    private <T> CallResult<T> observed(String name, Supplier<CallResult<T>> call) {
        CallResult<T> result;
        if (inFlight.isPresent()) {
            try (RequestsInFlight.Request request = inFlight.get().begin()) {
                result = call.get();
            }
        } else {
            result = call.get();
        }
        monitor.report(result);
        failures.ifPresent(f -> f.saw(name, result));
        return result;
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public CallResult<List<Library>> libraries() {
        return observed("libraries", () -> delegate.libraries());
    }

    @Override
    public CallResult<CataloguePage> cataloguePage(Optional<Instant> changedSince, int page, int perPage) {
        return observed("cataloguePage", () -> delegate.cataloguePage(changedSince, page, perPage));
    }

    @Override
    public CallResult<CatalogueRecord> record(String recordId) {
        return observed("record", () -> delegate.record(recordId));
    }

    @Override
    public CallResult<List<Item>> items(String recordId) {
        return observed("items", () -> delegate.items(recordId));
    }

    @Override
    public CallResult<RecordAvailability> availability(String recordId) {
        return observed("availability", () -> delegate.availability(recordId));
    }

    @Override
    public CallResult<PatronId> authenticate(String cardNumber, String password) {
        return observed("authenticate", () -> delegate.authenticate(cardNumber, password));
    }

    @Override
    public CallResult<PatronId> findPatron(String cardNumber) {
        return observed("findPatron", () -> delegate.findPatron(cardNumber));
    }

    @Override
    public CallResult<String> patronCategory(String cardNumber) {
        return observed("patronCategory", () -> delegate.patronCategory(cardNumber));
    }

    @Override
    public CallResult<PatronSummary> patronSummary(PatronId patron) {
        return observed("patronSummary", () -> delegate.patronSummary(patron));
    }

    @Override
    public CallResult<PasswordPolicy> passwordPolicy() {
        return observed("passwordPolicy", () -> delegate.passwordPolicy());
    }

    @Override
    public CallResult<PatronId> verifyIdentity(IdentityCheck check) {
        return observed("verifyIdentity", () -> delegate.verifyIdentity(check));
    }

    @Override
    public CallResult<Done> setPassword(PatronId patron, String newPassword) {
        return observed("setPassword", () -> delegate.setPassword(patron, newPassword));
    }

    @Override
    public CallResult<Done> changePassword(PatronId patron, String oldPassword, String newPassword) {
        return observed("changePassword", () -> delegate.changePassword(patron, oldPassword, newPassword));
    }

    @Override
    public CallResult<Done> updateEmails(PatronId patron, Optional<String> primary, Optional<String> secondary) {
        return observed("updateEmails", () -> delegate.updateEmails(patron, primary, secondary));
    }

    @Override
    public CallResult<List<Loan>> loans(PatronId patron) {
        return observed("loans", () -> delegate.loans(patron));
    }

    @Override
    public CallResult<Loan> renew(PatronId patron, String checkoutId) {
        return observed("renew", () -> delegate.renew(patron, checkoutId));
    }

    @Override
    public CallResult<List<Hold>> holds(PatronId patron) {
        return observed("holds", () -> delegate.holds(patron));
    }

    @Override
    public CallResult<List<CancelledHold>> cancelledHolds(PatronId patron) {
        return observed("cancelledHolds", () -> delegate.cancelledHolds(patron));
    }

    @Override
    public CallResult<Done> dismissCancelledHold(PatronId patron, String holdId) {
        return observed("dismissCancelledHold", () -> delegate.dismissCancelledHold(patron, holdId));
    }

    @Override
    public CallResult<List<Library>> pickupLocations(String recordId, PatronId patron) {
        return observed("pickupLocations", () -> delegate.pickupLocations(recordId, patron));
    }

    @Override
    public CallResult<List<Hold>> placeHold(HoldRequest request) {
        return observed("placeHold", () -> delegate.placeHold(request));
    }

    @Override
    public CallResult<Done> cancelHold(PatronId patron, String holdId) {
        return observed("cancelHold", () -> delegate.cancelHold(patron, holdId));
    }

    @Override
    public CallResult<Hold> changePickupLibrary(PatronId patron, String holdId, String libraryId) {
        return observed("changePickupLibrary", () -> delegate.changePickupLibrary(patron, holdId, libraryId));
    }

    @Override
    public CallResult<Hold> changeContactMethod(PatronId patron, String holdId, ContactMethod method) {
        return observed("changeContactMethod", () -> delegate.changeContactMethod(patron, holdId, method));
    }
}

package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.holds.HoldStatus;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.core.patron.IdentityCheck;
import org.opackiosk.core.patron.Notice;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;

/**
 * The Koha adapter against the real demo server over HTTPS: every port operation and every
 * circulation rule of the demo library, a test per rule. A fresh server (fresh H2 file) per test,
 * so rules that change state cannot leak into each other.
 */
class KohaCirculationIT {

    @TempDir
    Path dataDir;

    DemoServer server;
    KohaCirculationService koha;

    @BeforeEach
    void start() throws IOException {
        // the library's Koha and the kiosk both keep Japan's time: with the server on the machine's zone (UTC in CI)
        // a renewal's due date was a day early between 15:00 and 24:00 UTC
        Clock tokyo = Clock.system(ZoneId.of("Asia/Tokyo"));
        server = DemoServer.start(DemoServerOptions.defaults(dataDir).withClock(tokyo));
        koha = new KohaCirculationService(TestSettings.demo(server, server.pin()), tokyo);
    }

    @AfterEach
    void stop() {
        koha.close();
        server.close();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static <T> T ok(CallResult<T> result) {
        assertThat(result).isInstanceOf(CallResult.Ok.class);
        return ((CallResult.Ok<T>) result).value();
    }

    private static String refusalCode(CallResult<?> result) {
        assertThat(result).isInstanceOf(CallResult.Refused.class);
        return ((CallResult.Refused<?>) result).reason().code();
    }

    private PatronId login(String card, String password) {
        return ok(koha.authenticate(card, password));
    }

    /** {@code patron} asks for {@code record}, to be picked up at {@code branch}, and is told by e-mail. */
    private CallResult<List<Hold>> placeHold(PatronId patron, CatalogueRecord record, String branch) {
        return koha.placeHold(HoldRequest.single(patron, record.id(), branch, ContactMethod.EMAIL));
    }

    private List<CatalogueRecord> allRecords() {
        return ok(koha.cataloguePage(Optional.empty(), 1, 1000)).records();
    }

    /** A book (item type BK) every loanable copy of which is on loan, and that the patron neither holds nor borrows. */
    private CatalogueRecord bookAllOnLoanFreeFor(PatronId patron) {
        Set<String> held = ok(koha.holds(patron)).stream().map(Hold::recordId).collect(java.util.stream.Collectors.toSet());
        Set<String> borrowed = ok(koha.loans(patron)).stream().map(Loan::recordId).collect(java.util.stream.Collectors.toSet());
        return allRecords().stream()
                .filter(r -> r.itemTypeId().equals("BK"))
                .filter(r -> !held.contains(r.id()) && !borrowed.contains(r.id()))
                .filter(r -> {
                    List<Item> items = ok(koha.items(r.id()));
                    List<Item> loanable = items.stream().filter(i -> !i.notForLoan()).toList();
                    return !loanable.isEmpty() && loanable.stream().allMatch(Item::onLoan);
                })
                .findFirst().orElseThrow();
    }

    private CatalogueRecord recordOfType(String itemType, java.util.function.Predicate<List<Item>> items) {
        return allRecords().stream()
                .filter(r -> r.itemTypeId().equals(itemType))
                .filter(r -> items.test(ok(koha.items(r.id()))))
                .findFirst().orElseThrow();
    }

    // --- authentication and patrons ----------------------------------------------------------

    @Test
    void aPatronLogsInWithCardNumberAndPassword() {
        PatronId id = login("01000001", "taro1234");

        assertThat(ok(koha.findPatron("01000001"))).isEqualTo(id);
    }

    @Test
    void aWrongPasswordIsRefusedAsInvalidCredentials() {
        assertThat(refusalCode(koha.authenticate("01000001", "wrong1"))).isEqualTo("invalid_credentials");
    }

    @Test
    void anUnknownCardIsNotFound() {
        assertThat(refusalCode(koha.findPatron("09999999"))).isEqualTo("patron_not_found");
    }

    @Test
    void theSummaryCountsLoansOverduesAndHolds() {
        PatronId id = login("01000005", "tanaka55");

        PatronSummary summary = ok(koha.patronSummary(id));

        assertThat(summary.overdueCount()).isEqualTo(2);
        assertThat(summary.loanCount()).isGreaterThanOrEqualTo(3);
        assertThat(summary.notices()).anySatisfy(n -> assertThat(n).isInstanceOf(Notice.Overdue.class));
        assertThat(summary.cardNumber()).isEqualTo("01000005");
    }

    @Test
    void aCardExpiringWithinAMonthGetsANotice() {
        PatronSummary summary = ok(koha.patronSummary(login("01000008", "yumi0808")));

        assertThat(summary.notices()).anySatisfy(n -> assertThat(n).isInstanceOf(Notice.CardExpiresSoon.class));
    }

    @Test
    void anExpiredCardCanLogInSeesTheNoticeButCannotPlaceHolds() {
        PatronId id = login("01000007", "osamu777");

        assertThat(ok(koha.patronSummary(id)).notices()).anySatisfy(n -> assertThat(n).isInstanceOf(Notice.CardExpired.class));
        CatalogueRecord book = bookAllOnLoanFreeFor(id);
        assertThat(refusalCode(placeHold(id, book, "HIGASHI"))).isEqualTo("expired");
    }

    @Test
    void suspendedPatronsCanLogInAndSeeTheirAccountButNotPlaceHolds() {
        PatronId id = login("01000009", "makoto99");

        PatronSummary summary = ok(koha.patronSummary(id));
        // the demo keeps 資料弁償未済 under the library's own restriction type DEBT: unpaid replacement
        assertThat(summary.restriction()).contains(org.opackiosk.core.patron.SuspensionCategory.FINES);
        assertThat(summary.notices()).contains(new Notice.Suspended(org.opackiosk.core.patron.SuspensionCategory.FINES));
        CatalogueRecord book = bookAllOnLoanFreeFor(id);
        assertThat(refusalCode(koha.placeHold(HoldRequest.single(id, book.id(), "NISHI", ContactMethod.PHONE))))
                .isEqualTo("restricted");
    }

    // --- holds rules -----------------------------------------------------------------------------

    @Test
    void aHoldIsPlacedOnARecordWhoseCopiesAreAllOnLoanAndListedAsWaiting() {
        PatronId id = login("01000015", "daisuke15");
        CatalogueRecord book = bookAllOnLoanFreeFor(id);

        List<Hold> placed = ok(placeHold(id, book, "HIGASHI"));

        assertThat(placed).singleElement().satisfies(h -> {
            assertThat(h.recordId()).isEqualTo(book.id());
            assertThat(h.status()).isEqualTo(HoldStatus.WAITING);
            assertThat(h.queuePosition()).isPresent();
            assertThat(h.pickupLibraryId()).isEqualTo("HIGASHI");
        });
        assertThat(ok(koha.holds(id))).extracting(Hold::recordId).contains(book.id());
    }

    @Test
    void holdsAreOnlyTakenOnRecordsWithNoCopyOnTheShelf() {
        PatronId id = login("01000015", "daisuke15");
        CatalogueRecord onShelf = recordOfType("BK", items -> items.stream().anyMatch(i -> !i.notForLoan() && !i.onLoan()));

        assertThat(refusalCode(placeHold(id, onShelf, "HIGASHI"))).isEqualTo("not_reservable");
    }

    @Test
    void theEleventhBookHoldIsRefusedAtTheHoldLimit() {
        PatronId id = login("01000011", "sho1111");
        CatalogueRecord book = bookAllOnLoanFreeFor(id);

        assertThat(refusalCode(placeHold(id, book, "HIGASHI"))).isEqualTo("too_many_reserves");
    }

    @Test
    void noHoldsWhileAnythingIsOverdue() {
        PatronId id = login("01000005", "tanaka55");
        CatalogueRecord book = bookAllOnLoanFreeFor(id);

        assertThat(refusalCode(placeHold(id, book, "CEN"))).isEqualTo("overdue_items");
    }

    @Test
    void referenceMaterialCannotBeHeld() {
        PatronId id = login("01000015", "daisuke15");
        CatalogueRecord reference = recordOfType("BK", items -> !items.isEmpty() && items.stream().allMatch(Item::notForLoan));

        assertThat(refusalCode(placeHold(id, reference, "HIGASHI"))).isEqualTo("not_reservable");
    }

    @Test
    void theNewestMagazineIssueCannotBeHeld() {
        PatronId id = login("01000015", "daisuke15");
        CatalogueRecord newest = recordOfType("MG", items -> !items.isEmpty() && items.stream().allMatch(Item::notForLoan));

        assertThat(refusalCode(placeHold(id, newest, "HIGASHI"))).isEqualTo("not_reservable");
    }

    @Test
    void theSameRecordCannotBeHeldTwice() {
        PatronId id = login("01000015", "daisuke15");
        CatalogueRecord book = bookAllOnLoanFreeFor(id);
        ok(placeHold(id, book, "HIGASHI"));

        assertThat(refusalCode(placeHold(id, book, "HIGASHI"))).isEqualTo("too_many_holds_for_this_record");
    }

    @Test
    void aWaitingHoldIsCancelledAndAppearsInTheCancelledListUntilDismissed() {
        PatronId id = login("01000015", "daisuke15");
        CatalogueRecord book = bookAllOnLoanFreeFor(id);
        Hold hold = ok(placeHold(id, book, "HIGASHI")).get(0);

        assertThat(ok(koha.cancelHold(id, hold.holdId()))).isEqualTo(Done.DONE);

        assertThat(ok(koha.holds(id))).extracting(Hold::holdId).doesNotContain(hold.holdId());
        List<CancelledHold> cancelled = ok(koha.cancelledHolds(id));
        assertThat(cancelled).extracting(CancelledHold::holdId).contains(hold.holdId());
        assertThat(ok(koha.dismissCancelledHold(id, hold.holdId()))).isEqualTo(Done.DONE);
        assertThat(ok(koha.cancelledHolds(id))).extracting(CancelledHold::holdId).doesNotContain(hold.holdId());
    }

    @Test
    void thePickupLibraryAndContactMethodOfAWaitingHoldCanBeChanged() {
        PatronId id = login("01000015", "daisuke15");
        CatalogueRecord book = bookAllOnLoanFreeFor(id);
        Hold hold = ok(placeHold(id, book, "HIGASHI")).get(0);
        List<Library> pickup = ok(koha.pickupLocations(book.id(), id));
        assertThat(pickup).extracting(Library::id).contains("CEN", "BM1");

        Hold moved = ok(koha.changePickupLibrary(id, hold.holdId(), "CEN"));
        Hold byPhone = ok(koha.changeContactMethod(id, hold.holdId(), ContactMethod.PHONE));

        assertThat(moved.pickupLibraryId()).isEqualTo("CEN");
        assertThat(byPhone.contactMethod()).isEqualTo(ContactMethod.PHONE);
        assertThat(ok(koha.holds(id))).filteredOn(h -> h.holdId().equals(hold.holdId()))
                .singleElement().satisfies(h -> {
                    assertThat(h.pickupLibraryId()).isEqualTo("CEN");
                    assertThat(h.contactMethod()).isEqualTo(ContactMethod.PHONE);
                });
    }

    @Test
    void aHoldReadyForPickupCannotBeMovedByThePatron() {
        PatronId id = login("01000016", "yoko1616");
        Optional<Hold> ready = ok(koha.holds(id)).stream().filter(h -> h.status() == HoldStatus.READY).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(ready.isPresent(), "the demo data gives this patron a ready hold");

        assertThat(ready.get().pickupBy()).isPresent();
        assertThat(ready.get().changeableByPatron()).isFalse();
        assertThat(refusalCode(koha.changePickupLibrary(id, ready.get().holdId(), "NISHI"))).isEqualTo("hold_waiting");
    }

    @Test
    void anOrderedSeriesHoldIsPlacedForEveryVolumeInOrder() {
        PatronId id = login("01000015", "daisuke15");
        assertThat(koha.capabilities()).contains(Capability.ORDERED_SERIES_HOLDS);
        List<String> volumes = allRecords().stream()
                .filter(r -> r.itemTypeId().equals("BK") && r.title().contains("半七捕物帳"))
                .map(CatalogueRecord::id).limit(3).toList();
        assertThat(volumes).hasSize(3);

        List<Hold> holds = ok(koha.placeHold(new HoldRequest(id, volumes, "HIGASHI", ContactMethod.EMAIL)));

        assertThat(holds).extracting(Hold::recordId).containsExactlyElementsOf(volumes);
        assertThat(holds).allSatisfy(h -> assertThat(h.seriesGroup()).isPresent());
        assertThat(holds).extracting(h -> h.seriesGroup().orElseThrow()).containsOnly(holds.get(0).seriesGroup().orElseThrow());
    }

    @Test
    void aReadyHoldIsKeptSevenDaysThenCancelledAndListedThirtyDays(@TempDir Path clockDir) throws IOException {
        // given a server whose clock we move, and a patron with a hold ready for pickup
        MutableClock serverClock = new MutableClock(java.time.Instant.now(), ZoneId.of("Asia/Tokyo"));
        try (DemoServer moving = DemoServer.start(DemoServerOptions.defaults(clockDir).withClock(serverClock));
             KohaCirculationService client = new KohaCirculationService(TestSettings.demo(moving, moving.pin()), serverClock)) {
            PatronId id = ok(client.authenticate("01000016", "yoko1616"));
            Hold ready = ok(client.holds(id)).stream().filter(h -> h.status() == HoldStatus.READY).findFirst().orElseThrow();
            LocalDate lastDay = ready.pickupBy().orElseThrow();
            assertThat(lastDay).isAfterOrEqualTo(LocalDate.now(serverClock)).isBeforeOrEqualTo(LocalDate.now(serverClock).plusDays(7));

            // when the last pickup day has passed
            serverClock.advance(java.time.Duration.ofDays(8));

            // then the hold is gone from the current holds and listed as not picked up
            assertThat(ok(client.holds(id))).extracting(Hold::holdId).doesNotContain(ready.holdId());
            assertThat(ok(client.cancelledHolds(id))).filteredOn(c -> c.holdId().equals(ready.holdId()))
                    .singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo(CancelledHold.Reason.NOT_PICKED_UP));

            // and after thirty more days it leaves the list of cancelled holds
            serverClock.advance(java.time.Duration.ofDays(31));
            assertThat(ok(client.cancelledHolds(id))).extracting(CancelledHold::holdId).doesNotContain(ready.holdId());
        }
    }

    // --- loans -----------------------------------------------------------------------------------

    @Test
    void aLoanRenewsOnceForTwoWeeksFromTheDayOfRenewal() {
        PatronId id = login("01000016", "yoko1616");
        Loan renewable = ok(koha.loans(id)).stream()
                .filter(l -> l.renewal() instanceof Loan.Renewal.Allowed).findFirst().orElseThrow();

        Loan renewed = ok(koha.renew(id, renewable.checkoutId()));

        assertThat(renewed.dueDate()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Tokyo")).plusWeeks(2));
        assertThat(ok(koha.loans(id))).filteredOn(l -> l.checkoutId().equals(renewable.checkoutId()))
                .singleElement().satisfies(l -> assertThat(l.renewal()).isInstanceOf(Loan.Renewal.NotAllowed.class));
        assertThat(koha.renew(id, renewable.checkoutId())).isInstanceOf(CallResult.Refused.class);
    }

    @Test
    void renewIsRefusedWhenOverdue() {
        PatronId id = login("01000005", "tanaka55");
        Loan overdue = ok(koha.loans(id)).stream().filter(Loan::overdue).findFirst().orElseThrow();

        assertThat(overdue.renewal()).isInstanceOfSatisfying(Loan.Renewal.NotAllowed.class,
                n -> assertThat(n.reason().code()).isEqualTo("overdue"));
        assertThat(koha.renew(id, overdue.checkoutId())).isInstanceOf(CallResult.Refused.class);
    }

    @Test
    void renewIsRefusedWhenSomeoneIsWaiting() {
        // a loan of a record somebody holds: find one among the ordinary patrons
        for (String[] patron : new String[][] {{"01000001", "taro1234"}, {"01000002", "hanako22"}, {"01000016", "yoko1616"},
                {"01000013", "emily2026"}, {"01000020", "sumiko20"}, {"01000004", "midori04"}}) {
            PatronId id = login(patron[0], patron[1]);
            Optional<Loan> waited = ok(koha.loans(id)).stream().filter(Loan::someoneWaiting).findFirst();
            if (waited.isPresent()) {
                assertThat(waited.get().renewal()).isInstanceOfSatisfying(Loan.Renewal.NotAllowed.class,
                        n -> assertThat(n.reason().code()).isEqualTo("on_reserve"));
                assertThat(koha.renew(id, waited.get().checkoutId())).isInstanceOf(CallResult.Refused.class);
                return;
            }
        }
        throw new AssertionError("the demo data has no loan with a waiting hold among the ordinary patrons");
    }

    // --- passwords and e-mail --------------------------------------------------------------------

    @Test
    void thePasswordPolicyIsFourToTenLettersAndDigits() {
        PasswordPolicy policy = ok(koha.passwordPolicy());

        assertThat(policy).isEqualTo(new PasswordPolicy(4, 10, true));
    }

    @Test
    void aFirstPasswordIsRegisteredAfterTheIdentityCheck() {
        PatronId id = ok(koha.verifyIdentity(new IdentityCheck("01000010", LocalDate.of(1988, 7, 7), "08000000110")));

        assertThat(ok(koha.setPassword(id, "first123"))).isEqualTo(Done.DONE);

        assertThat(ok(koha.authenticate("01000010", "first123"))).isEqualTo(id);
    }

    @Test
    void theIdentityCheckRefusesAWrongDateOfBirth() {
        assertThat(refusalCode(koha.verifyIdentity(new IdentityCheck("01000010", LocalDate.of(1988, 7, 8), "080-0000-0110"))))
                .isEqualTo("identity_not_confirmed");
    }

    @Test
    void aPasswordOutsideThePolicyIsRefused() {
        PatronId id = ok(koha.verifyIdentity(new IdentityCheck("01000017", LocalDate.of(1993, 3, 3), "090-0000-0117")));

        assertThat(refusalCode(koha.setPassword(id, "abc"))).isEqualTo("password_too_short");
        assertThat(refusalCode(koha.setPassword(id, "あいうえお12"))).isEqualTo("password_invalid_characters");
    }

    @Test
    void aPatronChangesTheirPasswordWithTheOldOne() {
        PatronId id = login("01000015", "daisuke15");

        assertThat(refusalCode(koha.changePassword(id, "wrong15", "newpass1"))).isEqualTo("invalid_credentials");
        assertThat(ok(koha.changePassword(id, "daisuke15", "newpass1"))).isEqualTo(Done.DONE);

        assertThat(koha.authenticate("01000015", "newpass1")).isInstanceOf(CallResult.Ok.class);
        assertThat(koha.authenticate("01000015", "daisuke15")).isInstanceOf(CallResult.Refused.class);
    }

    @Test
    void emailAddressesAreUpdatedAndCleared() {
        PatronId id = login("01000003", "4321");

        assertThat(ok(koha.updateEmails(id, Optional.of("new@example.com"), Optional.of("second@example.org")))).isEqualTo(Done.DONE);
        PatronSummary after = ok(koha.patronSummary(id));
        assertThat(after.email()).contains("new@example.com");
        assertThat(after.secondaryEmail()).contains("second@example.org");

        ok(koha.updateEmails(id, Optional.of("new@example.com"), Optional.empty()));
        assertThat(ok(koha.patronSummary(id)).secondaryEmail()).isEmpty();
    }

    @Test
    void theDemoServerOffersEveryExtension() {
        assertThat(koha.capabilities()).containsExactlyInAnyOrder(Capability.values());
    }
}

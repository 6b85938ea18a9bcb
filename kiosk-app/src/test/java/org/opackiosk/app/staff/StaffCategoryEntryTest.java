package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.staff.StaffEntryViewModelTest.RecordingNavigator;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.config.StaffSettings;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.core.staff.StaffEntry;
import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.core.staff.StaffSession;

/** Staff entry by the patron category the server reports ([staff] categories), on the fake server and fake time. */
class StaffCategoryEntryTest {

    private static final String PIN = "482915";
    private static final String HASH = StaffPinHash.hash(PIN.toCharArray(), new SecureRandom());
    private static final Instant T0 = Instant.parse("2026-11-23T05:05:00Z");
    private static final String STAFF_PATRON = "01000014";
    private static final String PATRON = "01000001";
    private static final StaffSettings BY_CATEGORY = new StaffSettings(Optional.of(HASH), Set.of(), Optional.empty(),
            true, true, Duration.ofMinutes(2), Set.of("STAFF"));

    private final FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
    private final MutableClock clock = new MutableClock(T0, ZoneId.of("Asia/Tokyo"));
    private final QueuedScheduler scheduler = new QueuedScheduler(false);
    private final InMemoryStaffAudit audit = new InMemoryStaffAudit();
    private final StaffSession session = new StaffSession();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final AtomicInteger patronSessionsEnded = new AtomicInteger();
    private final AtomicBoolean online = new AtomicBoolean(true);
    private final List<String> patronLogins = new ArrayList<>();

    StaffCategoryEntryTest() {
        server.patrons.add(STAFF_PATRON, "staff2026", "14", "松本 恵", Optional.empty(), List.of());
        server.patrons.categories.put(STAFF_PATRON, "STAFF");
    }

    private StaffEntryViewModel viewModel(StaffSettings settings) {
        StaffEntryViewModel vm = new StaffEntryViewModel(new StaffEntry(settings, audit, clock), settings, session, clock,
                scheduler, Runnable::run, new Localization(Locale.JAPANESE), navigator, patronSessionsEnded::incrementAndGet,
                on -> { });
        vm.lookUpCategoriesWith(server.service(), online::get);
        return vm;
    }

    // as KioskUi routes a scanned library card: staff card first, then the category, else the patron's login
    private void scan(StaffEntryViewModel vm, String card) {
        if (!vm.cardScanned(card) && !vm.lookUpCategory(card, () -> patronLogins.add(card))) {
            patronLogins.add(card);
        }
    }

    private long categoryLookups() {
        return server.patrons.calls.stream().filter("patronCategory"::equals).count();
    }

    @Test
    void aCardWhosePatronIsInAStaffCategoryAsksForThePinAndTheEntryIsAuditedAsSuch() {
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);

        scan(vm, STAFF_PATRON);

        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF_ENTRY);
        assertThat(vm.staffCardProperty().get()).isEqualTo("****0014");
        assertThat(patronSessionsEnded.get()).isEqualTo(1);
        assertThat(patronLogins).isEmpty();
        for (char c : PIN.toCharArray()) {
            vm.key(String.valueOf(c));
        }
        vm.submit();
        assertThat(session.staff()).contains("****0014");
        assertThat(audit.recent(1).getFirst()).isEqualTo(
                new StaffAuditEntry(T0, "****0014", StaffEntry.ACTION_ENTER, "staff category and PIN"));
    }

    @Test
    void aCardWhosePatronIsInAnotherCategoryStartsThePatronsLogin() {
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);

        scan(vm, PATRON);

        assertThat(patronLogins).containsExactly(PATRON);
        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(categoryLookups()).isEqualTo(1);
    }

    @Test
    void aCardNoPatronHoldsStartsTheLoginWhichThenSaysSo() {
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);

        scan(vm, "01009999");

        assertThat(patronLogins).containsExactly("01009999");
    }

    @Test
    void whenTheServerFailsTheCardStartsThePatronsLogin() {
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);
        server.setReachable(false);

        scan(vm, STAFF_PATRON);

        assertThat(patronLogins).containsExactly(STAFF_PATRON);
        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
    }

    @Test
    void offlineNoCardIsLookedUpAndTheLoginStartsAtOnce() {
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);
        online.set(false);

        scan(vm, STAFF_PATRON);

        assertThat(patronLogins).containsExactly(STAFF_PATRON);
        assertThat(categoryLookups()).isZero();
    }

    @Test
    void withoutCategoriesNoCardIsLookedUp() {
        StaffEntryViewModel vm = viewModel(BY_CATEGORY.withCategories(Set.of()));

        scan(vm, STAFF_PATRON);

        assertThat(patronLogins).containsExactly(STAFF_PATRON);
        assertThat(categoryLookups()).isZero();
    }

    @Test
    void aListedStaffCardIsNotLookedUp() {
        StaffEntryViewModel vm = viewModel(new StaffSettings(Optional.of(HASH), Set.of(STAFF_PATRON), Optional.empty(),
                true, true, Duration.ofMinutes(2), Set.of("STAFF")));

        scan(vm, STAFF_PATRON);

        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF_ENTRY);
        assertThat(categoryLookups()).isZero();
    }

    @Test
    void theLookupRunsOffTheUiThreadAndNothingHappensUntilItAnswers() {
        scheduler.setHoldWork(true);
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);

        scan(vm, STAFF_PATRON);

        assertThat(categoryLookups()).isZero();
        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(patronLogins).isEmpty();
        scheduler.runQueuedWork();
        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF_ENTRY);
    }

    @Test
    void noAnswerWithinTheLimitStartsThePatronsLoginAndALateAnswerCountsForNothing() {
        scheduler.setHoldWork(true);
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);
        scan(vm, STAFF_PATRON);

        clock.advance(StaffEntryViewModel.CATEGORY_LOOKUP);
        scheduler.advance(StaffEntryViewModel.CATEGORY_LOOKUP);

        assertThat(patronLogins).containsExactly(STAFF_PATRON);
        scheduler.runQueuedWork();
        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(patronLogins).containsExactly(STAFF_PATRON);
    }

    @Test
    void aNewerScanMakesTheEarlierAnswerCountForNothing() {
        scheduler.setHoldWork(true);
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);
        scan(vm, STAFF_PATRON);
        scan(vm, PATRON);

        scheduler.runQueuedWork();

        assertThat(patronLogins).containsExactly(PATRON);
        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
    }

    @Test
    void inMaintenanceModeNoCardIsLookedUp() {
        StaffEntryViewModel vm = viewModel(BY_CATEGORY);
        vm.keySwitch(true);

        scan(vm, PATRON);

        assertThat(categoryLookups()).isZero();
        assertThat(patronLogins).isEmpty();
    }
}

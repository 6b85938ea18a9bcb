package org.opackiosk.demo.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCataloguePatronsTest {

    private static DemoCatalogue catalogue;
    private static Map<Integer, DemoRecord> records;
    private static Map<Integer, DemoItem> items;

    @BeforeAll
    static void load() {
        catalogue = DemoCatalogue.load();
        records = catalogue.records().stream().collect(Collectors.toMap(DemoRecord::number, Function.identity()));
        items = catalogue.items().stream().collect(Collectors.toMap(DemoItem::itemNumber, Function.identity()));
    }

    private static List<DemoPatron> patrons(Predicate<DemoPatron> condition) {
        return catalogue.patrons().stream().filter(condition).toList();
    }

    private static List<DemoLoan> loansOf(DemoPatron patron) {
        return catalogue.loans().stream().filter(l -> l.cardNumber().equals(patron.cardNumber())).toList();
    }

    private static List<DemoHold> holdsOf(DemoPatron patron) {
        return catalogue.holds().stream().filter(h -> h.cardNumber().equals(patron.cardNumber())).toList();
    }

    private static boolean hasOverdue(DemoPatron patron) {
        return loansOf(patron).stream().anyMatch(l -> l.dueInDays() < 0);
    }

    private static boolean ordinary(DemoPatron p) {
        return p.category().equals("ADULT") && !p.restricted() && p.password().isPresent()
                && p.expiresInDays() > 31 && !hasOverdue(p);
    }

    @Test
    void thereAreAboutTwentyPatrons() {
        assertThat(catalogue.patrons()).hasSizeBetween(18, 24);
    }

    @Test
    void cardNumbersAreUniqueEightDigitsStartingWithZero() {
        assertThat(catalogue.patrons()).extracting(DemoPatron::cardNumber).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("0[0-9]{7}"));
    }

    @Test
    void passwordsAreFourToTenHalfWidthLettersOrDigits() {
        assertThat(catalogue.patrons()).allSatisfy(p -> p.password()
                .ifPresent(pw -> assertThat(pw).matches("^[A-Za-z0-9]{4,10}$")));
    }

    @Test
    void passwordsNeverAppearInToString() {
        assertThat(catalogue.patrons()).allSatisfy(p -> p.password()
                .ifPresent(pw -> assertThat(p.toString()).doesNotContain(pw)));
    }

    @Test
    void everyPatronSaysWhatItDemonstratesInBothLanguages() {
        assertThat(catalogue.patrons()).allSatisfy(p -> {
            assertThat(p.demonstratesJa()).isNotBlank();
            assertThat(p.demonstratesEn()).isNotBlank();
        });
        assertThat(catalogue.patrons()).extracting(DemoPatron::demonstratesEn).doesNotHaveDuplicates();
    }

    @Test
    void severalOrdinaryPatronsWithAndWithoutEmail() {
        List<DemoPatron> ordinary = patrons(DemoCataloguePatronsTest::ordinary);
        assertThat(ordinary).hasSizeGreaterThanOrEqualTo(5);
        assertThat(ordinary).anyMatch(p -> !p.email().isEmpty())
                .anyMatch(p -> p.email().isEmpty())
                .anyMatch(p -> !p.secondaryEmail().isEmpty());
    }

    @Test
    void aPatronHasOverdueLoansWithoutBeingSuspended() {
        assertThat(patrons(p -> hasOverdue(p) && !p.restricted())).isNotEmpty();
    }

    @Test
    void aPatronIsSuspendedForOverdueLoans() {
        assertThat(patrons(p -> p.restricted() && p.restrictionReason().equals("延滞による貸出禁止")))
                .singleElement().satisfies(p -> assertThat(loansOf(p)).allMatch(l -> l.dueInDays() < -30));
    }

    @Test
    void aPatronIsSuspendedForAnUnpaidLostItem() {
        assertThat(patrons(p -> p.restricted() && p.restrictionReason().equals("資料弁償未済"))).hasSize(1);
    }

    @Test
    void everyRestrictedPatronHasAReason() {
        assertThat(catalogue.patrons()).allSatisfy(p ->
                assertThat(p.restrictionReason().isEmpty()).isEqualTo(!p.restricted()));
    }

    @Test
    void aCardHasExpired() {
        assertThat(patrons(p -> p.expiresInDays() < 0)).isNotEmpty();
    }

    @Test
    void aCardExpiresWithinAMonth() {
        assertThat(patrons(p -> p.expiresInDays() > 0 && p.expiresInDays() <= 31)).isNotEmpty();
        assertThat(patrons(p -> p.expiresInDays() == 0)).hasSize(1);
    }

    @Test
    void somePatronsHaveNotRegisteredAPasswordYet() {
        List<DemoPatron> noPassword = patrons(p -> p.password().isEmpty());
        assertThat(noPassword).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(p -> p.email().isEmpty()).anyMatch(p -> !p.email().isEmpty());
    }

    @Test
    void exactlyOnePatronIsAtTheHoldLimitWithTenBooksAndOneAudioVisualRecord() {
        List<DemoPatron> atLimit = patrons(p -> holdsOf(p).size() == 11);
        assertThat(atLimit).hasSize(1);
        List<DemoHold> holds = holdsOf(atLimit.getFirst());
        assertThat(holds).filteredOn(h -> records.get(h.recordNumber()).type().audioVisual()).hasSize(1);
        assertThat(holds).filteredOn(h -> records.get(h.recordNumber()).type() == MaterialType.BOOK).hasSize(10);
        assertThat(catalogue.patrons()).allSatisfy(p -> assertThat(holdsOf(p)).hasSizeLessThanOrEqualTo(11));
    }

    @Test
    void aChildPatronBorrowsChildrensMaterial() {
        List<DemoPatron> children = patrons(p -> p.category().equals("CHILD"));
        assertThat(children).isNotEmpty().allSatisfy(p -> {
            assertThat(p.dateOfBirth()).isAfter(LocalDate.of(2008, 1, 1));
            assertThat(loansOf(p)).allSatisfy(l -> assertThat(records.get(items.get(l.itemNumber()).recordNumber())
                    .type()).isIn(MaterialType.CHILDREN, MaterialType.PICTURE_BOOK, MaterialType.KAMISHIBAI));
        });
        assertThat(children).anyMatch(p -> !loansOf(p).isEmpty());
    }

    @Test
    void anEnglishSpeakingVisitorHasARomanLetterName() {
        assertThat(patrons(p -> p.surname().matches("[A-Za-z' -]+") && p.firstname().matches("[A-Za-z' -]+")))
                .isNotEmpty();
    }

    @Test
    void oneStaffCard() {
        assertThat(patrons(p -> p.category().equals("STAFF"))).hasSize(1);
    }

    @Test
    void patronsWithNothingBorrowedAreLeftAlone() {
        assertThat(patrons(p -> p.category().equals("ADULT") && !p.restricted() && p.expiresInDays() > 31
                && loansOf(p).isEmpty() && holdsOf(p).isEmpty() && p.password().isPresent())).isNotEmpty();
    }

    @Test
    void expiredAndSuspendedPatronsHaveNoNewLoans() {
        assertThat(patrons(p -> p.restricted() || p.expiresInDays() < 0)).allSatisfy(p ->
                assertThat(loansOf(p)).allMatch(l -> l.dueInDays() < 0));
    }

    @Test
    void patronsHomeBranchesExist() {
        assertThat(catalogue.patrons()).extracting(DemoPatron::branchId).allMatch(id ->
                catalogue.branches().stream().anyMatch(b -> b.id().equals(id)));
    }
}

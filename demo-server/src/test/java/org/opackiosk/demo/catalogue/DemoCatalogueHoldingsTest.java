package org.opackiosk.demo.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCatalogueHoldingsTest {

    private static final Set<String> LOCATIONS = Set.of("一般開架", "児童コーナー", "絵本コーナー", "雑誌コーナー",
            "AVコーナー", "紙芝居コーナー", "参考図書（禁帯出）", "書庫");

    private static DemoCatalogue catalogue;
    private static Map<Integer, DemoRecord> records;
    private static Map<Integer, DemoItem> items;
    private static Map<String, DemoBranch> branches;

    @BeforeAll
    static void load() {
        catalogue = DemoCatalogue.load();
        records = catalogue.records().stream().collect(Collectors.toMap(DemoRecord::number, Function.identity()));
        items = catalogue.items().stream().collect(Collectors.toMap(DemoItem::itemNumber, Function.identity()));
        branches = catalogue.branches().stream().collect(Collectors.toMap(DemoBranch::id, Function.identity()));
    }

    @Test
    void branchesAreTheFourServicePointsOfMidoriCityLibrary() {
        assertThat(catalogue.branches()).containsExactly(
                new DemoBranch("CEN", "中央図書館", "Central Library", true, false),
                new DemoBranch("NISHI", "西分館", "West Branch", true, false),
                new DemoBranch("HIGASHI", "東分館", "East Branch", true, false),
                new DemoBranch("BM1", "移動図書館みどり号（駅前ステーション）", "Bookmobile \"Midori\" (Station stop)",
                        true, true));
    }

    @Test
    void everyRecordHasOneToFourItems() {
        Map<Integer, Long> perRecord = catalogue.items().stream()
                .collect(Collectors.groupingBy(DemoItem::recordNumber, Collectors.counting()));
        assertThat(perRecord.keySet()).isEqualTo(records.keySet());
        assertThat(perRecord.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 4L));
        assertThat(perRecord.values()).contains(1L, 2L, 3L, 4L);
    }

    @Test
    void itemNumbersAndBarcodesAreUniqueAndBarcodesAreTenDigits() {
        assertThat(catalogue.items()).extracting(DemoItem::itemNumber).doesNotHaveDuplicates();
        assertThat(catalogue.items()).extracting(DemoItem::barcode).doesNotHaveDuplicates()
                .allSatisfy(b -> assertThat(b).matches("1[0-9]{9}"));
        assertThat(catalogue.items().getFirst().barcode()).isEqualTo("1000000001");
    }

    @Test
    void everyBranchIncludingTheBookmobileHoldsItems() {
        Set<String> used = catalogue.items().stream().map(DemoItem::homeBranchId).collect(Collectors.toSet());
        assertThat(used).isEqualTo(branches.keySet()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(catalogue.branches()).anyMatch(DemoBranch::bookmobile);
    }

    @Test
    void theBookmobileCarriesOnlyLendableBooksChildrensBooksAndPictureBooks() {
        Set<MaterialType> carried = EnumSet.of(MaterialType.BOOK, MaterialType.CHILDREN, MaterialType.PICTURE_BOOK);
        assertThat(catalogue.items()).filteredOn(i -> branches.get(i.homeBranchId()).bookmobile())
                .isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(records.get(i.recordNumber()).type()).isIn(carried);
                    assertThat(i.notForLoan()).isFalse();
                });
    }

    @Test
    void callNumbersAreNdcAuthorMarkAndVolume() {
        assertThat(catalogue.items()).allSatisfy(i -> {
            DemoRecord r = records.get(i.recordNumber());
            assertThat(i.callNumber()).startsWith(r.ndc() + "/").endsWith("/" + r.volume());
            assertThat(i.callNumber().split("/", -1)).hasSize(3);
        });
        DemoItem kokoro = catalogue.items().stream().filter(i -> i.recordNumber() == 1).findFirst().orElseThrow();
        assertThat(kokoro.callNumber()).isEqualTo("913.6/ナ/");
        assertThat(catalogue.items()).extracting(DemoItem::callNumber).contains("913.6/オ/3", "913.36/ム/上");
    }

    @Test
    void authorMarkFallsBackToTheAuthorNameThenTheTitleReading() {
        DemoRecord alice = catalogue.records().stream()
                .filter(r -> r.title().equals("Alice's Adventures in Wonderland")).findFirst().orElseThrow();
        assertThat(HoldingsGenerator.callNumber(alice)).isEqualTo("933.6/C/");
        DemoRecord magazine = catalogue.records().stream()
                .filter(r -> r.title().equals("科学のとびら")).findFirst().orElseThrow();
        assertThat(HoldingsGenerator.authorMark(magazine)).isEqualTo("カ");
    }

    @Test
    void locationsDependOnTheMaterialType() {
        assertThat(catalogue.items()).extracting(DemoItem::location).allMatch(LOCATIONS::contains);
        assertThat(catalogue.items().stream().map(DemoItem::location).collect(Collectors.toSet()))
                .isEqualTo(LOCATIONS);
        assertThat(catalogue.items()).allSatisfy(i -> {
            DemoRecord r = records.get(i.recordNumber());
            switch (r.type()) {
                case PICTURE_BOOK -> assertThat(i.location()).isIn("絵本コーナー", "参考図書（禁帯出）");
                case MAGAZINE -> assertThat(i.location()).isEqualTo("雑誌コーナー");
                case DVD, CD -> assertThat(i.location()).isEqualTo("AVコーナー");
                case KAMISHIBAI -> assertThat(i.location()).isEqualTo("紙芝居コーナー");
                default -> {
                }
            }
        });
    }

    @Test
    void someOldBooksAreInTheClosedStacks() {
        assertThat(catalogue.items()).filteredOn(i -> i.location().equals("書庫"))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(i -> assertThat(records.get(i.recordNumber()).year()).isLessThan(1950));
    }

    @Test
    void referenceAndNotForLoanRecordsHaveOnlyNotForLoanItems() {
        assertThat(catalogue.items()).allSatisfy(i -> {
            Set<RecordFlag> flags = records.get(i.recordNumber()).flags();
            boolean restricted = flags.contains(RecordFlag.REFERENCE) || flags.contains(RecordFlag.NOT_FOR_LOAN);
            if (restricted) {
                assertThat(i.notForLoan()).as("item %d", i.itemNumber()).isTrue();
            }
            if (flags.contains(RecordFlag.REFERENCE)) {
                assertThat(i.location()).isEqualTo("参考図書（禁帯出）");
            }
        });
        assertThat(catalogue.items()).filteredOn(i -> !i.notForLoan()).isNotEmpty()
                .allSatisfy(i -> assertThat(records.get(i.recordNumber()).holdable()).isTrue());
    }

    @Test
    void someItemsAreOnLoanButNotAll() {
        long loanable = catalogue.items().stream().filter(i -> !i.notForLoan()).count();
        int onLoan = catalogue.loans().size();
        assertThat(onLoan).isGreaterThan((int) (loanable / 10)).isLessThan((int) (loanable / 3));
    }

    @Test
    void noItemIsOnLoanTwiceAndOnlyLoanableItemsAreLent() {
        assertThat(catalogue.loans()).extracting(DemoLoan::itemNumber).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(items.get(n).notForLoan()).isFalse());
    }

    @Test
    void loansOfEveryMaterialTypeThatCanBeLentAreVisible() {
        Set<MaterialType> lent = catalogue.loans().stream()
                .map(l -> records.get(items.get(l.itemNumber()).recordNumber()).type()).collect(Collectors.toSet());
        assertThat(lent).containsExactlyInAnyOrder(MaterialType.values());
    }

    @Test
    void loanDatesAreConsistent() {
        assertThat(catalogue.loans()).allSatisfy(l -> {
            assertThat(l.dueInDays()).isNotZero().isLessThanOrEqualTo(14);
            assertThat(l.checkedOutDaysAgo()).isEqualTo(14 - l.dueInDays()).isNotNegative();
        });
    }

    @Test
    void loansAndHoldsAreDeterministic() {
        DemoCatalogue again = DemoCatalogue.load();
        assertThat(again.items()).isEqualTo(catalogue.items());
        assertThat(again.loans()).isEqualTo(catalogue.loans());
        assertThat(again.holds()).isEqualTo(catalogue.holds());
    }

    @Test
    void holdsAreOnHoldableRecordsThatHaveAnItemOnLoan() {
        Set<Integer> recordsOnLoan = catalogue.loans().stream().map(l -> items.get(l.itemNumber()).recordNumber())
                .collect(Collectors.toSet());
        assertThat(catalogue.holds()).isNotEmpty().allSatisfy(h -> {
            assertThat(records.get(h.recordNumber()).holdable()).isTrue();
            assertThat(recordsOnLoan).contains(h.recordNumber());
            assertThat(h.placedDaysAgo()).isPositive();
        });
    }

    @Test
    void noPatronHoldsARecordTwiceOrARecordTheyHaveBorrowed() {
        Map<String, List<Integer>> heldByCard = catalogue.holds().stream().collect(Collectors.groupingBy(
                DemoHold::cardNumber, Collectors.mapping(DemoHold::recordNumber, Collectors.toList())));
        heldByCard.forEach((card, held) -> {
            assertThat(held).as(card).doesNotHaveDuplicates();
            Set<Integer> borrowed = catalogue.loans().stream().filter(l -> l.cardNumber().equals(card))
                    .map(l -> items.get(l.itemNumber()).recordNumber()).collect(Collectors.toSet());
            assertThat(held).as(card).doesNotContainAnyElementsOf(borrowed);
        });
    }

    @Test
    void somePopularRecordsHaveAQueueOfSeveralPatrons() {
        Map<Integer, Long> holdsPerRecord = catalogue.holds().stream()
                .collect(Collectors.groupingBy(DemoHold::recordNumber, Collectors.counting()));
        assertThat(holdsPerRecord.values()).anyMatch(n -> n >= 3);
        Map<Integer, List<Integer>> placed = catalogue.holds().stream().collect(Collectors.groupingBy(
                DemoHold::recordNumber, Collectors.mapping(DemoHold::placedDaysAgo, Collectors.toList())));
        assertThat(placed.values()).allSatisfy(days -> assertThat(days).doesNotHaveDuplicates());
    }

    @Test
    void holdsArePickedUpAtThePatronsBranch() {
        Map<String, DemoPatron> patrons = catalogue.patrons().stream()
                .collect(Collectors.toMap(DemoPatron::cardNumber, Function.identity()));
        assertThat(catalogue.holds()).allSatisfy(h -> {
            assertThat(h.pickupBranchId()).isEqualTo(patrons.get(h.cardNumber()).branchId());
            assertThat(branches.get(h.pickupBranchId()).pickupLocation()).isTrue();
        });
        assertThat(catalogue.holds()).anyMatch(h -> branches.get(h.pickupBranchId()).bookmobile());
    }

    @Test
    void listsAreImmutable() {
        assertThat(catalogue.records()).isUnmodifiable();
        assertThat(catalogue.items()).isUnmodifiable();
        assertThat(catalogue.loans()).isUnmodifiable();
        assertThat(catalogue.holds()).isUnmodifiable();
        assertThat(catalogue.records().getFirst().subjects()).isUnmodifiable();
    }
}

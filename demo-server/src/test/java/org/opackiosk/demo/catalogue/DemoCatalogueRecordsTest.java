package org.opackiosk.demo.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCatalogueRecordsTest {

    private static final Pattern KATAKANA_READING = Pattern.compile("[\\u30A1-\\u30FA\\u30FC・ ,]+");
    private static final Pattern KATAKANA_AUTHOR_READING = Pattern.compile("[\\u30A1-\\u30FA\\u30FC・ ,;]+");
    private static final String OLD_KANJI = "國學舊澤齋龍壽藏萬傳滿櫻鐵與";

    private static DemoCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = DemoCatalogue.load();
    }

    private static Map<MaterialType, Long> countsByType() {
        return catalogue.records().stream().collect(Collectors.groupingBy(DemoRecord::type, Collectors.counting()));
    }

    @Test
    void hasAtLeastThreeHundredRecords() {
        assertThat(catalogue.records()).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void recordNumbersRunFromOneWithoutGaps() {
        List<Integer> numbers = catalogue.records().stream().map(DemoRecord::number).toList();
        assertThat(numbers.getFirst()).isEqualTo(1);
        assertThat(numbers.getLast()).isEqualTo(numbers.size());
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyMaterialTypeIsPresentInSensibleNumbers() {
        Map<MaterialType, Long> counts = countsByType();
        assertThat(counts.keySet()).containsExactlyInAnyOrder(MaterialType.values());
        assertThat(counts.get(MaterialType.BOOK)).isGreaterThanOrEqualTo(150);
        assertThat(counts.get(MaterialType.CHILDREN)).isBetween(30L, 60L);
        assertThat(counts.get(MaterialType.PICTURE_BOOK)).isBetween(20L, 45L);
        assertThat(counts.get(MaterialType.MAGAZINE)).isBetween(15L, 40L);
        assertThat(counts.get(MaterialType.DVD)).isBetween(10L, 25L);
        assertThat(counts.get(MaterialType.CD)).isBetween(10L, 25L);
        assertThat(counts.get(MaterialType.KAMISHIBAI)).isBetween(10L, 25L);
    }

    @Test
    void hasAboutTwentyFiveEnglishBooks() {
        assertThat(catalogue.records()).filteredOn(r -> r.language().equals("en")).hasSizeBetween(20, 40);
    }

    @Test
    void atLeastTenTitlesUseOldKanjiForms() {
        List<String> titles = catalogue.records().stream().map(DemoRecord::title)
                .filter(t -> t.codePoints().anyMatch(c -> OLD_KANJI.indexOf(c) >= 0)).toList();
        assertThat(titles).hasSizeGreaterThanOrEqualTo(10).contains("學問のすゝめ", "舊友", "國語の研究");
    }

    @Test
    void oldAndNewKanjiEditionsShareTheirReading() {
        assertThat(readingOf("學問のすゝめ")).isEqualTo(readingOf("学問のすすめ")).isEqualTo("ガクモン ノ ススメ");
        assertThat(readingOf("櫻の森の滿開の下")).isEqualTo(readingOf("桜の森の満開の下"));
    }

    private static String readingOf(String title) {
        return catalogue.records().stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow()
                .titleReading();
    }

    @Test
    void everyJapaneseRecordHasAKatakanaTitleReading() {
        assertThat(catalogue.records()).filteredOn(r -> r.language().equals("ja"))
                .allSatisfy(r -> assertThat(r.titleReading()).as("title reading of record %d", r.number())
                        .matches(KATAKANA_READING));
    }

    @Test
    void everyJapaneseAuthorHasAKatakanaReadingWithTheSameNumberOfNames() {
        assertThat(catalogue.records()).filteredOn(r -> r.language().equals("ja") && !r.author().isEmpty())
                .allSatisfy(r -> {
                    assertThat(r.authorReading()).as("author reading of record %d", r.number())
                            .matches(KATAKANA_AUTHOR_READING);
                    assertThat(r.authorReading().split(" ; ")).as("authors of record %d", r.number())
                            .hasSameSizeAs(r.author().split(" ; "));
                });
    }

    @Test
    void readingsFollowTheExamplesOfTheBrief() {
        DemoRecord ginga = catalogue.records().stream().filter(r -> r.title().equals("銀河鉄道の夜")
                && r.type() == MaterialType.BOOK).findFirst().orElseThrow();
        assertThat(ginga.titleReading()).isEqualTo("ギンガ テツドウ ノ ヨル");
        assertThat(ginga.authorReading()).isEqualTo("ミヤザワ,ケンジ");
        assertThat(readingOf("こころ")).isEqualTo("ココロ");
    }

    @Test
    void isbnsHaveValidCheckDigitsAndAreUnique() {
        List<String> isbns = catalogue.records().stream().map(DemoRecord::isbn).filter(i -> !i.isEmpty()).toList();
        assertThat(isbns).allSatisfy(i -> assertThat(Isbn.validIsbn13(i)).as(i).isTrue())
                .doesNotHaveDuplicates();
        assertThat(catalogue.records()).filteredOn(r -> r.language().equals("ja") && !r.isbn().isEmpty())
                .allSatisfy(r -> assertThat(r.isbn()).startsWith("9784"));
    }

    @Test
    void mostBooksHaveAnIsbnButSerialsAudioVisualAndKamishibaiHaveNone() {
        Set<MaterialType> books = Set.of(MaterialType.BOOK, MaterialType.CHILDREN, MaterialType.PICTURE_BOOK);
        List<DemoRecord> bookRecords = catalogue.records().stream().filter(r -> books.contains(r.type())).toList();
        assertThat(bookRecords.stream().filter(r -> !r.isbn().isEmpty()).count())
                .isGreaterThan(bookRecords.size() * 3L / 4);
        assertThat(catalogue.records()).filteredOn(r -> !books.contains(r.type()))
                .allSatisfy(r -> assertThat(r.isbn()).isEmpty());
    }

    @Test
    void isbnCheckDigitIsComputedLikeEan13() {
        assertThat(Isbn.validIsbn13("9784003101018")).isTrue();
        assertThat(Isbn.validIsbn13("9784003101019")).isFalse();
        assertThat(Isbn.validIsbn13("978400310101")).isFalse();
    }

    @Test
    void hasAJoChuGeSeries() {
        Map<String, List<String>> volumesBySeries = catalogue.records().stream().filter(r -> !r.series().isEmpty())
                .collect(Collectors.groupingBy(DemoRecord::series,
                        Collectors.mapping(DemoRecord::volume, Collectors.toList())));
        assertThat(volumesBySeries).containsValue(List.of("上", "中", "下"));
    }

    @Test
    void hasASeriesOfFiveNumberedVolumes() {
        Map<String, List<String>> volumesBySeries = catalogue.records().stream().filter(r -> !r.series().isEmpty())
                .collect(Collectors.groupingBy(DemoRecord::series,
                        Collectors.mapping(DemoRecord::volume, Collectors.toList())));
        assertThat(volumesBySeries).containsValue(List.of("1", "2", "3", "4", "5"));
    }

    @Test
    void eachMagazineTitleHasExactlyOneNewestIssue() {
        Map<String, Long> newestByTitle = catalogue.records().stream()
                .filter(r -> r.type() == MaterialType.MAGAZINE)
                .collect(Collectors.groupingBy(DemoRecord::title,
                        Collectors.filtering(r -> r.flags().contains(RecordFlag.NEWEST_ISSUE), Collectors.counting())));
        assertThat(newestByTitle).hasSizeGreaterThanOrEqualTo(3).allSatisfy((title, newest) ->
                assertThat(newest).as(title).isEqualTo(1));
    }

    @Test
    void magazineIssuesHaveSeveralIssuesPerTitleNamedInTheVolumeColumn() {
        Map<String, Long> issues = catalogue.records().stream().filter(r -> r.type() == MaterialType.MAGAZINE)
                .collect(Collectors.groupingBy(DemoRecord::title, Collectors.counting()));
        assertThat(issues.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        assertThat(catalogue.records()).filteredOn(r -> r.type() == MaterialType.MAGAZINE)
                .allSatisfy(r -> assertThat(r.volume()).endsWith("号"));
    }

    @Test
    void onlyMagazinesAreFlaggedNewestIssue() {
        assertThat(catalogue.records()).filteredOn(r -> r.flags().contains(RecordFlag.NEWEST_ISSUE))
                .allSatisfy(r -> assertThat(r.type()).isEqualTo(MaterialType.MAGAZINE));
    }

    @Test
    void someReferenceBooksAreFlaggedAndNotHoldable() {
        List<DemoRecord> reference = catalogue.records().stream()
                .filter(r -> r.flags().contains(RecordFlag.REFERENCE)).toList();
        assertThat(reference).hasSizeGreaterThanOrEqualTo(5).noneMatch(DemoRecord::holdable);
    }

    @Test
    void picturesBooksUseE_andKamishibaiUseK() {
        assertThat(catalogue.records()).filteredOn(r -> r.type() == MaterialType.PICTURE_BOOK)
                .allSatisfy(r -> assertThat(r.ndc()).isEqualTo("E"));
        assertThat(catalogue.records()).filteredOn(r -> r.type() == MaterialType.KAMISHIBAI)
                .allSatisfy(r -> assertThat(r.ndc()).isEqualTo("K"));
    }

    @Test
    void publicationYearsSpreadFromAbout1900To2026() {
        List<Integer> years = catalogue.records().stream().map(DemoRecord::year).toList();
        assertThat(years.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1905);
        assertThat(years).contains(2026);
        Map<Integer, Long> byDecade = years.stream()
                .collect(Collectors.groupingBy(y -> y / 10 * 10, Collectors.counting()));
        assertThat(byDecade).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void everyRecordHasSubjectsAndAPublisher() {
        assertThat(catalogue.records()).allSatisfy(r -> {
            assertThat(r.subjects()).as("subjects of %d", r.number()).isNotEmpty();
            assertThat(r.publisher()).as("publisher of %d", r.number()).isNotBlank();
        });
    }

    @Test
    void kohaItemTypesAreDistinctAndOnlyDvdAndCdAreAudioVisual() {
        assertThat(List.of(MaterialType.values())).extracting(MaterialType::kohaItemType).doesNotHaveDuplicates();
        assertThat(List.of(MaterialType.values())).filteredOn(MaterialType::audioVisual)
                .containsExactlyInAnyOrder(MaterialType.DVD, MaterialType.CD);
        assertThat(MaterialType.CHILDREN.kohaItemType()).isEqualTo("JBK");
    }

    @Test
    void titlesAreNotDuplicatedExceptForEditionsVolumesAndIssues() {
        Map<String, Long> counts = catalogue.records().stream()
                .filter(r -> r.volume().isEmpty())
                .collect(Collectors.groupingBy(r -> r.type() + "|" + r.title() + "|" + r.year(), Collectors.counting()));
        assertThat(counts).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        assertThat(catalogue.records().stream().collect(Collectors.toMap(DemoRecord::number, Function.identity())))
                .hasSameSizeAs(catalogue.records());
    }
}

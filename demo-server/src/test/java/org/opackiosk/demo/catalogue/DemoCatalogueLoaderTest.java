package org.opackiosk.demo.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCatalogueLoaderTest {

    private static final String RECORD_HEADER = String.join("\t", DemoCatalogue.RECORD_COLUMNS) + "\n";
    private static final String BRANCHES = String.join("\t", DemoCatalogue.BRANCH_COLUMNS) + "\n"
            + "CEN\t中央図書館\tCentral Library\ttrue\tfalse\n"
            + "BM1\t移動図書館\tBookmobile\ttrue\ttrue\n";
    private static final String PATRON_HEADER = String.join("\t", DemoCatalogue.PATRON_COLUMNS) + "\n";

    private static String recordRow(String... overrides) {
        String[] cells = {"1", "BOOK", "ja", "こころ", "ココロ", "", "", "", "夏目, 漱石", "ナツメ,ソウセキ", "東雲書房",
                "2004", "9784865200171", "913.6", "小説（日本）", ""};
        for (int i = 0; i < overrides.length; i += 2) {
            cells[DemoCatalogue.RECORD_COLUMNS.indexOf(overrides[i])] = overrides[i + 1];
        }
        return String.join("\t", cells) + "\n";
    }

    private static String patronRow(String... overrides) {
        String[] cells = {"01000001", "abcd1234", "山田", "太郎", "ヤマダ", "タロウ", "", "", "", "1980-01-01", "CEN",
                "ADULT", "100", "false", "", "", "0", "1", "0", "ふつうの利用者。", "An ordinary patron."};
        for (int i = 0; i < overrides.length; i += 2) {
            cells[DemoCatalogue.PATRON_COLUMNS.indexOf(overrides[i])] = overrides[i + 1];
        }
        return String.join("\t", cells) + "\n";
    }

    private static List<DemoRecord> records(String tsv) {
        return DemoCatalogue.parseRecords(new StringReader(tsv), "test-records.tsv");
    }

    @Test
    void parsesAWellFormedRowSkippingCommentsAndBlankLines() {
        List<DemoRecord> records = records("# a comment\n" + RECORD_HEADER + "\n# another\n"
                + recordRow("subjects", "小説（日本） ; 明治時代", "flags", "REFERENCE, NOT_FOR_LOAN"));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("こころ");
            assertThat(r.subtitle()).isEmpty();
            assertThat(r.year()).isEqualTo(2004);
            assertThat(r.subjects()).containsExactly("小説（日本）", "明治時代");
            assertThat(r.flags()).containsExactlyInAnyOrder(RecordFlag.REFERENCE, RecordFlag.NOT_FOR_LOAN);
            assertThat(r.holdable()).isFalse();
        });
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreTolerated() {
        List<DemoRecord> records = records("\uFEFF" + RECORD_HEADER.replace("\n", "\r\n")
                + recordRow().replace("\n", "\r\n"));
        assertThat(records).singleElement().extracting(DemoRecord::flags).satisfies(f -> assertThat(f).isEmpty());
    }

    @Test
    void malformedYearIsReportedWithFileLineAndColumn() {
        String tsv = "# comment\n" + RECORD_HEADER + recordRow() + recordRow("number", "2", "year", "二〇〇四");
        assertThatThrownBy(() -> records(tsv))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-records.tsv")
                .hasMessageContaining("line 4")
                .hasMessageContaining("column 12 (year)")
                .hasMessageContaining("二〇〇四");
    }

    @Test
    void missingColumnsAreReportedWithTheFirstMissingColumn() {
        String shortRow = recordRow().substring(0, recordRow().indexOf("\t2004")) + "\n";
        assertThatThrownBy(() -> records(RECORD_HEADER + shortRow))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-records.tsv line 2, column 12 (year)")
                .hasMessageContaining("missing");
    }

    @Test
    void unknownTypeIsReported() {
        assertThatThrownBy(() -> records(RECORD_HEADER + recordRow("type", "BOOKS")))
                .hasMessageContaining("line 2, column 2 (type)").hasMessageContaining("BOOKS");
    }

    @Test
    void wrongIsbnCheckDigitIsReported() {
        assertThatThrownBy(() -> records(RECORD_HEADER + recordRow("isbn", "9784865200172")))
                .hasMessageContaining("line 2, column 13 (isbn)").hasMessageContaining("check digit");
    }

    @Test
    void unknownFlagIsReported() {
        assertThatThrownBy(() -> records(RECORD_HEADER + recordRow("flags", "NEWEST")))
                .hasMessageContaining("line 2, column 16 (flags)").hasMessageContaining("NEWEST");
    }

    @Test
    void numbersMustAscend() {
        assertThatThrownBy(() -> records(RECORD_HEADER + recordRow("number", "5") + recordRow("number", "5")))
                .hasMessageContaining("line 3, column 1 (number)");
    }

    @Test
    void wrongHeaderIsReported() {
        String header = RECORD_HEADER.replace("title_reading", "reading");
        assertThatThrownBy(() -> records(header + recordRow()))
                .hasMessageContaining("test-records.tsv line 1, column 5")
                .hasMessageContaining("title_reading");
    }

    @Test
    void badPatronPasswordIsReportedWithoutEchoingIt() {
        String tsv = PATRON_HEADER + patronRow("password", "pass-word!");
        assertThatThrownBy(() -> DemoCatalogue.parsePatrons(new StringReader(tsv), "test-patrons.tsv",
                DemoCatalogue.parseBranches(new StringReader(BRANCHES), "b.tsv")))
                .hasMessageContaining("test-patrons.tsv line 2, column 2 (password)")
                .message().doesNotContain("pass-word!");
    }

    @Test
    void unknownPatronBranchAndBadCardNumberAreReported() {
        List<DemoBranch> branches = DemoCatalogue.parseBranches(new StringReader(BRANCHES), "b.tsv");
        assertThatThrownBy(() -> DemoCatalogue.parsePatrons(
                new StringReader(PATRON_HEADER + patronRow("branch", "NORTH")), "p.tsv", branches))
                .hasMessageContaining("p.tsv line 2, column 11 (branch)");
        assertThatThrownBy(() -> DemoCatalogue.parsePatrons(
                new StringReader(PATRON_HEADER + patronRow("card_number", "1000001")), "p.tsv", branches))
                .hasMessageContaining("p.tsv line 2, column 1 (card_number)");
        assertThatThrownBy(() -> DemoCatalogue.parsePatrons(
                new StringReader(PATRON_HEADER + patronRow() + patronRow()), "p.tsv", branches))
                .hasMessageContaining("p.tsv line 3, column 1 (card_number)").hasMessageContaining("duplicate");
    }

    @Test
    void badBooleanInBranchesIsReported() {
        String tsv = BRANCHES.replace("true\ttrue", "yes\ttrue");
        assertThatThrownBy(() -> DemoCatalogue.parseBranches(new StringReader(tsv), "test-branches.tsv"))
                .hasMessageContaining("test-branches.tsv line 3, column 4 (pickup_location)");
    }

    @Test
    void aSmallCatalogueGetsItemsLoansAndHoldsFromTheReaders() {
        StringBuilder recordsTsv = new StringBuilder(RECORD_HEADER);
        for (int n = 1; n <= 30; n++) {
            recordsTsv.append(recordRow("number", String.valueOf(n), "isbn", ""));
        }
        recordsTsv.append(recordRow("number", "31", "type", "DVD", "isbn", ""));
        String patronsTsv = PATRON_HEADER + patronRow("loans", "2")
                + patronRow("card_number", "01000002", "loans", "0", "holds", "1", "branch", "BM1");
        DemoCatalogue catalogue = DemoCatalogue.load(new StringReader(recordsTsv.toString()),
                new StringReader(BRANCHES), new StringReader(patronsTsv));
        assertThat(catalogue.records()).hasSize(31);
        assertThat(catalogue.items()).hasSizeGreaterThanOrEqualTo(31);
        assertThat(catalogue.items()).filteredOn(i -> i.recordNumber() == 31)
                .allSatisfy(i -> assertThat(i.homeBranchId()).isEqualTo("CEN"));
        assertThat(catalogue.loans()).filteredOn(l -> l.cardNumber().equals("01000001")).hasSizeGreaterThan(2);
        assertThat(catalogue.holds()).singleElement().satisfies(h -> {
            assertThat(h.cardNumber()).isEqualTo("01000002");
            assertThat(h.pickupBranchId()).isEqualTo("BM1");
        });
    }

    @Test
    void notEnoughMaterialForTheRequestedHoldsIsAClearError() {
        String recordsTsv = RECORD_HEADER + recordRow();
        String patronsTsv = PATRON_HEADER + patronRow("loans", "0", "holds", "11");
        assertThatThrownBy(() -> DemoCatalogue.load(new StringReader(recordsTsv), new StringReader(BRANCHES),
                new StringReader(patronsTsv)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("patrons.tsv").hasMessageContaining("01000001");
    }
}

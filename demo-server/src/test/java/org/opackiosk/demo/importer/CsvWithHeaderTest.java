package org.opackiosk.demo.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWithHeaderTest {

    private static final List<String> REQUIRED = List.of("作品ID", "作品名");

    @TempDir
    Path dir;

    private final List<String> skipped = new ArrayList<>();
    private final List<CsvWithHeader.Row> rows = new ArrayList<>();

    @Test
    void rowsAreReadByColumnNameAndThoseWithTheWrongNumberOfCellsSkippedInFileOrder() throws IOException {
        // given
        Path file = file("index.csv", "\uFEFF 作品ID ,作品名,備考\n001,駅伝馬車,\n002,雪女\n003, 羅生門 ,x\n004,a,b,c\n");

        // when
        String problem = CsvWithHeader.read(file, REQUIRED, "the index", skipped, row -> {
            rows.add(row);
            skipped.add("line " + row.line() + ": seen");
        });

        // then
        assertThat(problem).isNull();
        assertThat(rows).extracting(row -> row.get("作品名")).containsExactly("駅伝馬車", "羅生門");
        assertThat(rows.getFirst().get("作品ID")).isEqualTo("001");
        assertThat(rows.getFirst().get("著者名")).as("a column the file does not have").isEmpty();
        assertThat(skipped).containsExactly("line 2: seen", "line 3: 2 columns, expected 3", "line 4: seen",
                "line 5: 4 columns, expected 3");
    }

    @Test
    void anEmptyFileOrOneWithoutARequiredColumnIsNotReadAndTheProblemSaysWhy() throws IOException {
        // given
        Path empty = file("empty.csv", "\n\n");
        Path other = file("other.csv", "作品ID,著者名\n001,アーヴィング ワシントン\n");

        // when
        String emptyProblem = CsvWithHeader.read(empty, REQUIRED, "the index", skipped, rows::add);
        String otherProblem = CsvWithHeader.read(other, REQUIRED, "the index", skipped, rows::add);

        // then
        assertThat(emptyProblem).isEqualTo("the file is empty");
        assertThat(otherProblem).isEqualTo("line 1: no column 作品名 (is this the index?)");
        assertThat(rows).isEmpty();
        assertThat(skipped).isEmpty();
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

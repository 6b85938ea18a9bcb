package org.opackiosk.demo.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A UTF-8 CSV file ({@link CsvReader}) whose first row names the columns, read row by row with the cells
 * looked up by column name: what the CSV importers share. A row with more or fewer cells than the header
 * is not handed on but added to the skipped list, so that the list stays in file order with what the
 * importer skips itself.
 */
final class CsvWithHeader {

    /** The cells of one row by column name; a missing column reads as empty. */
    record Row(int line, List<String> fields, Map<String, Integer> columns) {
        String get(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : fields.get(index).strip();
        }
    }

    @FunctionalInterface
    interface RowHandler {
        void row(Row row);
    }

    private CsvWithHeader() {
    }

    /**
     * Reads {@code file}, handing each row after the header to {@code rows} and adding each with the wrong
     * number of cells to {@code skipped}.
     *
     * @param kind what the file should be ("the Aozora Bunko index CSV"), named when a column is missing
     * @return why no row was read (the file is empty, or lacks one of the {@code required} columns), or
     *         {@code null} when the rows were read
     * @throws IOException when the file cannot be read or a quoted field never ends
     */
    static String read(Path file, List<String> required, String kind, List<String> skipped, RowHandler rows)
            throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(reader);
            CsvReader.Row header = csv.next();
            if (header == null) {
                return "the file is empty";
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                columns.put(header.fields().get(i).strip(), i);
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    return "line 1: no column " + column + " (is this " + kind + "?)";
                }
            }
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.fields().size() != header.fields().size()) {
                    skipped.add("line " + row.line() + ": " + row.fields().size() + " columns, expected "
                            + header.fields().size());
                    continue;
                }
                rows.row(new Row(row.line(), row.fields(), columns));
            }
            return null;
        }
    }
}

package org.opackiosk.demo.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small reader for the catalogue's TSV files: UTF-8, the first non-comment line is the header, lines starting
 * with {@code #} and blank lines are ignored, an empty cell is an empty string. Every error names the file, the
 * line and the column.
 */
final class TsvTable {

    private static final char BOM = '\uFEFF';

    private final List<Row> rows;

    private TsvTable(List<Row> rows) {
        this.rows = rows;
    }

    static TsvTable read(Reader reader, String fileName, List<String> expectedHeader) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        int lineNumber = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
                    line = line.substring(1);
                }
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split("\t", -1));
                if (header == null) {
                    checkHeader(fileName, lineNumber, cells, expectedHeader);
                    header = expectedHeader;
                    continue;
                }
                if (cells.size() < header.size()) {
                    int missing = cells.size();
                    throw new IllegalStateException(fileName + " line " + lineNumber + ", column " + (missing + 1)
                            + " (" + header.get(missing) + "): missing; expected " + header.size()
                            + " tab-separated columns but found " + cells.size());
                }
                if (cells.size() > header.size()) {
                    throw new IllegalStateException(fileName + " line " + lineNumber + ", column "
                            + (header.size() + 1) + ": unexpected extra column; expected " + header.size()
                            + " tab-separated columns but found " + cells.size());
                }
                rows.add(new Row(fileName, expectedHeader, lineNumber, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        if (header == null) {
            throw new IllegalStateException(fileName + " line " + (lineNumber + 1) + ", column 1: missing header line "
                    + String.join("\\t", expectedHeader));
        }
        return new TsvTable(List.copyOf(rows));
    }

    private static void checkHeader(String fileName, int lineNumber, List<String> cells, List<String> expected) {
        for (int i = 0; i < Math.max(cells.size(), expected.size()); i++) {
            String found = i < cells.size() ? cells.get(i).strip() : "";
            String wanted = i < expected.size() ? expected.get(i) : "";
            if (!found.equals(wanted)) {
                throw new IllegalStateException(fileName + " line " + lineNumber + ", column " + (i + 1)
                        + ": header should be '" + wanted + "' but is '" + found + "'");
            }
        }
    }

    List<Row> rows() {
        return rows;
    }

    /** One data line. The getters strip surrounding spaces and throw with file, line and column on bad values. */
    static final class Row {
        private final String fileName;
        private final List<String> header;
        private final int line;
        private final List<String> cells;

        private Row(String fileName, List<String> header, int line, List<String> cells) {
            this.fileName = fileName;
            this.header = header;
            this.line = line;
            this.cells = cells;
        }

        int line() {
            return line;
        }

        String text(String column) {
            return cells.get(index(column)).strip();
        }

        String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw error(column, "must not be empty");
            }
            return value;
        }

        int integer(String column) {
            String value = text(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error(column, "expected a whole number but found '" + value + "'");
            }
        }

        int nonNegative(String column) {
            int value = integer(column);
            if (value < 0) {
                throw error(column, "must not be negative but is " + value);
            }
            return value;
        }

        boolean bool(String column) {
            String value = text(column);
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error(column, "expected true or false but found '" + value + "'");
            };
        }

        LocalDate date(String column) {
            String value = text(column);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw error(column, "expected a date like 1980-04-01 but found '" + value + "'");
            }
        }

        String matching(String column, Pattern pattern, String what) {
            String value = text(column);
            if (!pattern.matcher(value).matches()) {
                throw error(column, "expected " + what + " but found '" + value + "'");
            }
            return value;
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = text(column);
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw error(column, "expected one of " + List.of(type.getEnumConstants()) + " but found '" + value + "'");
            }
        }

        /** Splits a cell on {@code separator}, dropping empty parts. */
        List<String> list(String column, String separator) {
            List<String> parts = new ArrayList<>();
            for (String part : text(column).split(Pattern.quote(separator.strip()), -1)) {
                String stripped = part.strip();
                if (!stripped.isEmpty()) {
                    parts.add(stripped);
                }
            }
            return List.copyOf(parts);
        }

        IllegalStateException error(String column, String message) {
            int index = index(column);
            return new IllegalStateException(fileName + " line " + line + ", column " + (index + 1) + " (" + column
                    + "): " + message);
        }

        private int index(String column) {
            int index = header.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + fileName);
            }
            return index;
        }
    }
}

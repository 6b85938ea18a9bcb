package org.opackiosk.demo.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opackiosk.demo.biblios.BiblioRepository;
import org.opackiosk.demo.db.Database;

/**
 * Adds the readings (ヨミ) of the Aozora Bunko extended index ({@code list_person_all_extended}: 作品ID, 作品名読み,
 * 姓, 名, 姓読み, 名読み …, one row per work and person) to the works imported from the index by
 * {@link AozoraCsvImporter}, as a cataloguer adds ヨミ: the title's reading, and each author's as
 * "セイ, メイ", in katakana as catalogue readings are written. An author's reading is kept only while the
 * record's authors, in order, all have one (readings are matched to authors by position). Works not
 * imported are left out; importing the file again sets the same readings.
 */
final class AozoraReadingsImporter {

    private static final List<String> REQUIRED = List.of("作品ID", "作品名読み", "姓", "名", "姓読み", "名読み");

    private final Database database;
    private final Clock clock;
    private final BiblioRepository biblios = new BiblioRepository();

    AozoraReadingsImporter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    ImportReport importFile(Path file) throws IOException {
        List<String> skipped = new ArrayList<>();
        Map<String, Work> works = new LinkedHashMap<>();
        String problem = CsvWithHeader.read(file, REQUIRED, "the Aozora Bunko extended index CSV", skipped, row -> {
            String workId = row.get("作品ID");
            if (workId.isEmpty()) {
                skipped.add("line " + row.line() + ": no 作品ID");
                return;
            }
            Work work = works.computeIfAbsent(workId, id -> new Work(katakana(row.get("作品名読み"))));
            String name = (row.get("姓") + " " + row.get("名")).strip();
            String reading = katakana(row.get("姓読み"))
                    + (row.get("名読み").isEmpty() ? "" : ", " + katakana(row.get("名読み")));
            if (!name.isEmpty() && !reading.isBlank()) {
                work.authorReadings.putIfAbsent(name, reading.strip());
            }
        });
        if (problem != null) {
            return new ImportReport(file.getFileName().toString(), 0, 0, 0, List.of(problem));
        }
        Map<String, Work> found = works;
        int updated = database.transaction(connection -> store(connection, found));
        return new ImportReport(file.getFileName().toString(), updated, 0, 0, skipped);
    }

    /** Sets the readings of the works already imported; returns how many records got them. */
    private int store(Connection connection, Map<String, Work> works) throws SQLException {
        Instant now = clock.instant();
        Map<String, String> authorsById = new HashMap<>();
        try (var statement = connection.prepareStatement("SELECT source_id, author FROM biblios "
                + "WHERE source = 'aozora' AND NOT deleted");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                authorsById.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        int updated = 0;
        for (Map.Entry<String, Work> e : works.entrySet()) {
            String authors = authorsById.get(e.getKey());
            if (authors == null) {
                continue;
            }
            Work work = e.getValue();
            List<String> readings = new ArrayList<>();
            for (String author : authors.split("\\s+;\\s+")) {
                String reading = work.authorReadings.get(author.strip());
                if (reading == null) {
                    break;
                }
                readings.add(reading);
            }
            String titleReading = work.titleReading.isBlank() ? null : work.titleReading;
            String authorReading = readings.isEmpty() ? null : String.join(" ; ", readings);
            if ((titleReading != null || authorReading != null)
                    && biblios.setReadings(connection, "aozora", e.getKey(), titleReading, authorReading, now)) {
                updated++;
            }
        }
        return updated;
    }

    /** Hiragana as katakana; the rest (katakana, ー, spaces) as it is. */
    static String katakana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(cp >= 'ぁ' && cp <= 'ゖ' || cp == 'ゝ' || cp == 'ゞ' ? cp + 0x60 : cp));
        return out.toString().strip();
    }

    private static final class Work {
        private final String titleReading;
        private final Map<String, String> authorReadings = new LinkedHashMap<>();

        Work(String titleReading) {
            this.titleReading = titleReading;
        }
    }
}

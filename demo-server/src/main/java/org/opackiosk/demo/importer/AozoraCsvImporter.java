package org.opackiosk.demo.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opackiosk.demo.biblios.Biblio;
import org.opackiosk.demo.biblios.BiblioRepository;
import org.opackiosk.demo.catalogue.MaterialType;
import org.opackiosk.demo.db.Database;

/**
 * Imports the Aozora Bunko index CSV ({@code list_person_all}: 人物ID, 著者名, 作品ID, 作品名, 仮名遣い種別,
 * 翻訳者名等, 入力者名, 校正者名, 状態, 状態の開始日, 底本名, 出版社名, 入力に使用した版, 校正に使用した版). It has
 * one row per person and work: a work becomes one record, its people joined as authors (" ; ", the
 * demo catalogue's separator, so MARC output puts the first in 100 and the others in 700). The
 * publisher and year are those of the source book (底本) the text was entered from; the record links to
 * the work's Aozora Bunko card. The index has no readings ({@link AozoraReadingsImporter} adds those of the
 * extended index). Works already imported (same 作品ID) are skipped, so importing a file twice adds nothing.
 */
final class AozoraCsvImporter {

    private static final Pattern YEAR = Pattern.compile("(1[5-9][0-9]{2}|20[0-9]{2})");
    private static final List<String> REQUIRED = List.of("人物ID", "著者名", "作品ID", "作品名");

    private final Database database;
    private final Clock clock;
    private final BiblioRepository biblios = new BiblioRepository();

    AozoraCsvImporter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    ImportReport importFile(Path file) throws IOException {
        List<String> skipped = new ArrayList<>();
        Map<String, Work> works = new LinkedHashMap<>();
        String problem = CsvWithHeader.read(file, REQUIRED, "the Aozora Bunko index CSV", skipped, row -> {
            String workId = row.get("作品ID");
            String title = row.get("作品名");
            if (workId.isEmpty() || title.isEmpty()) {
                skipped.add("line " + row.line() + ": no 作品ID or 作品名");
                return;
            }
            works.computeIfAbsent(workId, id -> new Work(id, title, row)).add(row);
        });
        if (problem != null) {
            return new ImportReport(file.getFileName().toString(), 0, 0, 0, List.of(problem));
        }
        List<Work> all = List.copyOf(works.values());
        int imported = database.transaction(connection -> store(connection, all));
        return new ImportReport(file.getFileName().toString(), imported, 0, all.size() - imported, skipped);
    }

    /** Stores the works not imported before; returns how many. */
    private int store(Connection connection, List<Work> works) throws SQLException {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Set<String> existing = new HashSet<>();
        try (var statement = connection.prepareStatement("SELECT source_id FROM biblios WHERE source = 'aozora'");
             var rs = statement.executeQuery()) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        int imported = 0;
        for (Work work : works) {
            if (existing.contains(work.id)) {
                continue;
            }
            biblios.insert(connection, work.toBiblio(today, now));
            imported++;
        }
        return imported;
    }

    private static final class Work {
        private final String id;
        private final String title;
        private final CsvWithHeader.Row first;
        private final Set<String> authors = new LinkedHashSet<>();
        private final Set<String> translators = new LinkedHashSet<>();

        Work(String id, String title, CsvWithHeader.Row first) {
            this.id = id;
            this.title = title;
            this.first = first;
        }

        void add(CsvWithHeader.Row row) {
            String author = row.get("著者名");
            if (!author.isEmpty()) {
                authors.add(author);
            }
            String translator = row.get("翻訳者名等");
            if (!translator.isEmpty()) {
                translators.add(translator);
            }
        }

        Biblio toBiblio(LocalDate today, Instant now) {
            List<String> notes = new ArrayList<>();
            notes.add("青空文庫 作品ID " + id);
            if (!first.get("仮名遣い種別").isEmpty()) {
                notes.add("仮名遣い: " + first.get("仮名遣い種別"));
            }
            if (!translators.isEmpty()) {
                notes.add("翻訳者等: " + String.join("、", translators));
            }
            if (!first.get("底本名").isEmpty()) {
                notes.add("底本: " + first.get("底本名"));
            }
            Integer year = year(first.get("入力に使用した版"));
            String personId = first.get("人物ID");
            String url = personId.isEmpty() ? null : "https://www.aozora.gr.jp/cards/" + personId + "/card"
                    + id.replaceFirst("^0+(?=.)", "") + ".html";
            return Biblio.builder()
                    .materialType(MaterialType.BOOK.name())
                    .itemType(MaterialType.BOOK.kohaItemType())
                    .language("jpn")
                    .title(title)
                    .author(authors.isEmpty() ? null : String.join(" ; ", authors))
                    .publisher(first.get("出版社名").isEmpty() ? null : first.get("出版社名"))
                    .publicationYear(year == null ? null : year.toString())
                    .copyrightDate(year)
                    .notes(String.join(" | ", notes))
                    .url(url)
                    .source("aozora")
                    .sourceId(id)
                    .creationDate(today)
                    .updatedAt(now)
                    .build();
        }

        private static Integer year(String edition) {
            Matcher matcher = YEAR.matcher(edition);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : null;
        }
    }
}

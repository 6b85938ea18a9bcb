package org.opackiosk.store.catalogue.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

import org.opackiosk.core.catalogue.CatalogueEntry;

/**
 * A catalogue of any size with the shapes of real records, recombined from the Aozora Bunko index (titles,
 * authors, publishers), the extended index's readings and NDC classes, and English titles: each record takes
 * a real title, sometimes with a volume or a subtitle borrowed from another work, real authors, a publisher,
 * a year, valid ISBNs, an item type and one to three branches. Deterministic for a seed.
 */
public final class SyntheticCatalogue {

    public record Work(String title, String titleReading, String author, String authorReading, String publisher,
                       String ndc) {
    }

    private static final String[] TYPES = {"BK", "BK", "BK", "BK", "BK", "BK", "JBK", "JBK", "PB", "MG", "DVD", "CD", "KMS"};
    private static final String[] BRANCHES = {"CEN", "KTA", "MIN", "HGS", "BKM"};
    private static final String[] SUBJECTS = {"日本文学", "小説", "随筆", "児童文学", "歴史", "詩", "評論", "紀行", "戯曲", "童話"};
    private static final String[] ENGLISH = {"The Adventures of Sherlock Holmes", "Pride and Prejudice", "A Tale of Two Cities",
            "Alice's Adventures in Wonderland", "The Time Machine", "Moby Dick", "Great Expectations", "Little Women",
            "The Picture of Dorian Gray", "Treasure Island", "Programming Perl", "Learning Java", "The Art of Computer Programming",
            "Introduction to Algorithms", "Japanese Grammar", "Kokoro", "Rashomon and Other Stories", "The Tale of Genji"};

    private final List<Work> works;

    private SyntheticCatalogue(List<Work> works) {
        this.works = works;
    }

    public List<Work> works() {
        return works;
    }

    /** From {@code aozora-works.csv} (and readings from {@code aozora-extended-sample.csv} where it has them). */
    public static SyntheticCatalogue load(Path aozoraWorks, Path extendedSample) throws IOException {
        Map<String, String[]> readings = new LinkedHashMap<>();
        for (Map<String, String> row : SharedData.csv(extendedSample)) {
            readings.put(row.get("作品ID"), new String[] {row.getOrDefault("作品名読み", ""),
                    row.getOrDefault("姓読み", "") + row.getOrDefault("名読み", ""), row.getOrDefault("分類番号", "")});
        }
        Map<String, Work> works = new LinkedHashMap<>();
        for (Map<String, String> row : SharedData.csv(aozoraWorks)) {
            String id = row.get("作品ID");
            if (id == null || works.containsKey(id)) {
                continue;
            }
            String[] r = readings.getOrDefault(id, new String[] {"", "", ""});
            String ndc = r[2].replaceAll("[^0-9.]", " ").strip();
            ndc = ndc.contains(" ") ? ndc.substring(0, ndc.indexOf(' ')) : ndc;
            works.put(id, new Work(row.get("作品名"), r[0], row.get("著者名"), r[1], row.getOrDefault("出版社名", ""), ndc));
        }
        return new SyntheticCatalogue(List.copyOf(works.values()));
    }

    /** {@code count} records with ids 1…count. */
    public List<CatalogueEntry> entries(int from, int count, long seed) {
        Random random = new Random(seed + from);
        List<CatalogueEntry> entries = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            entries.add(entry(i, random));
        }
        return entries;
    }

    private CatalogueEntry entry(int id, Random random) {
        Work w = works.get(random.nextInt(works.size()));
        boolean english = random.nextInt(20) == 0;
        String title = english ? ENGLISH[random.nextInt(ENGLISH.length)] : w.title();
        String volume = random.nextInt(4) == 0 ? "第" + (1 + random.nextInt(12)) + "巻" : "";
        String subtitle = random.nextInt(6) == 0 ? works.get(random.nextInt(works.size())).title() : "";
        List<String> authors = new ArrayList<>();
        List<String> authorReadings = new ArrayList<>();
        authors.add(w.author());
        authorReadings.add(w.authorReading());
        if (random.nextInt(8) == 0) {
            authors.add(works.get(random.nextInt(works.size())).author());
        }
        int year = 1900 + random.nextInt(126);
        String isbn13 = isbn13(id);
        List<CatalogueEntry.Holding> holdings = new ArrayList<>();
        int copies = 1 + random.nextInt(3);
        for (int c = 0; c < copies; c++) {
            holdings.add(new CatalogueEntry.Holding(id + "-" + c, BRANCHES[random.nextInt(BRANCHES.length)],
                    (w.ndc().isEmpty() ? "913.6" : w.ndc()) + "/" + (w.authorReading().isEmpty() ? "" : w.authorReading().substring(0, 1)),
                    "開架"));
        }
        return new CatalogueEntry(String.valueOf(id), title, subtitle, english ? "" : w.titleReading(), volume, "", "",
                authors, authorReadings.getFirst().isEmpty() ? List.of() : authorReadings,
                w.publisher().isEmpty() ? "青空文庫" : w.publisher(), "東京", OptionalInt.of(year), "",
                List.of(SUBJECTS[random.nextInt(SUBJECTS.length)]), w.ndc(), List.of(isbn13), TYPES[random.nextInt(TYPES.length)],
                english ? "eng" : "jpn", "", holdings, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id));
    }

    /** A valid ISBN-13 in the Japanese range for record {@code id}. */
    public static String isbn13(int id) {
        String body = "9784" + String.format("%08d", id % 100_000_000);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = body.charAt(i) - '0';
            sum += i % 2 == 0 ? d : 3 * d;
        }
        return body + (10 - sum % 10) % 10;
    }
}

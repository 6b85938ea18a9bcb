package org.opackiosk.store.catalogue.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.opackiosk.store.catalogue.analysis.Kana;

/**
 * The benchmark's fixed query set: what patrons type at a Japanese OPAC, in realistic proportions — kanji
 * titles and parts of titles, readings in hiragana and katakana, authors and their readings, titles in old
 * kanji forms, English, ISBNs with and without hyphens, single characters and long input. Deterministic.
 */
public final class QuerySet {

    private QuerySet() {
    }

    public static List<String> of(SyntheticCatalogue catalogue, int recordCount, long seed) throws IOException {
        Random random = new Random(seed);
        List<SyntheticCatalogue.Work> works = catalogue.works();
        List<SyntheticCatalogue.Work> withReading = works.stream().filter(w -> !w.titleReading().isEmpty()).toList();
        Map<Character, Character> oldForms = oldForms();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queries.add(pick(works, random).title());
        }
        for (int i = 0; i < 80; i++) {
            String t = pick(works, random).title();
            int len = Math.min(t.length(), 2 + random.nextInt(3));
            int start = random.nextInt(t.length() - len + 1);
            queries.add(t.substring(start, start + len));
        }
        for (int i = 0; i < 80; i++) {
            String r = pick(withReading, random).titleReading();
            queries.add(random.nextBoolean() ? r : r.substring(0, Math.max(2, r.length() / 2)));
        }
        for (int i = 0; i < 40; i++) {
            queries.add(katakana(pick(withReading, random).titleReading()));
        }
        for (int i = 0; i < 60; i++) {
            String a = pick(works, random).author();
            queries.add(random.nextBoolean() ? a : a.split(" ")[0]);
        }
        int readings = 0;
        for (SyntheticCatalogue.Work w : withReading) {
            if (readings < 40 && !w.authorReading().isEmpty() && random.nextInt(3) == 0) {
                queries.add(w.authorReading());
                readings++;
            }
        }
        int old = 0;
        for (int tries = 0; old < 40 && tries < 100_000; tries++) {
            String t = pick(works, random).title();
            StringBuilder s = new StringBuilder();
            boolean changed = false;
            for (char c : t.toCharArray()) {
                Character o = oldForms.get(c);
                s.append(o == null ? c : o);
                changed |= o != null;
            }
            if (changed) {
                queries.add(s.toString());
                old++;
            }
        }
        String[] english = {"sherlock holmes", "pride", "alice wonderland", "time machine", "java", "programming", "moby dick",
                "treasure island", "the", "great expectations", "kokoro", "genji", "algorithms", "little women", "dorian gray",
                "perl", "Tale of Two Cities", "JAPANESE grammar", "rashomon", "adventures"};
        for (int i = 0; i < 40; i++) {
            queries.add(english[i % english.length]);
        }
        for (int i = 0; i < 40; i++) {
            String isbn = SyntheticCatalogue.isbn13(1 + random.nextInt(recordCount));
            queries.add(switch (i % 4) {
                case 0 -> isbn;
                case 1 -> isbn.substring(0, 3) + "-" + isbn.substring(3, 4) + "-" + isbn.substring(4, 8) + "-" + isbn.substring(8, 12) + "-" + isbn.substring(12);
                case 2 -> isbn10(isbn);
                default -> "９７８" + isbn.substring(3);
            });
        }
        for (int i = 0; i < 40; i++) {
            String t = pick(works, random).title();
            queries.add(String.valueOf(t.charAt(random.nextInt(t.length()))));
        }
        for (int i = 0; i < 40; i++) {
            SyntheticCatalogue.Work w = pick(works, random);
            SyntheticCatalogue.Work v = pick(works, random);
            queries.add(w.title() + " " + w.author() + " " + w.publisher() + " " + v.title());
        }
        queries.replaceAll(q -> q.replace('\n', ' ').strip());
        queries.removeIf(String::isEmpty);
        return queries;
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String katakana(String hiragana) {
        return Kana.toKatakana(hiragana);
    }

    private static String isbn10(String isbn13) {
        String body = isbn13.substring(3, 12);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return body + (check == 10 ? "X" : String.valueOf(check));
    }

    /** New form → an old form, from the index's own table. */
    static Map<Character, Character> oldForms() throws IOException {
        Map<Character, Character> map = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(QuerySet.class.getResourceAsStream(
                "/org/opackiosk/store/catalogue/analysis/kanji-old-new.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] p = line.strip().split("\\s+");
                if (p.length == 2 && !line.startsWith("#") && p[0].length() == 1 && p[1].length() == 1) {
                    map.putIfAbsent(p[1].charAt(0), p[0].charAt(0));
                }
            }
        }
        return map;
    }
}

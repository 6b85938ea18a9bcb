package org.opackiosk.app.search;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

import org.opackiosk.app.holds.SeriesAdder.Volume;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.catalogue.SearchQuery;

/**
 * The volumes of a record's series from the local index, in volume order, from that record on: what
 * シリーズを順番に予約 puts in the cart. Volumes are the records whose series title (490/830) is the same
 * after NFKC; their order is the number in the series volume (or else the volume) — 2, ２, 第2巻 and 第二巻
 * are all 2 — then the title; volumes without a number come last.
 */
final class SeriesVolumes {

    /** A series longer than this is not looked for further; the cart takes 20 anyway. */
    static final int MAX_LOOKED_UP = 200;

    private SeriesVolumes() {
    }

    /** This record and the following volumes of its series; empty when it belongs to none. */
    static List<Volume> fromThisOn(CatalogueIndex index, CatalogueEntry entry) {
        String series = key(entry.seriesTitle());
        if (series.isEmpty()) {
            return List.of();
        }
        List<CatalogueEntry> volumes = new java.util.ArrayList<>(index.search(SearchQuery.text(entry.seriesTitle(), MAX_LOOKED_UP)).hits()
                .stream().filter(e -> key(e.seriesTitle()).equals(series)).toList());
        if (volumes.stream().noneMatch(e -> e.id().equals(entry.id()))) {
            volumes.add(entry);
        }
        volumes.sort(Comparator.comparing((CatalogueEntry e) -> number(e).orElse(Integer.MAX_VALUE))
                .thenComparing(CatalogueEntry::title));
        int from = 0;
        while (!volumes.get(from).id().equals(entry.id())) {
            from++;
        }
        return volumes.subList(from, volumes.size()).stream().map(e -> new Volume(e.id(), shownTitle(e))).toList();
    }

    /** The title as the record page shows it: with its volume, so that 三国志 1 and 三国志 2 can be told apart. */
    static String shownTitle(CatalogueEntry e) {
        String volume = e.volume().isEmpty() ? e.seriesVolume() : e.volume();
        return volume.isEmpty() ? e.title() : e.title() + " " + volume;
    }

    private static String key(String seriesTitle) {
        return Normalizer.normalize(seriesTitle, Normalizer.Form.NFKC).strip();
    }

    private static OptionalInt number(CatalogueEntry e) {
        OptionalInt n = number(e.seriesVolume());
        return n.isPresent() ? n : number(e.volume());
    }

    /** The first number in {@code text}: Arabic digits (half or full width) or kanji numerals up to 九十九. */
    static OptionalInt number(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int i = 0;
        while (i < s.length() && !Character.isDigit(s.charAt(i)) && kanji(s.charAt(i)) < 0) {
            i++;
        }
        if (i == s.length()) {
            return OptionalInt.empty();
        }
        if (Character.isDigit(s.charAt(i))) {
            int value = 0;
            for (; i < s.length() && Character.isDigit(s.charAt(i)) && value < 100_000; i++) {
                value = value * 10 + Character.digit(s.charAt(i), 10);
            }
            return OptionalInt.of(value);
        }
        // 二十三 = 2 × 10 + 3, 十 = 10, 十五 = 15
        int tens = 0;
        int units = 0;
        for (; i < s.length() && kanji(s.charAt(i)) >= 0; i++) {
            int k = kanji(s.charAt(i));
            if (k == 10) {
                tens = units == 0 ? 1 : units;
                units = 0;
            } else {
                units = k;
            }
        }
        return OptionalInt.of(tens * 10 + units);
    }

    private static int kanji(char c) {
        return "〇一二三四五六七八九十".indexOf(c);
    }
}

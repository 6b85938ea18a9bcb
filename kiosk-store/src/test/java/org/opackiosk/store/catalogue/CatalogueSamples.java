package org.opackiosk.store.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.opackiosk.core.catalogue.CatalogueEntry;

/** Small hand-made records for index tests. */
final class CatalogueSamples {

    private CatalogueSamples() {
    }

    static CatalogueEntry entry(String id, String title, String reading, String author, String authorReading,
                                int year, String type, String branch, String isbn) {
        return new CatalogueEntry(id, title, "", reading, "", "", "", List.of(author),
                authorReading.isEmpty() ? List.of() : List.of(authorReading), "新潮社", "東京", OptionalInt.of(year), "",
                List.of("日本文学"), "913.6", isbn.isEmpty() ? List.of() : List.of(isbn), type, "jpn", "",
                List.of(new CatalogueEntry.Holding("1" + id, branch, "913.6/ナ", "開架")), Instant.parse("2026-01-01T00:00:00Z"));
    }

    static List<CatalogueEntry> shelf() {
        return List.of(
                entry("1", "こころ", "ココロ", "夏目, 漱石", "ナツメ, ソウセキ", 1914, "BK", "CEN", "978-4-10-101013-7"),
                entry("2", "こころ 新装版", "ココロ シンソウバン", "夏目, 漱石", "ナツメ, ソウセキ", 2016, "BK", "KTA", ""),
                entry("3", "こころの処方箋", "ココロ ノ ショホウセン", "河合, 隼雄", "カワイ, ハヤオ", 1998, "BK", "CEN", "4-10-125225-6"),
                entry("4", "吾輩は猫である", "ワガハイ ワ ネコ デ アル", "夏目, 漱石", "ナツメ, ソウセキ", 1905, "BK", "CEN", ""),
                entry("5", "舊友", "", "芥川, 龍之介", "", 1921, "BK", "MIN", ""),
                entry("6", "ウェストミンスター寺院", "ウェストミンスター ジイン", "スミス, ジョン", "", 2001, "BK", "CEN", ""),
                entry("7", "学校の怪談", "ガッコウ ノ カイダン", "常光, 徹", "ツネミツ, トオル", 1990, "JBK", "KTA", ""),
                entry("8", "國學の研究", "", "澤田, 一郎", "", 1935, "BK", "CEN", ""),
                entry("9", "Harry Potter and the Philosopher's Stone", "", "Rowling, J. K.", "", 1997, "BK", "CEN", "0-7475-3269-9"),
                entry("10", "となりのトトロ", "トナリ ノ トトロ", "宮崎, 駿", "ミヤザキ, ハヤオ", 1988, "DVD", "CEN", ""),
                entry("11", "こゝろ", "", "夏目, 漱石", "", 1927, "BK", "MIN", ""),
                entry("12", "心", "ココロ", "小泉, 八雲", "コイズミ, ヤクモ", 1896, "BK", "CEN", ""),
                everyField(),
                // a title with the words and marks a query syntax would take as operators
                new CatalogueEntry("14", "\"NOT\" の哲学: こころと言葉", "", "", "", "", "", List.of("山田, 花子"),
                        List.of(), "哲学書房", "東京", OptionalInt.of(1983), "", List.of("哲学"), "104",
                        List.of(), "BK", "jpn", "", List.of(new CatalogueEntry.Holding("114", "CEN", "104/ヤ", "開架")),
                        Instant.parse("2026-01-01T00:00:00Z")),
                entry("15", "美しい日本の私", "", "川端, 康成", "", 1969, "BK", "KTA", ""));
    }

    /** A record with a subtitle, a series and its volume, its own publisher and subjects. */
    static CatalogueEntry everyField() {
        return new CatalogueEntry("13", "銀河鉄道の夜", "ほか十四篇", "ギンガ テツドウ ノ ヨル", "", "岩波少年文庫", "7",
                List.of("宮沢, 賢治"), List.of("ミヤザワ, ケンジ"), "偕成社", "東京", OptionalInt.of(2000), "",
                List.of("児童文学", "童話"), "909.3", List.of(), "JBK", "jpn", "",
                List.of(new CatalogueEntry.Holding("113", "KTA", "909/ミ", "児童")), Instant.parse("2026-01-01T00:00:00Z"));
    }
}

package org.opackiosk.app.testing;

import java.util.ArrayList;
import java.util.List;

import org.opackiosk.core.circulation.CatalogueRecord;

/** A small, plausible catalogue of a Japanese public library, with one English book and long titles. */
public final class SampleCatalogue {

    private SampleCatalogue() {
    }

    public static List<CatalogueRecord> records() {
        String[][] rows = {
                // title, subtitle, author, publisher, year, item type
                {"銀河鉄道の夜", "", "宮沢賢治", "岩波書店", "2000", "BK"},
                {"はじめてのプログラミング", "小学生からわかるスクラッチ入門　親子で楽しむ20のレッスン", "山田花子", "みどり出版", "2024", "BK"},
                {"暮らしと料理 2026年12月号", "", "", "くらし社", "2026", "MG"},
                {"交響曲第9番 ニ短調「合唱付き」", "", "ベートーヴェン", "日本フィルハーモニー", "2019", "CD"},
                {"日本の野鳥 映像図鑑", "", "野鳥の会", "自然映像社", "2021", "DVD"},
                {"おむすびころりん", "", "", "童心社", "1998", "KAMI"},
                {"Pride and Prejudice", "", "Jane Austen", "Penguin Classics", "2003", "BK"},
                {"吾輩は猫である", "", "夏目漱石", "新潮社", "1961", "BK"},
                {"みどり市の歴史", "市制七十周年記念", "みどり市史編さん委員会", "みどり市", "2022", "BK"},
                {"地域資料目録", "", "", "", "", "ZZ"},
                {"羅生門・鼻", "", "芥川龍之介", "新潮社", "1968", "BK"},
                {"やさしい日本語で読む世界の昔話", "", "田中一郎", "ひかり書房", "2020", "BK"},
                {"月刊 園芸ガイド 11月号", "", "", "花と緑社", "2026", "MG"},
                {"子守唄集", "", "", "わらべ音楽", "2015", "CD"},
                {"はらぺこあおむし", "", "エリック・カール", "偕成社", "1976", "BK"},
                {"三びきのこぶた", "", "", "童心社", "2001", "KAMI"},
                {"星の王子さま", "", "サン＝テグジュペリ", "岩波書店", "2000", "BK"},
                {"ぐりとぐら", "", "中川李枝子", "福音館書店", "1967", "BK"},
                {"世界の名画 DVD全集 第1巻", "", "", "美術映像社", "2012", "DVD"},
                {"防災ハンドブック", "家族で備える", "みどり市防災課", "みどり市", "2025", "BK"},
                {"走れメロス", "", "太宰治", "新潮社", "1967", "BK"},
                {"こころ", "", "夏目漱石", "岩波書店", "1989", "BK"},
                {"ごんぎつね", "", "新美南吉", "偕成社", "1986", "BK"},
                {"落語名演集 第3集", "", "", "演芸レコード", "2010", "CD"},
                {"ちいさいおうち", "", "バージニア・リー・バートン", "岩波書店", "1965", "BK"},
        };
        List<CatalogueRecord> records = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            records.add(new CatalogueRecord(String.valueOf(1001 + i), r[0], r[1], r[2], r[3],
                    r[4].isEmpty() ? null : Integer.valueOf(r[4]), "", r[5], FakeCirculationService.CHANGED));
        }
        return records;
    }
}

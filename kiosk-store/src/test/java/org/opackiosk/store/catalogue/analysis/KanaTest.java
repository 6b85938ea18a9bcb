package org.opackiosk.store.catalogue.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KanaTest {

    @Test
    void readingsFoldAsCatalogueSortReadingsDo() {
        String expected = "ウエストミンスタア";
        assertThat(Kana.fold("ウェストミンスター")).isEqualTo(expected);
        assertThat(Kana.fold("うえすとみんすたあ")).isEqualTo(expected);
        assertThat(Kana.fold("うぇすとミンスター")).isEqualTo(expected);
    }

    @Test
    void voicingSmallKanaAndOldKanaFold() {
        assertThat(Kana.fold("ガッコウ")).isEqualTo(Kana.fold("かつこう"));
        assertThat(Kana.fold("パン")).isEqualTo("ハン");
        assertThat(Kana.fold("ヴァイオリン")).isEqualTo("ウアイオリン");
        assertThat(Kana.fold("ゐなか")).isEqualTo("イナカ");
    }

    @Test
    void spacesAndPunctuationGo() {
        assertThat(Kana.fold("ナツメ, ソウセキ")).isEqualTo("ナツメソウセキ");
        assertThat(Kana.fold("ワガハイ ワ ネコ デ アル")).isEqualTo("ワカハイワネコテアル");
    }

    @Test
    void kanaOnlyInput() {
        assertThat(Kana.isKanaOnly("こころ")).isTrue();
        assertThat(Kana.isKanaOnly("コーヒー ぎゅうにゅう")).isTrue();
        assertThat(Kana.isKanaOnly("心")).isFalse();
        assertThat(Kana.isKanaOnly("ー")).isFalse();
    }
}

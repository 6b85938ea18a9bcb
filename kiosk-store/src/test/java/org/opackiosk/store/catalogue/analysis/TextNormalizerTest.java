package org.opackiosk.store.catalogue.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void fullWidthAndHalfWidthBecomeOneForm() {
        assertThat(TextNormalizer.normalize("ＡＢＣ１２３")).isEqualTo("abc123");
        assertThat(TextNormalizer.normalize("ｺｺﾛ")).isEqualTo("ココロ");
        assertThat(TextNormalizer.normalize("ｶﾞｯｺｳ")).isEqualTo("ガッコウ");
    }

    @Test
    void oldKanjiFormsBecomeNewOnes() {
        assertThat(TextNormalizer.normalize("舊友")).isEqualTo("旧友");
        assertThat(TextNormalizer.normalize("國學")).isEqualTo("国学");
        assertThat(TextNormalizer.normalize("澤邊齋藤龍壽")).isEqualTo("沢辺斎藤竜寿");
        assertThat(TextNormalizer.normalize("神")).isEqualTo("神"); // U+FA19, a compatibility ideograph
        assertThat(TextNormalizer.tableSize()).isGreaterThan(300);
    }

    @Test
    void iterationMarksAreSpelledOut() {
        assertThat(TextNormalizer.normalize("こゝろ")).isEqualTo("こころ");
        assertThat(TextNormalizer.normalize("いすゞ")).isEqualTo("いすず");
        assertThat(TextNormalizer.normalize("時々")).isEqualTo("時時");
        assertThat(TextNormalizer.normalize("々")).isEqualTo("々");
    }

    @Test
    void separateVoicingMarksJoinTheirKana() {
        assertThat(TextNormalizer.normalize("か゛っこう")).isEqualTo("がっこう");
        assertThat(TextNormalizer.normalize("は゜ん")).isEqualTo("ぱん");
        assertThat(TextNormalizer.normalize("゛")).isEmpty();
    }

    @Test
    void whiteSpaceCollapsesAndCaseFolds() {
        assertThat(TextNormalizer.normalize("  Harry\u3000 POTTER\t")).isEqualTo("harry potter");
        assertThat(TextNormalizer.normalize(null)).isEmpty();
    }
}

package org.opackiosk.store.catalogue.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
        assertThat(TextNormalizer.normalize("\uFA19")).isEqualTo("\u795E"); // 神: compatibility ideograph → unified
        assertThat(TextNormalizer.normalize("圖書館")).isEqualTo("図書館");
        assertThat(TextNormalizer.normalize("晉書")).isEqualTo(TextNormalizer.normalize("晋書"));
        assertThat(TextNormalizer.normalize("旣刊")).isEqualTo(TextNormalizer.normalize("既刊"));
    }

    @Test
    void everyOldFormInTheJoyoTableIsTheSameTextAsItsNewForm() {
        // given the 364 parenthesised old forms of the 常用漢字表 (2010)
        List<String[]> pairs = JoyoOldForms.pairs();
        assertThat(pairs).hasSize(364);

        // when / then: whether NFKC or the table folds it, the old form searches as the new one
        List<String> different = new ArrayList<>();
        for (String[] pair : pairs) {
            if (!TextNormalizer.normalize(pair[0]).equals(TextNormalizer.normalize(pair[1]))) {
                different.add(pair[0] + "→" + pair[1] + " (U+" + Integer.toHexString(pair[0].codePointAt(0)) + ")");
            }
        }
        assertThat(different).isEmpty();
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

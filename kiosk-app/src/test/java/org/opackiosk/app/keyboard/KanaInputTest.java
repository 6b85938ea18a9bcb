package org.opackiosk.app.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KanaInputTest {

    @Test
    void voicingMarksAndSmallKanaChangeTheLastKana() {
        assertThat(KanaInput.apply("か", KanaInput.DAKUTEN)).isEqualTo("が");
        assertThat(KanaInput.apply("が", KanaInput.DAKUTEN)).isEqualTo("か");
        assertThat(KanaInput.apply("は", KanaInput.HANDAKUTEN)).isEqualTo("ぱ");
        assertThat(KanaInput.apply("う", KanaInput.DAKUTEN)).isEqualTo("ゔ");
        assertThat(KanaInput.apply("がつ", KanaInput.SMALL)).isEqualTo("がっ");
        assertThat(KanaInput.apply("きや", KanaInput.SMALL)).isEqualTo("きゃ");
        assertThat(KanaInput.apply("きゃ", KanaInput.SMALL)).isEqualTo("きや");
    }

    @Test
    void aModifierThatCannotApplyChangesNothing() {
        assertThat(KanaInput.apply("", KanaInput.DAKUTEN)).isEmpty();
        assertThat(KanaInput.apply("な", KanaInput.DAKUTEN)).isEqualTo("な");
        assertThat(KanaInput.apply("A", KanaInput.SMALL)).isEqualTo("A");
        assertThat(KanaInput.apply("こ", "こ")).isEqualTo("ここ");
    }
}

package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanTextTest {

    @Test
    void carriageReturnLineFeedTabAndSpaceGetTheirSigns() {
        assertThat(ScanText.visible("A 1\t2\r\n")).isEqualTo("A␣1⇥2⏎↵");
    }

    @Test
    void otherControlCharactersAreShownByTheirCode() {
        assertThat(ScanText.visible("\u000201\u001D17\u0004")).isEqualTo("<0x02>01<0x1D>17<0x04>");
    }

    @Test
    void invisibleUnicodeSpacesAndZeroWidthCharactersAreShownByTheirCodePoint() {
        assertThat(ScanText.visible("12\u00A034\u200B5\u3000")).isEqualTo("12<U+00A0>34<U+200B>5<U+3000>");
    }

    @Test
    void visibleTextIsLeftAsItIs() {
        assertThat(ScanText.visible("A01000003A 走れメロス".replace(" ", ""))).isEqualTo("A01000003A走れメロス");
    }
}

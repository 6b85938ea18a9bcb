package org.opackiosk.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FontCheckTest {

    @Test
    void prefersNotoSansCjkJpWhenSeveralJapaneseFontsAreInstalled() {
        FontCheck check = new FontCheck(() -> List.of("DejaVu Sans", "IPAexGothic", "Noto Sans CJK JP"));

        assertThat(check.check()).contains("Noto Sans CJK JP");
    }

    @Test
    void fallsBackToAnotherJapaneseFont() {
        FontCheck check = new FontCheck(() -> List.of("DejaVu Sans", "IPAexGothic"));

        assertThat(check.check()).contains("IPAexGothic");
    }

    @Test
    void findsNothingWhenNoJapaneseFontIsInstalled() {
        FontCheck check = new FontCheck(() -> List.of("DejaVu Sans", "Liberation Serif"));

        assertThat(check.check()).isEmpty();
    }
}

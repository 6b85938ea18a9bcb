package org.opackiosk.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void textOnADarkAccentIsWhiteAndReadable() {
        Theme theme = Theme.of("#1F6F8B", Optional.empty());

        assertThat(theme.onAccent()).isEqualTo("#FFFFFF");
        assertThat(Theme.contrast(Color.web(theme.accent()), Color.web(theme.onAccent()))).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void textOnALightAccentIsDarkAndReadable() {
        Theme theme = Theme.of("#F2C14E", Optional.empty());

        assertThat(theme.onAccent()).isNotEqualTo("#FFFFFF");
        assertThat(Theme.contrast(Color.web(theme.accent()), Color.web(theme.onAccent()))).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void anAccentThatIsNotRrggbbFallsBackToTheDefault() {
        assertThat(Theme.of("teal", Optional.empty()).accent()).isEqualTo(Theme.FALLBACK_ACCENT);
        assertThat(Theme.of("#12345", Optional.empty()).accent()).isEqualTo(Theme.FALLBACK_ACCENT);
    }

    @Test
    void theRootStyleSetsTheAccentTheTextOnItAndTheFontFound() {
        String style = Theme.of("#1f6f8b", Optional.of("Noto Sans CJK JP")).rootStyle();

        assertThat(style).contains("-accent: #1F6F8B;", "-on-accent: #FFFFFF;", "-fx-font-family: \"Noto Sans CJK JP\";");
    }

    @Test
    void contrastOfBlackOnWhiteIs21() {
        assertThat(Theme.contrast(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void thePalettesTextColoursReadWellOnItsBackgrounds() {
        // the pairs kiosk.css uses: ink and soft ink on paper, surface and the notice colour
        for (String background : new String[] {"#F4F0E6", "#FFFDF8", "#FBEBC5"}) {
            for (String text : new String[] {"#1F1C17", "#4A443A"}) {
                assertThat(Theme.contrast(Color.web(text), Color.web(background))).as("%s on %s", text, background)
                        .isGreaterThanOrEqualTo(4.5);
            }
        }
    }
}

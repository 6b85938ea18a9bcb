package org.opackiosk.app.fx;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javafx.scene.paint.Color;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the stylesheet cannot know in advance: the library's accent colour, the colour of text on
 * it, and the Japanese font family found on this machine. Applied as an inline style on the root,
 * where it sets the looked-up colours {@code -accent} and {@code -on-accent} of {@code kiosk.css}.
 *
 * @param accent     the library's colour, {@code #RRGGBB}
 * @param onAccent   white or near-black, whichever reads better on the accent (WCAG contrast)
 * @param fontFamily the Japanese family to draw with, when one is installed
 */
public record Theme(String accent, String onAccent, Optional<String> fontFamily) {

    /** The accent used when the configured one is not a {@code #RRGGBB} colour. */
    public static final String FALLBACK_ACCENT = "#1F6F8B";

    private static final Logger LOG = LoggerFactory.getLogger(Theme.class);
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final String LIGHT_TEXT = "#FFFFFF";
    private static final String DARK_TEXT = "#141414";

    public Theme {
        Objects.requireNonNull(accent, "accent");
        Objects.requireNonNull(onAccent, "onAccent");
        Objects.requireNonNull(fontFamily, "fontFamily");
    }

    /** A theme for {@code accentColor}, with the text colour on it chosen for contrast. */
    public static Theme of(String accentColor, Optional<String> fontFamily) {
        String accent = accentColor;
        if (accentColor == null || !HEX.matcher(accentColor).matches()) {
            LOG.warn("Accent colour '{}' is not #RRGGBB; using {}", accentColor, FALLBACK_ACCENT);
            accent = FALLBACK_ACCENT;
        }
        Color c = Color.web(accent);
        double light = contrast(c, Color.web(LIGHT_TEXT));
        double dark = contrast(c, Color.web(DARK_TEXT));
        return new Theme(accent.toUpperCase(), light >= dark ? LIGHT_TEXT : DARK_TEXT, fontFamily);
    }

    /** The inline style for the scene's root. */
    public String rootStyle() {
        StringBuilder s = new StringBuilder()
                .append("-accent: ").append(accent).append("; ")
                .append("-on-accent: ").append(onAccent).append(";");
        fontFamily.ifPresent(f -> s.append(" -fx-font-family: \"").append(f.replace("\"", "")).append("\";"));
        return s.toString();
    }

    /** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}

package org.opackiosk.app.fx;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the font the kiosk draws Japanese with. Without a CJK font JavaFX draws every Japanese
 * character as an empty box, so a kiosk without one must say so loudly in its log.
 *
 * <p>JavaFX CSS uses only the first family of a {@code -fx-font-family} list, so the stylesheet's
 * list of fallbacks is not enough by itself: the UI sets the family this check finds on the root.
 * Needs the JavaFX toolkit to be running.
 */
public final class FontCheck {

    /** Japanese font families in order of preference (the kiosk is designed with the first). */
    public static final List<String> JAPANESE_FAMILIES =
            List.of("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic UI");

    private static final Logger LOG = LoggerFactory.getLogger(FontCheck.class);

    private final Supplier<? extends Collection<String>> installedFamilies;

    /** Checks the font families installed on this machine. */
    public FontCheck() {
        this(Font::getFamilies);
    }

    /** Checks the families {@code installedFamilies} reports (for tests). */
    public FontCheck(Supplier<? extends Collection<String>> installedFamilies) {
        this.installedFamilies = Objects.requireNonNull(installedFamilies, "installedFamilies");
    }

    /** The most preferred Japanese family that is installed, if any. Does not log. */
    public Optional<String> japaneseFamily() {
        Set<String> installed = new HashSet<>(installedFamilies.get());
        return JAPANESE_FAMILIES.stream().filter(installed::contains).findFirst();
    }

    /** Like {@link #japaneseFamily()}, and logs a warning with the fix when there is none. */
    public Optional<String> check() {
        Optional<String> family = japaneseFamily();
        if (family.isEmpty()) {
            LOG.warn("No Japanese font is installed (looked for {}): Japanese text will show as empty boxes. "
                    + "Install one, e.g. 'apt-get install fonts-noto-cjk', and restart the kiosk.", JAPANESE_FAMILIES);
        } else {
            LOG.debug("Japanese text uses the font family '{}'", family.get());
        }
        return family;
    }
}

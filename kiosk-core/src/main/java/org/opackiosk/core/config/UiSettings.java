package org.opackiosk.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the screens behave.
 *
 * @param defaultLanguage the language every session starts in ({@code ja} or {@code en})
 * @param idleTimeout     how long without a touch or scan before the countdown starts
 * @param countdown       how long the visible countdown lasts before the kiosk returns to the attract screen
 * @param textSize        the default text size
 */
public record UiSettings(Locale defaultLanguage, Duration idleTimeout, Duration countdown, TextSize textSize) {

    public enum TextSize { NORMAL, LARGE }

    public static final UiSettings DEFAULTS =
            new UiSettings(Locale.JAPANESE, Duration.ofSeconds(60), Duration.ofSeconds(15), TextSize.NORMAL);

    public UiSettings {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(countdown, "countdown");
        Objects.requireNonNull(textSize, "textSize");
    }
}

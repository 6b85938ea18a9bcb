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
 * @param sessionMaximum  the longest a patron session lasts, touched or not (a shared kiosk is not a personal computer)
 */
public record UiSettings(Locale defaultLanguage, Duration idleTimeout, Duration countdown, TextSize textSize,
                         Duration sessionMaximum) {

    public enum TextSize { NORMAL, LARGE }

    /** The hard maximum of a patron session when the configuration does not set one (issue 4: 10 min). */
    public static final Duration DEFAULT_SESSION_MAXIMUM = Duration.ofMinutes(10);

    public static final UiSettings DEFAULTS =
            new UiSettings(Locale.JAPANESE, Duration.ofSeconds(60), Duration.ofSeconds(15), TextSize.NORMAL);

    /** With the default session maximum. */
    public UiSettings(Locale defaultLanguage, Duration idleTimeout, Duration countdown, TextSize textSize) {
        this(defaultLanguage, idleTimeout, countdown, textSize, DEFAULT_SESSION_MAXIMUM);
    }

    public UiSettings {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(countdown, "countdown");
        Objects.requireNonNull(textSize, "textSize");
        Objects.requireNonNull(sessionMaximum, "sessionMaximum");
        if (!sessionMaximum.isPositive()) {
            throw new IllegalArgumentException("a session maximum is positive: " + sessionMaximum);
        }
    }
}

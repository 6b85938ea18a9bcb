package org.opackiosk.core.circulation;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The sentence a patron sees for a {@link Refusal}: {@code org/opackiosk/core/circulation/refusals.properties}
 * (Japanese, the default) and {@code refusals_en.properties}, looked up by the refusal's message key. A key
 * without a sentence gets {@code refusal.generic}; a locale without a bundle gets Japanese — never the JVM's
 * default locale, so a kiosk set up in English still speaks Japanese unless English is asked for.
 * Stateless and thread-safe (ResourceBundle caches the bundles).
 */
public final class RefusalMessages {

    public static final String BUNDLE = "org.opackiosk.core.circulation.refusals";
    public static final String GENERIC_KEY = "refusal.generic";

    /** No fallback to the JVM's default locale: a missing language falls to the base (Japanese) bundle. */
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(List.of("java.properties"));

    private RefusalMessages() {
    }

    /** The sentence for {@code messageKey} in {@code locale}, or the generic sentence when there is none. */
    public static String text(String messageKey, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, RefusalMessages.class.getClassLoader(), NO_DEFAULT_LOCALE);
        if (messageKey != null && bundle.containsKey(messageKey)) {
            return bundle.getString(messageKey);
        }
        try {
            return bundle.getString(GENERIC_KEY);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the refusal bundle has no " + GENERIC_KEY, e);
        }
    }

    /** The sentence for {@code refusal}'s message key. */
    public static String text(Refusal refusal, Locale locale) {
        return text(refusal.messageKey(), locale);
    }
}

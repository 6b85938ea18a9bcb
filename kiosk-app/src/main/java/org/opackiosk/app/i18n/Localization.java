package org.opackiosk.app.i18n;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language of the current session and every user-visible text in it. Texts are
 * {@link StringBinding}s on the observable locale, so a label bound to one re-labels itself the
 * moment the patron switches language.
 *
 * <p>Texts come from {@code org/opackiosk/app/i18n/messages_<lang>.properties} (UTF-8). A text with
 * arguments is a {@link MessageFormat} pattern; a text without arguments is used verbatim.
 *
 * <p>Not thread-safe: use on the UI thread only.
 */
public final class Localization {

    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The languages the kiosk has texts for, in the order the language switch shows them. */
    public static final List<Locale> SUPPORTED = List.of(JAPANESE, ENGLISH);

    static final String BUNDLE = "org.opackiosk.app.i18n.messages";

    private static final Logger LOG = LoggerFactory.getLogger(Localization.class);
    // No fallback to the JVM's default locale: a missing text must show up in tests, not silently
    // come out in another language.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>(this, "locale");

    /** @param initial the session's language; anything but Japanese or English falls back to Japanese */
    public Localization(Locale initial) {
        locale.set(supported(initial));
    }

    /** The supported language closest to {@code requested}: {@code ja-JP} is Japanese, {@code fr} is Japanese. */
    public static Locale supported(Locale requested) {
        Objects.requireNonNull(requested, "requested");
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equals(requested.getLanguage())) {
                return l;
            }
        }
        LOG.warn("No texts for language '{}'; using Japanese", requested.toLanguageTag());
        return JAPANESE;
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale requested) {
        locale.set(supported(requested));
    }

    /** The text for {@code key} in the current language, formatted with {@code args} when there are any. */
    public String get(String key, Object... args) {
        return lookup(locale.get(), key, args);
    }

    /** The text for {@code key} in {@code language}. */
    public static String lookup(Locale language, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, language, CONTROL).getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("Missing text '{}' for language '{}'", key, language.getLanguage());
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language).format(args);
    }

    /** The text for {@code key}, following the language. */
    public StringBinding text(String key) {
        return Bindings.createStringBinding(() -> get(key), locale);
    }

    /** {@code text} in the current language, rendered again when the language or the text changes; null is "". */
    public StringBinding bind(ObservableValue<Text> text) {
        return Bindings.createStringBinding(() -> text.getValue() == null ? "" : text.getValue().in(this), text, locale);
    }

    /** The pattern {@code key} formatted with the current values of {@code args}, following the language and the arguments. */
    public StringBinding format(String key, ObservableValue<?>... args) {
        Observable[] dependencies = new Observable[args.length + 1];
        dependencies[0] = locale;
        System.arraycopy(args, 0, dependencies, 1, args.length);
        return Bindings.createStringBinding(
                () -> get(key, Arrays.stream(args).map(ObservableValue::getValue).toArray()), dependencies);
    }
}

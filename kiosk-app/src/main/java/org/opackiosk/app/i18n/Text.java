package org.opackiosk.app.i18n;

import java.util.Objects;

import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.circulation.RefusalMessages;

/**
 * A sentence a view model keeps as what it means (a message key with its arguments, a server's refusal), not as
 * the words of the language it was set in: {@link Localization#bind} renders it in the current language and again
 * when the patron switches language on the same screen. Immutable.
 */
@FunctionalInterface
public interface Text {

    /** Nothing to say. */
    Text NONE = l10n -> "";

    /** The sentence in the current language of {@code l10n}. */
    String in(Localization l10n);

    /** The message {@code key} formatted with {@code args}. */
    static Text of(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        Object[] copy = args.clone();
        return l10n -> l10n.get(key, copy);
    }

    /** The plain-words sentence of a server's refusal. */
    static Text refusal(Refusal refusal) {
        Objects.requireNonNull(refusal, "refusal");
        return l10n -> RefusalMessages.text(refusal, l10n.locale());
    }
}

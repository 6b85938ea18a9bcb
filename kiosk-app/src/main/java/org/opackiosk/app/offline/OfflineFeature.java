package org.opackiosk.app.offline;

import java.util.Locale;

import javafx.beans.binding.StringBinding;
import org.opackiosk.app.i18n.Localization;

/**
 * What the kiosk refuses while the library's system cannot be reached, each with the sentence and
 * the hint the patron sees: they need the server to be honest (an account page from memory would
 * be stale) or safe (a password cannot be checked offline). Screens of these features show
 * {@link #message} and {@link #hint} instead of their content while the kiosk is offline.
 */
public enum OfflineFeature {
    LOGIN,
    MY_PAGE,
    RENEWAL,
    PASSWORD,
    EMAIL;

    private String key() {
        return name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    /** E.g. 「図書館のシステムにつながらないため、今はログインできません。」 */
    public StringBinding message(Localization l10n) {
        return l10n.text("offline.refused." + key());
    }

    /** What the patron can do instead, e.g. 「カウンターでおたずねください。」 */
    public StringBinding hint(Localization l10n) {
        return l10n.text("offline.hint." + key());
    }
}

package org.opackiosk.app.staff;

import java.util.Locale;

import org.opackiosk.core.config.UiSettings.TextSize;

/**
 * The settings staff may change on the running kiosk (ADR 0075): they apply at once; the dashboard keeps them in the
 * state directory ({@link SettingsOverrides}) so that they survive a restart; the configuration file is not written.
 * UI thread.
 */
public interface LiveSettings {

    String branch();

    String defaultPickup();

    Locale defaultLanguage();

    TextSize defaultTextSize();

    /** The branch this kiosk stands in (its name in the top bar follows; the default pickup is set on its own). */
    void setBranch(String branchId);

    /** The pickup library a hold starts with. */
    void setDefaultPickup(String branchId);

    /** The language every new session starts in. */
    void setDefaultLanguage(Locale language);

    /** The text size every new session starts with. */
    void setDefaultTextSize(TextSize size);
}

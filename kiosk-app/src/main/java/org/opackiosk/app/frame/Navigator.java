package org.opackiosk.app.frame;

/** Moves the patron between screens. View models use it to act on a command; UI thread only. */
public interface Navigator {

    /** Shows {@code screen}, remembering the current one as the way back. */
    void open(ScreenId screen);

    /**
     * Shows {@code screen} in place of the current one: Back then leads where the current one's Back
     * led (after login, My page replaces the login screen).
     */
    default void replace(ScreenId screen) {
        open(screen);
    }

    /** Back to the attract screen, forgetting the way back; the session (language, text size) stays. */
    void goHome();
}

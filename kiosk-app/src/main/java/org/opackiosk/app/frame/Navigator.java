package org.opackiosk.app.frame;

/** Moves the patron between screens. View models use it to act on a command; UI thread only. */
public interface Navigator {

    /** Shows {@code screen}, remembering the current one as the way back. */
    void open(ScreenId screen);

    /** Back to the attract screen, forgetting the way back; the session (language, text size) stays. */
    void goHome();
}

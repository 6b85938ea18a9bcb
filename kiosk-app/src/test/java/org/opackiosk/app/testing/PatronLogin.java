package org.opackiosk.app.testing;

import org.testfx.api.FxRobot;

/** A patron logging in the way a finger does: 利用者番号を入力 on the numeric pad, the password on the keyboard, ログイン. */
public final class PatronLogin {

    private PatronLogin() {
    }

    /** From the attract screen to the first screen after login. */
    public static void logIn(FxRobot robot, String card, String password) {
        robot.clickOn("#typeCardButton");
        for (char c : card.toCharArray()) {
            robot.clickOn("#card-" + c);
        }
        robot.clickOn("#cardNextButton");
        for (char c : password.toCharArray()) {
            robot.clickOn(Character.isDigit(c) ? "#password-layout-digits" : "#password-layout-abc");
            robot.clickOn("#password-key-" + c);
        }
        robot.clickOn("#loginButton");
    }
}

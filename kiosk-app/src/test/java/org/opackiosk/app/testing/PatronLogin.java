package org.opackiosk.app.testing;

import org.testfx.api.FxRobot;

/** A patron logging in the way a finger does: 利用者番号を入力 on the numeric pad, the password on the keyboard, ログイン. */
public final class PatronLogin {

    private PatronLogin() {
    }

    /** From the attract screen to the first screen after login. */
    public static void logIn(FxRobot robot, String card, String password) {
        robot.clickOn("#typeCardButton");
        typeCardAndPassword(robot, card, password);
    }

    /**
     * From the card step to the first screen after login: for a login another button opened (a hold, the cart,
     * メール登録) instead of 利用者番号を入力.
     */
    public static void typeCardAndPassword(FxRobot robot, String card, String password) {
        typeCard(robot, card);
        robot.clickOn("#cardNextButton");
        typePassword(robot, password);
        robot.clickOn("#loginButton");
    }

    /** The number on the card step's pad; the step stays open (次へ not pressed). */
    public static void typeCard(FxRobot robot, String card) {
        for (char c : card.toCharArray()) {
            robot.clickOn("#card-" + c);
        }
    }

    /** The password on the password step's keyboard, each key from its layout; ログイン not pressed. */
    public static void typePassword(FxRobot robot, String password) {
        for (char c : password.toCharArray()) {
            robot.clickOn(Character.isDigit(c) ? "#password-layout-digits" : "#password-layout-abc");
            robot.clickOn("#password-key-" + c);
        }
    }
}

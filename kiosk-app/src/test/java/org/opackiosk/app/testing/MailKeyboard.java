package org.opackiosk.app.testing;

import org.testfx.api.FxRobot;

/** The e-mail address screen's keyboard, as a finger uses it. */
public final class MailKeyboard {

    private MailKeyboard() {
    }

    /** Types taro@gmial.com key by key: the misspelt domain the screen offers to correct to gmail.com. */
    public static void typeMisspeltGmailAddress(FxRobot robot) {
        for (char c : "taro".toCharArray()) {
            robot.clickOn("#mail-key-" + c);
        }
        robot.clickOn("#mail-layout-symbols");
        robot.clickOn("#mail-key-at");
        robot.clickOn("#mail-layout-abc");
        for (char c : "gmial".toCharArray()) {
            robot.clickOn("#mail-key-" + c);
        }
        robot.clickOn("#mail-layout-symbols");
        robot.clickOn("#mail-key-dotcom");
    }
}

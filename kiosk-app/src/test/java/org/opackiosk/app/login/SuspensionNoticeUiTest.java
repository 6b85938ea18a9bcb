package org.opackiosk.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.FakePatronAccounts;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.patron.Notice;
import org.opackiosk.core.patron.SuspensionCategory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** After login: 貸出禁止 with its reason, and each ready hold with its own last day, in Japanese and English. */
@ExtendWith(ApplicationExtension.class)
class SuspensionNoticeUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void aSuspendedPatronIsToldWhyAndEachReadyHoldByItsOwnDay(FxRobot robot) {
        // given a patron suspended for overdue items, with two holds ready until different days
        kiosk.serverOnline();
        kiosk.circulation.patrons.add("01000006", "hanako66", "6", "青山 花子", Optional.empty(), List.of(
                new Notice.Suspended(SuspensionCategory.OVERDUES),
                new Notice.HoldsReady(List.of(new Notice.ReadyHold("吾輩は猫である", FakePatronAccounts.TODAY.plusDays(7)),
                        new Notice.ReadyHold("こころ", FakePatronAccounts.TODAY.plusDays(3))))));

        // when
        PatronLogin.logIn(robot, "01000006", "hanako66");

        // then
        assertThat(kiosk.visibleTexts()).contains(
                "返却期限日を過ぎた資料があるため、現在、貸出と予約ができません（貸出禁止）。資料を返却して、カウンターの職員にお声がけください。",
                "受け取りの準備ができた予約が2点あります。下の取置期限日までにお受け取りください。\n"
                        + "・「こころ」　2026年11月26日まで\n・「吾輩は猫である」　2026年11月30日まで");
        Screenshots.capture(kiosk.stage(), "notices-suspended-ja");
        robot.clickOn("#language-en");
        assertThat(kiosk.visibleTexts()).contains(
                "You cannot borrow or place holds because items are past their due date. Please return them and ask at the counter.",
                "Holds ready for pickup: 2. Please collect each by the day shown.\n"
                        + "• “こころ” — by 26 Nov 2026\n• “吾輩は猫である” — by 30 Nov 2026");
        Screenshots.capture(kiosk.stage(), "notices-suspended-en");
    }
}

package org.opackiosk.app.mypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.FakePatronAccounts;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** My page shows a button only where the patron can act, and says why where there is none. */
@ExtendWith(ApplicationExtension.class)
class MyPageRowsUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    private boolean shown(FxRobot robot, String id) {
        Optional<Node> node = robot.lookup(id).tryQuery();
        return node.isPresent() && node.get().isVisible();
    }

    @Test
    void aLoanThatCannotBeRenewedHasNoRenewButtonAndAHoldInTransitNoChangeOrCancel(FxRobot robot) {
        // given a hold travelling to its pickup library, and 緑川 太郎 logged in
        kiosk.serverOnline();
        kiosk.circulation.patrons.holds.add(new Hold("h7", "r7", "走れメロス", HoldStatus.IN_TRANSIT, Optional.empty(), "KITA",
                ContactMethod.EMAIL, FakePatronAccounts.TODAY.minusDays(9), Optional.empty(), Optional.empty()));
        PatronLogin.logIn(robot, "01000001", "taro1234");

        // then: 坊っちゃん (c1) may be renewed, 銀河鉄道の夜 (c2) may not, and says why
        assertThat(shown(robot, "#renew-c1")).isTrue();
        assertThat(shown(robot, "#renew-c2")).isFalse();
        assertThat(kiosk.visibleTexts()).contains("銀河鉄道の夜", "ほかの方が予約しているため延長できません。返却期限までに返却してください。");

        // and the hold in transit says so, with no change or cancel, and where to ask
        robot.clickOn("#tab-holds");
        assertThat(kiosk.visibleTexts()).contains("走れメロス", "回送中（受取館へ運んでいます）");
        assertThat(shown(robot, "#change-h7")).isFalse();
        assertThat(shown(robot, "#cancel-h7")).isFalse();
        assertThat(shown(robot, "#change-h1")).isTrue();
        assertThat(shown(robot, "#cancel-h1")).isTrue();
        assertThat(kiosk.visibleTexts().stream().filter("この予約の変更・取消は、カウンターの職員にお声がけください。"::equals)).hasSize(2);
        Screenshots.capture(kiosk.stage(), "mypage-holds-in-transit-ja");
        robot.clickOn("#language-en");
        assertThat(kiosk.visibleTexts()).contains("In transit to the pickup library");
        Screenshots.capture(kiosk.stage(), "mypage-holds-in-transit-en");
    }
}

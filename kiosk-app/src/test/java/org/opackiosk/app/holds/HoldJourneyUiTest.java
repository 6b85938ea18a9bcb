package org.opackiosk.app.holds;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Search → hold → login → pickup choice → done → back to the search. */
@ExtendWith(ApplicationExtension.class)
class HoldJourneyUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void aHoldAskedForBeforeLoginIsPlacedRightAfterIt(FxRobot robot) {
        // given
        kiosk.serverOnline();
        robot.clickOn("#searchButton");
        // when
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r7", "走れメロス"));
        PatronLogin.typeCardAndPassword(robot, "01000001", "taro1234");
        // then
        assertThat(robot.lookup("#holdRecord").queryAs(Label.class).getText()).isEqualTo("走れメロス");
        Screenshots.capture(kiosk.stage(), "hold-choose-ja");
        robot.clickOn("#pickup-KITA");
        robot.clickOn("#placeHoldButton");
        assertThat(robot.lookup("#holdPlacedPickup").queryAs(Label.class).getText()).isEqualTo("受取館：北分館");
        assertThat(robot.lookup("#holdPlacedPosition").queryAs(Label.class).getText()).isEqualTo("予約順位：3番目");
        Screenshots.capture(kiosk.stage(), "hold-placed-ja");
        robot.clickOn("#language-en");
        Screenshots.capture(kiosk.stage(), "hold-placed-en");
        robot.clickOn("#holdBackButton");
        // back to the search the patron came from
        assertThat(robot.lookup("#searchTitle").tryQuery()).isPresent();
        assertThat(robot.lookup("#patronCard").queryAs(Label.class).getText()).isEqualTo("****0001");
    }

    @Test
    void theCartIsCollectedBeforeLoginAndPlacedInOrderAfterIt(FxRobot robot) {
        // given
        kiosk.serverOnline();
        robot.clickOn("#searchButton");
        Fx.run(() -> {
            kiosk.ui.cartAdder().addToCart("v2", "三国志 第2巻");
            kiosk.ui.cartAdder().addToCart("v1", "三国志 第1巻");
            kiosk.ui.cartAdder().addToCart("r8", "山月記");
            kiosk.ui.openCart();
        });
        PatronLogin.typeCardAndPassword(robot, "01000001", "taro1234");
        // when
        robot.clickOn("#cartTick-r8");
        robot.clickOn("#cartSeriesButton");
        robot.clickOn("#cartUp-v1");
        Screenshots.capture(kiosk.stage(), "cart-series-ja");
        robot.clickOn("#cartPlaceButton");
        // then
        assertThat(kiosk.circulation.patrons.calls).contains("placeHold v1,v2 CEN EMAIL");
        Screenshots.capture(kiosk.stage(), "cart-done-ja");
        robot.clickOn("#language-en");
        robot.clickOn("#cartBackButton");
        Screenshots.capture(kiosk.stage(), "cart-en");
    }

    @Test
    void aHoldPlacedWhileTheServerIsGoneIsSavedSaidSoAndPlacedOnceWhenItReturns(FxRobot robot) {
        // given a patron choosing the pickup library
        kiosk.serverOnline();
        robot.clickOn("#searchButton");
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r7", "走れメロス"));
        PatronLogin.typeCardAndPassword(robot, "01000001", "taro1234");
        robot.clickOn("#pickup-KITA");

        // when the server goes away just before 予約する
        kiosk.serverOffline();
        robot.clickOn("#placeHoldButton");

        // then the patron is told it is saved and will be sent, not to try again
        assertThat(robot.lookup("#holdRefusedTitle").queryAs(Label.class).getText()).isEqualTo("予約の申し込みを保存しました");
        Screenshots.capture(kiosk.stage(), "hold-saved-ja");
        assertThat(robot.lookup("#holdRefusal").queryAs(Label.class).getText())
                .isEqualTo("予約の申し込みをこの端末に保存しました。図書館のシステムから返事がありしだい手続きします。結果は利用状況でご確認ください。");
        assertThat(kiosk.circulation.patrons.calls).noneMatch(c -> c.startsWith("placeHold"));
        assertThat(kiosk.outbox.countOpen()).isEqualTo(1);

        // when the server returns
        kiosk.serverOnline();

        // then the hold is placed, once
        assertThat(kiosk.circulation.patrons.calls).filteredOn(c -> c.startsWith("placeHold")).containsExactly("placeHold r7 KITA EMAIL");
        assertThat(kiosk.outbox.countOpen()).isZero();
    }
}

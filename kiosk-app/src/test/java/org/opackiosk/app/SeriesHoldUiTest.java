package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;

import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.search.FakeCatalogueIndex;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.config.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 順番予約 from a series (issue 4): a record's page → シリーズを順番に予約 → login → the cart in volume order → placed as one. */
@ExtendWith(ApplicationExtension.class)
class SeriesHoldUiTest {

    private KioskFixture kiosk;

    private static CatalogueEntry volume(String id, String volume, String seriesVolume) {
        return new CatalogueEntry(id, "三国志", "", "サンゴクシ", volume, "三国志", seriesVolume, List.of("吉川, 英治"), List.of(),
                "講談社", "東京", OptionalInt.of(1989), "", List.of(), "913.6", List.of(), "BK", "jpn", "", List.of(), null);
    }

    @Start
    void start(Stage stage) {
        FakeCatalogueIndex index = new FakeCatalogueIndex()
                .add(volume("v3", "第3巻", "3"))
                .add(volume("v1", "第1巻", "1"))
                .add(volume("v2", "第2巻", "2"));
        kiosk = new KioskFixture(UiSettings.DEFAULTS, java.util.function.UnaryOperator.identity(), index);
        kiosk.show(stage);
    }

    @Test
    void aSeriesReservedFromItsSecondVolumeIsPlacedInVolumeOrderAfterTheLogin(FxRobot robot) {
        // given the page of volume 2
        kiosk.serverOnline();
        robot.clickOn("#searchButton");
        Fx.run(() -> kiosk.ui.searchViewModel().openRecord("v2"));
        Button series = robot.lookup("#seriesButton").queryButton();
        assertThat(series.isVisible()).isTrue();
        assertThat(series.getText()).isEqualTo("シリーズを順番に予約\n（この巻から2冊）");
        Screenshots.capture(kiosk.stage(), "record-series-ja");
        robot.clickOn("#language-en");
        assertThat(series.getText()).isEqualTo("Reserve the series in order\n(2 volumes from this one)");
        Screenshots.capture(kiosk.stage(), "record-series-en");
        robot.clickOn("#language-ja");

        // when
        robot.clickOn("#seriesButton");
        PatronLogin.typeCardAndPassword(robot, "01000001", "taro1234");

        // then the cart shows the volumes numbered in order, 順番予約 chosen
        List<String> texts = kiosk.visibleTexts();
        assertThat(texts).containsSubsequence("1. 三国志 第2巻", "2. 三国志 第3巻").doesNotContain("1. 三国志 第1巻");
        assertThat(robot.lookup("#cartUp-v3").tryQuery()).isPresent();
        Screenshots.capture(kiosk.stage(), "cart-from-series-ja");
        robot.clickOn("#cartPlaceButton");
        assertThat(kiosk.circulation.patrons.calls).contains("placeHold v2,v3 CEN EMAIL");
    }
}

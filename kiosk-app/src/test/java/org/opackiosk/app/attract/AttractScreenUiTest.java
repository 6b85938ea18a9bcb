package org.opackiosk.app.attract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.KioskFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AttractScreenUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void showsTheLibraryTheScanPromptTheWayIntoTheCatalogueAndTheStatusLine(FxRobot robot) {
        kiosk.serverOnline();

        assertThat(text(robot, "#attractLibraryName")).isEqualTo("みどり市立図書館");
        assertThat(text(robot, "#attractBranchName")).isEqualTo("中央図書館");
        assertThat(text(robot, "#scanPrompt")).isEqualTo("カードをかざしてください");
        assertThat(text(robot, "#searchLabel")).isEqualTo("資料をさがす");
        assertThat(robot.lookup("#searchButton").queryButton().isVisible()).isTrue();
        assertThat(text(robot, "#statusLine")).isEqualTo("図書館のシステムにつながっています");
        assertThat(robot.lookup(".icon-card").query().isVisible()).isTrue();
    }

    @Test
    void theStatusLineFollowsTheConnectionWithWordsAndAGlyphNotOnlyColour(FxRobot robot) {
        // given: the first probe has not answered
        assertThat(text(robot, "#statusLine")).isEqualTo("接続中… 図書館のシステムに接続しています");
        assertThat(shownStatusGlyph(robot)).isEqualTo("icon-checking");

        // when
        kiosk.serverOnline();

        // then
        assertThat(text(robot, "#statusLine")).isEqualTo("図書館のシステムにつながっています");
        assertThat(shownStatusGlyph(robot)).isEqualTo("icon-online");

        // when
        kiosk.serverOffline();

        // then
        assertThat(text(robot, "#statusLine"))
                .isEqualTo("オフライン：検索と、利用者カードをかざしての予約はできます。\nログイン・マイページは、つながるまでお待ちください。");
        assertThat(shownStatusGlyph(robot)).isEqualTo("icon-offline");
    }

    @Test
    void offlineTheCardPanelSaysHowAHoldByCardStillWorksInsteadOfPromisingLoans(FxRobot robot) {
        // given
        kiosk.serverOnline();
        assertThat(text(robot, "#scanDetail")).isEqualTo("予約や、借りている資料の確認ができます");

        // when
        kiosk.serverOffline();

        // then: a card scanned here cannot log in offline, but it places a hold from the record page
        assertThat(text(robot, "#scanDetail")).isEqualTo("今は、資料をさがして「予約する」を押してから、カードをかざしてください");
        robot.clickOn("#language-en");
        assertThat(text(robot, "#scanDetail")).isEqualTo("For now: find the item, touch “Place a hold”, then scan your card");
        assertThat(text(robot, "#statusLine")).isEqualTo("Offline: you can search, and place holds by scanning your library card.\n"
                + "Sign-in and My page will be back when the connection returns.");

        // when
        kiosk.serverOnline();

        // then
        assertThat(text(robot, "#scanDetail")).isEqualTo("to place holds and see your loans");
    }

    @Test
    void theDateAndTimeAreWrittenPerLanguageAndAdvanceWithTheMinute(FxRobot robot) {
        assertThat(text(robot, "#dateTime")).isEqualTo("2026年11月23日（月） 14:05");

        kiosk.advance(Duration.ofMinutes(1));
        assertThat(text(robot, "#dateTime")).isEqualTo("2026年11月23日（月） 14:06");

        robot.clickOn("#language-en");
        assertThat(text(robot, "#dateTime")).isEqualTo("Mon 23 Nov 2026 14:06");

        kiosk.advance(Duration.ofMinutes(1));
        assertThat(text(robot, "#dateTime")).isEqualTo("Mon 23 Nov 2026 14:07");
    }

    @Test
    void touchingSearchOpensTheCatalogue(FxRobot robot) {
        robot.clickOn("#searchButton");

        assertThat(robot.lookup("#searchTitle").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#breadcrumb")).isEqualTo("ホーム › 資料をさがす");
        assertThat(robot.lookup("#attractLibraryName").tryQuery()).isEmpty();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String shownStatusGlyph(FxRobot robot) {
        return robot.lookup("#statusBox .icon").queryAllAs(Region.class).stream()
                .filter(Region::isVisible)
                .flatMap(r -> r.getStyleClass().stream())
                .filter(c -> c.startsWith("icon-"))
                .findFirst()
                .orElseThrow();
    }
}

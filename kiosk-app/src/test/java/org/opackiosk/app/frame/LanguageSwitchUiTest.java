package org.opackiosk.app.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.KioskFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LanguageSwitchUiTest {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void englishRelabelsEveryTextOfTheAttractScreen(FxRobot robot) {
        // given
        kiosk.serverOnline();
        assertThat(kiosk.visibleTexts()).contains("みどり市立図書館", "カードをかざしてください", "資料をさがす",
                "図書館のシステムにつながっています", "文字サイズ", "標準", "大きく", "日本語", "English");

        // when
        robot.clickOn("#language-en");

        // then
        assertThat(kiosk.visibleTexts()).contains("Midori City Library", "Please scan your library card", "Search the catalogue",
                "Connected to the library system", "Text size", "Normal", "Large", "Mon 23 Nov 2026 14:05");
        assertThat(kiosk.visibleTexts()).filteredOn(t -> JAPANESE.matcher(t).find())
                .as("Japanese left after switching to English")
                .containsExactlyInAnyOrder("日本語", "中央図書館"); // the switch back, and the branch as the server names it
    }

    @Test
    void englishRelabelsTheFrameAndTheCatalogueAndJapaneseComesBack(FxRobot robot) {
        // given
        robot.clickOn("#searchButton");

        // when
        robot.clickOn("#language-en");

        // then
        assertThat(kiosk.visibleTexts()).contains("Midori City Library", "Home", "Search", "Advanced", "Kana", "ABC", "123",
                "Space", "Delete", "Clear", "Back", "Home › Search", "Keywords");

        // when
        robot.clickOn("#language-ja");

        // then
        assertThat(kiosk.visibleTexts()).contains("みどり市立図書館", "ホーム", "資料をさがす", "検索", "詳細検索", "50音", "空白",
                "1文字消す", "全部消す", "戻る", "ホーム › 資料をさがす", "キーワード");
        assertThat(kiosk.visibleTexts()).doesNotContain("Home", "Advanced", "Clear", "Back");
    }

    @Test
    void theLibraryNameSwitchesLanguageInTheTopBar(FxRobot robot) {
        robot.clickOn("#searchButton");
        assertThat(robot.lookup("#frameLibraryName").queryAs(Label.class).getText()).isEqualTo("みどり市立図書館");

        robot.clickOn("#language-en");

        assertThat(robot.lookup("#frameLibraryName").queryAs(Label.class).getText()).isEqualTo("Midori City Library");
    }

    @Test
    void theChosenLanguageIsMarkedWithACheckNotOnlyByColour(FxRobot robot) {
        assertThat(robot.lookup("#language-ja").queryButton().getGraphic()).isNotNull();
        assertThat(robot.lookup("#language-en").queryButton().getGraphic()).isNull();

        robot.clickOn("#language-en");

        assertThat(robot.lookup("#language-ja").queryButton().getGraphic()).isNull();
        assertThat(((Button) robot.lookup("#language-en").query()).getGraphic()).isNotNull();
    }

}

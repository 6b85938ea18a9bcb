package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.search.SearchViewModel;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.SyncRun;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.device.simulated.SimulatedScanner;
import org.opackiosk.store.catalogue.LuceneCatalogue;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The search screens inside the whole kiosk, over a real Lucene index: the advanced form filled in on the
 * on-screen keyboard and searched with 検索, and a book's ISBN barcode read by the (simulated) scanner on the
 * search screen, the attract screen and a record page.
 */
@ExtendWith(ApplicationExtension.class)
class SearchInTheKioskUiTest {

    private static final String KOKORO_SHINCHO = "9784101010137";

    @TempDir
    Path dir;
    private LuceneCatalogue catalogue;
    private KioskFixture kiosk;
    private final SimulatedScanner scanner = new SimulatedScanner();

    @Start
    void start(Stage stage) {
        catalogue = LuceneCatalogue.open(dir.resolve("catalogue"));
        SyncRun run = new SyncRun(true, Optional.empty(), Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                Optional.empty(), 0, Instant.parse("2026-01-01T00:00:00Z"));
        catalogue.begin(run);
        List<CatalogueEntry> records = List.of(
                book("1", "吾輩は猫である", "ワガハイ ワ ネコ デ アル", "夏目, 漱石", "ナツメ, ソウセキ", "大倉書店", 1905, "9784003101049"),
                book("2", "こころ", "ココロ", "夏目, 漱石", "ナツメ, ソウセキ", "岩波書店", 1914, "9784003101117"),
                book("3", "こころ", "ココロ", "夏目, 漱石", "ナツメ, ソウセキ", "新潮社", 1952, KOKORO_SHINCHO),
                book("4", "羅生門", "ラショウモン", "芥川, 龍之介", "アクタガワ, リュウノスケ", "阿蘭陀書房", 1917, "9784101025018"),
                book("5", "三四郎", "サンシロウ", "夏目, 漱石", "ナツメ, ソウセキ", "春陽堂", 1909, "9784101010014"));
        catalogue.write(records, run.advancedTo(Optional.of("5"), records.size()));
        catalogue.finish(Instant.parse("2026-01-01T00:00:00Z"));
        kiosk = new KioskFixture(UiSettings.DEFAULTS, UnaryOperator.identity(), catalogue);
        kiosk.ui.attachDevices(new KioskDevices(scanner, Indicator.none(), Optional.empty(), StaffKey.none()), kiosk.connectivity);
        kiosk.show(stage);
        kiosk.serverOnline();
    }

    @AfterEach
    void closeIndex() {
        Fx.run(kiosk.ui::close);
        catalogue.close();
    }

    private static CatalogueEntry book(String id, String title, String reading, String author, String authorReading,
                                       String publisher, int year, String isbn) {
        return new CatalogueEntry(id, title, "", reading, "", "", "", List.of(author), List.of(authorReading), publisher, "東京",
                OptionalInt.of(year), "", List.of("日本文学"), "913.6", List.of(isbn), "BK", "jpn", "",
                List.of(new CatalogueEntry.Holding("i" + id, "CEN", "913.6/ナ", "文庫")), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private Button key(FxRobot robot, String label) {
        return robot.lookup("#searchKeyboard .key").match((Button b) -> b.getText().equals(label) && b.isVisible()).queryButton();
    }

    private void type(FxRobot robot, String keys) {
        keys.codePoints().forEach(c -> robot.clickOn(key(robot, Character.toString(c))));
    }

    private String breadcrumb(FxRobot robot) {
        return text(robot, "#breadcrumb");
    }

    /** The titles of the result rows shown, top to bottom. */
    private List<String> shownTitles(FxRobot robot) {
        return Fx.call(() -> {
            List<String> titles = new ArrayList<>();
            robot.lookup("#resultList .record-title").queryAllAs(Labeled.class).forEach(l -> titles.add(l.getText()));
            return titles;
        });
    }

    @Test
    void theAdvancedFormFilledInOnTheKeysFindsAnAuthorsBooksWithinTheYearsNewestFirst(FxRobot robot) {
        // given the search screen's advanced form
        robot.clickOn("#searchButton");
        robot.clickOn("#advancedButton");

        // when the patron types the author's reading on the 50音 keys and the years on the 123 keys, then 検索
        robot.clickOn("#field-author");
        type(robot, "なつめ");
        robot.clickOn("#field-year_from");
        type(robot, "1900");
        robot.clickOn("#field-year_to");
        type(robot, "1950");
        assertThat(text(robot, "#field-author")).isEqualTo("なつめ");
        assertThat(text(robot, "#field-year_to")).isEqualTo("1950|");
        robot.clickOn("#searchGo");

        // then 夏目漱石 in 1900–1950: not the 1952 こころ, not 芥川; with no title typed, the newest first
        assertThat(breadcrumb(robot)).endsWith("検索結果");
        assertThat(text(robot, "#resultCount")).isEqualTo("「なつめ / 1900–1950」の検索結果 3 件");
        assertThat(shownTitles(robot)).containsExactly("こころ", "三四郎", "吾輩は猫である");
        assertThat(Fx.call(() -> SceneQueries.cutOffTexts(kiosk.stage().getScene().getRoot()))).isEmpty();
    }

    @Test
    void anIsbnScannedOnTheSearchScreenOpensItsResults(FxRobot robot) {
        // given
        robot.clickOn("#searchButton");
        assertThat(breadcrumb(robot)).isEqualTo("ホーム › 資料をさがす");

        // when a book's barcode is read
        Fx.run(() -> scanner.scan(Symbology.EAN13, KOKORO_SHINCHO));

        // then
        assertThat(breadcrumb(robot)).endsWith("検索結果");
        assertThat(text(robot, "#resultCount")).isEqualTo("「" + KOKORO_SHINCHO + "」の検索結果 1 件");
        assertThat(shownTitles(robot)).containsExactly("こころ");
        assertThat(Fx.call(() -> kiosk.ui.searchViewModel().fieldProperty(SearchViewModel.Field.TEXT).get()))
                .as("what was searched stays in the box for the way back").isEqualTo(KOKORO_SHINCHO);

        // and read again on the result list, another book's replaces it
        Fx.run(() -> scanner.scan(Symbology.EAN13, "9784101025018"));
        assertThat(text(robot, "#resultCount")).isEqualTo("「9784101025018」の検索結果 1 件");
        assertThat(shownTitles(robot)).containsExactly("羅生門");
    }

    @Test
    void anIsbnScannedOnTheAttractScreenOrARecordPageIsNotSearched(FxRobot robot) {
        // given the attract screen: a scan there is taken for a library card or nothing (ui.md, ADR 0034)
        String home = breadcrumb(robot);

        // when
        Fx.run(() -> scanner.scan(Symbology.EAN13, KOKORO_SHINCHO));

        // then nothing was searched and the screen stayed
        assertThat(breadcrumb(robot)).isEqualTo(home);
        assertThat(robot.lookup("#scanPrompt").query().isVisible()).isTrue();
        assertThat(Fx.call(() -> kiosk.ui.searchViewModel().statusProperty().get()))
                .isEqualTo(SearchViewModel.Status.NOT_SEARCHED);

        // given a record page, reached by a search
        robot.clickOn("#searchButton");
        type(robot, "らしよ");
        robot.clickOn(key(robot, "小"));
        type(robot, "うもん");
        robot.clickOn("#searchGo");
        // the row of that record, looked up when clicked: the list is redrawn as availability answers arrive
        java.util.function.Predicate<javafx.scene.Node> row = n -> n.getStyleClass().contains("record-row")
                && "4".equals(n.getUserData());
        robot.clickOn(row);
        assertThat(text(robot, "#recordTitle")).isEqualTo("羅生門");
        String onRecord = breadcrumb(robot);

        // when another book's barcode is read there
        Fx.run(() -> scanner.scan(Symbology.EAN13, KOKORO_SHINCHO));

        // then the page stays on its record: the patron may be holding the book it describes
        assertThat(breadcrumb(robot)).isEqualTo(onRecord);
        assertThat(text(robot, "#recordTitle")).isEqualTo("羅生門");
        assertThat(Fx.call(() -> kiosk.ui.searchViewModel().searchedForProperty().get())).isEqualTo("らしょうもん");
    }
}

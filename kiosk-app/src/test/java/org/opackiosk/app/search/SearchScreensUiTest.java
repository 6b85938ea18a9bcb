package org.opackiosk.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.frame.Navigator;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.fx.Theme;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.keyboard.KanaInput;
import org.opackiosk.app.keyboard.KeyboardLayout;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.core.platform.ManualScheduler;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.ItemState;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.SearchSettings;
import org.opackiosk.core.connectivity.ConnectionState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The search screen's keyboards, the result list's paging and badges, and the record page, with screenshots. */
@ExtendWith(ApplicationExtension.class)
class SearchScreensUiTest {

    private final FakeCatalogueIndex index = new FakeCatalogueIndex();
    private static final LocalDate DUE = LocalDate.of(2026, 12, 7);
    private final CirculationService circulation = mock(CirculationService.class);
    private final SimpleObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.ONLINE);
    private final Localization l10n = new Localization(Locale.JAPANESE);
    private final List<ScreenId> opened = new ArrayList<>();
    private final StackPane stack = new StackPane();
    private SearchViewModel search;
    private RecordViewModel record;
    private Node searchScreen;
    private Node resultsScreen;
    private Node recordScreen;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        for (int i = 1; i <= 25; i++) {
            index.add(new CatalogueEntry(String.valueOf(i), "こころ 第" + i + "巻", "", "ココロ", "", "", "", List.of("夏目, 漱石"),
                    List.of("ナツメ, ソウセキ"), "新潮社", "東京", OptionalInt.of(1990 + i), "", List.of("日本文学"), "913.6",
                    List.of("978-4-10-101013-7"), i % 5 == 0 ? "DVD" : "BK", "jpn", "266p ; 16cm",
                    List.of(new CatalogueEntry.Holding("10" + i, i % 2 == 0 ? "CEN" : "KTA", "913.6/ナ", "文庫")),
                    Instant.parse("2026-01-01T00:00:00Z")));
        }
        index.add(CatalogueEntry.of("900", "ウェストミンスター寺院", List.of("スミス, ジョン")));
        index.add(CatalogueEntry.of("901", "日本国語大辞典", List.of("小学館国語辞典編集部")));
        // every third record is on loan, every seventh set aside for a hold; record 7 has one copy of each state
        when(circulation.availability(anyString())).thenAnswer(call -> {
            int n = Integer.parseInt(call.<String>getArgument(0));
            if (n == 901) {
                // a reference work: both copies for use in the library only
                return CallResult.ok(new RecordAvailability(List.of(
                        new Item("r1", "09011", "CEN", "CEN", "R813/ニ", "参考図書", "BK", true, Optional.empty()),
                        new Item("r2", "09012", "KTA", "KTA", "R813/ニ", "参考図書", "BK", true, Optional.empty())),
                        OptionalInt.of(0)));
            }
            List<Item> copies = new ArrayList<>();
            copies.add(new Item("i" + n, "0001" + n, "CEN", "CEN", "913.6/ナ", "文庫", "BK", false,
                    n % 3 == 0 ? Optional.of(DUE) : Optional.empty(), n % 7 == 0 ? ItemState.WAITING_FOR_PICKUP : ItemState.ORDINARY));
            if (n == 7) {
                copies.add(new Item("j7", "00027", "KTA", "KTA", "913.6/ナ", "一般", "BK", false, Optional.of(DUE)));
                copies.add(new Item("k7", "00037", "KTA", "CEN", "913.6/ナ", "一般", "BK", false, Optional.empty(), ItemState.IN_TRANSIT));
                copies.add(new Item("l7", "00047", "CEN", "CEN", "913.6/ナ", "文庫", "BK", false, Optional.empty()));
            }
            int holds = n % 3 == 0 ? n % 4 + 1 : n % 7 == 0 ? 1 : 0;
            return CallResult.ok(new RecordAvailability(copies, OptionalInt.of(holds)));
        });
        when(circulation.libraries()).thenReturn(CallResult.ok(List.of(new Library("CEN", "中央図書館", true),
                new Library("KTA", "北分館", true))));
        Navigator navigator = new Navigator() {
            @Override
            public void open(ScreenId screen) {
                opened.add(screen);
                show(screen);
            }

            @Override
            public void goHome() {
                opened.add(ScreenId.ATTRACT);
            }
        };
        ManualScheduler scheduler = new ManualScheduler();
        record = new RecordViewModel(index, circulation, connection,
                new SearchSettings(Optional.of("https://opac.example.jp/record/{id}"), java.time.Duration.ofMinutes(5)),
                scheduler, Runnable::run);
        search = new SearchViewModel(index, circulation, connection, scheduler, Runnable::run, navigator, record);
        searchScreen = new SearchScreen(search, l10n).node();
        resultsScreen = new ResultsScreen(search, l10n).node();
        recordScreen = new RecordScreen(record, l10n).node();
        stack.getChildren().addAll(searchScreen, resultsScreen, recordScreen);
        show(ScreenId.SEARCH);
        stack.getStyleClass().add("root");
        stack.setStyle(Theme.of("#1F6F8B", new org.opackiosk.app.fx.FontCheck().check()).rootStyle());
        Scene scene = new Scene(stack, 1920, 1080);
        scene.getStylesheets().add(getClass().getResource("/org/opackiosk/app/kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void show(ScreenId screen) {
        searchScreen.setVisible(screen == ScreenId.SEARCH);
        resultsScreen.setVisible(screen == ScreenId.RESULTS);
        recordScreen.setVisible(screen == ScreenId.RECORD);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** Checks in landscape and portrait that every text is drawn whole and inside the screen, then saves both. */
    private void shoot(String name) {
        for (Screenshots.Size size : new Screenshots.Size[] {Screenshots.LANDSCAPE, Screenshots.PORTRAIT}) {
            Screenshots.resize(stage, size);
            List<String> problems = Fx.call(() -> {
                List<String> found = new ArrayList<>(SceneQueries.cutOffTexts(stack));
                found.addAll(SceneQueries.outsideTheSidesOfTheScene(stack));
                return found;
            });
            assertThat(problems).as(name + " " + size.name()).isEmpty();
        }
        Screenshots.capture(stage, name);
        assertThat(Path.of("target", "screenshots", name + "-landscape.png")).satisfies(p -> assertThat(Files.size(p)).isPositive());
    }

    /** The result row of record {@code id}: rows carry their record's id as user data, not as a node id. */
    private static Optional<Node> row(FxRobot robot, String id) {
        return robot.lookup("#resultList .record-row").match((Node n) -> id.equals(n.getUserData())).tryQuery();
    }

    /** The node matching {@code selector} in the result row of record {@code id}. */
    private static Optional<Node> inRow(FxRobot robot, String id, String selector) {
        return row(robot, id).flatMap(r -> robot.from(r).lookup(selector).tryQuery());
    }

    private static String rowText(FxRobot robot, String id, String selector) {
        return ((Labeled) inRow(robot, id, selector).orElseThrow(() -> new AssertionError("no " + selector + " in row " + id))).getText();
    }

    private Button key(FxRobot robot, String label) {
        return robot.lookup("#searchKeyboard .key").match((Button b) -> b.getText().equals(label)).queryButton();
    }

    @Test
    void theKanaTableTypesWithVoicingAndSmallKanaAndSuggests(FxRobot robot) {
        // when: こ こ ろ, then ゛ on a second word
        robot.clickOn(key(robot, "こ"));
        robot.clickOn(key(robot, "こ"));
        robot.clickOn(key(robot, "ろ"));
        // then
        assertThat(search.fieldProperty(SearchViewModel.Field.TEXT).get()).isEqualTo("こころ");
        assertThat(text(robot, "#searchBox")).isEqualTo("こころ|");
        assertThat(search.suggestions()).isNotEmpty();
        assertThat(robot.lookup(".suggestion").queryAll()).hasSizeGreaterThan(0);
        shoot("search-kana-ja");
        // when
        robot.clickOn("#search-space");
        robot.clickOn(key(robot, "か"));
        robot.clickOn(key(robot, KanaInput.DAKUTEN));
        robot.clickOn(key(robot, "つ"));
        robot.clickOn(key(robot, "小"));
        // then
        assertThat(search.fieldProperty(SearchViewModel.Field.TEXT).get()).isEqualTo("こころ がっ");
        robot.clickOn("#search-backspace");
        assertThat(search.fieldProperty(SearchViewModel.Field.TEXT).get()).isEqualTo("こころ が");
    }

    @Test
    void abcAnd123KeyboardsAndTheAdvancedForm(FxRobot robot) {
        robot.clickOn("#search-layout-abc");
        robot.clickOn(key(robot, "w"));
        robot.clickOn(key(robot, "e"));
        assertThat(search.fieldProperty(SearchViewModel.Field.TEXT).get()).isEqualTo("we");
        shoot("search-abc-ja");
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        shoot("search-abc-en");
        Fx.run(() -> l10n.setLocale(Locale.JAPANESE));
        robot.clickOn("#search-clear");
        robot.clickOn("#advancedButton");
        robot.clickOn("#field-isbn");
        assertThat(search.layoutProperty().get()).isEqualTo(KeyboardLayout.NUMBERS);
        for (String d : List.of("9", "7", "8")) {
            robot.clickOn(key(robot, d));
        }
        assertThat(search.fieldProperty(SearchViewModel.Field.ISBN).get()).isEqualTo("978");
        shoot("search-123-ja");
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        shoot("search-123-en");
        Fx.run(() -> l10n.setLocale(Locale.JAPANESE));
        robot.clickOn("#field-title");
        robot.clickOn("#search-layout-kana");
        robot.clickOn(key(robot, "こ"));
        shoot("search-advanced-ja");
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        shoot("search-advanced-en");
    }

    @Test
    void resultsPageByLargeButtonsWithAvailabilityBadges(FxRobot robot) {
        // given
        Fx.run(() -> {
            search.setText("こころ");
            search.search();
        });
        // then
        assertThat(opened).contains(ScreenId.RESULTS);
        assertThat(text(robot, "#resultCount")).isEqualTo("「こころ」の検索結果 25 件");
        assertThat(robot.lookup(".record-row").queryAll()).hasSize(10);
        assertThat(text(robot, "#resultPage")).isEqualTo("1 / 3 ページ");
        assertThat(robot.lookup(".availability").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .contains("在架あり", "貸出中");
        assertThat(rowText(robot, "3", ".availability")).isEqualTo("貸出中");
        assertThat(rowText(robot, "3", ".hold-count")).isEqualTo("予約 4 件");
        assertThat(inRow(robot, "1", ".hold-count")).as("no badge for a record nobody holds").isEmpty();
        // the branch filters name the library, as the record page does, not its code
        assertThat(text(robot, "#facet-branch-CEN")).isEqualTo("中央図書館 (12)");
        assertThat(text(robot, "#facet-branch-KTA")).isEqualTo("北分館 (13)");
        shoot("results-ja");
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        assertThat(rowText(robot, "3", ".hold-count")).isEqualTo("Holds: 4");
        // in English too: the server has one name per library, the one on its record pages and slips
        assertThat(text(robot, "#facet-branch-CEN")).isEqualTo("中央図書館 (12)");
        assertThat(text(robot, "#facet-type-DVD")).isEqualTo("DVD (5)");
        shoot("results-en");
        Fx.run(() -> l10n.setLocale(Locale.JAPANESE));
        // when
        robot.clickOn("#nextPage");
        robot.clickOn("#nextPage");
        // then
        assertThat(text(robot, "#resultPage")).isEqualTo("3 / 3 ページ");
        assertThat(rowText(robot, "21", ".availability")).as("on loan, though also trapped for a hold").isEqualTo("貸出中");
        assertThat(robot.lookup(".record-row").queryAll()).hasSize(5);
        assertThat(robot.lookup("#nextPage").queryButton().isDisabled()).isTrue();
        robot.clickOn("#previousPage");
        assertThat(text(robot, "#resultPage")).isEqualTo("2 / 3 ページ");
        assertThat(rowText(robot, "14", ".availability")).as("its only copy is waiting for a patron").isEqualTo("在架なし");
        // when: a branch filter
        robot.clickOn("#facet-branch-CEN");
        assertThat(search.totalProperty().get()).isEqualTo(12);
        // when: offline, availability is unknown, never guessed
        connection.set(ConnectionState.OFFLINE);
        robot.clickOn("#sort-newest");
        assertThat(robot.lookup(".availability").queryAllAs(Labeled.class)).extracting(Labeled::getText).containsOnly("不明");
        assertThat(robot.lookup("#resultList .hold-count").queryAll()).isEmpty();
        assertThat(text(robot, "#facet-branch-CEN")).as("names the server gave stay known offline").isEqualTo("中央図書館 (12)");
        shoot("results-offline-ja");
    }

    @Test
    void availableNowKeepsOnlyRecordsOnTheShelfAndIsDisabledOfflineWithTheReason(FxRobot robot) {
        // given
        Fx.run(() -> {
            search.setText("こころ");
            search.search();
        });
        assertThat(robot.lookup("#availableNowOffline").queryAs(Labeled.class).isVisible()).isFalse();

        // when
        robot.clickOn("#availableNow");

        // then: 25 hits, minus the 8 on loan and the one only set aside for a hold
        assertThat(search.availableOnlyProperty().get()).isTrue();
        assertThat(text(robot, "#resultCount")).isEqualTo("「こころ」の検索結果 16 件");
        assertThat(robot.lookup(".availability").queryAllAs(Labeled.class)).extracting(Labeled::getText).containsOnly("在架あり");
        assertThat(row(robot, "14")).isEmpty();
        assertThat(text(robot, "#resultPage")).isEqualTo("1 / 2 ページ");
        shoot("results-available-ja");
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        shoot("results-available-en");
        Fx.run(() -> l10n.setLocale(Locale.JAPANESE));
        robot.clickOn("#nextPage");
        assertThat(robot.lookup(".record-row").queryAll()).hasSize(6);
        // when the server goes away, the filter cannot be used and says why
        connection.set(ConnectionState.OFFLINE);
        robot.clickOn("#sort-newest");
        assertThat(search.availableOnlyProperty().get()).isFalse();
        assertThat(robot.lookup("#availableNow").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#availableNowOffline").queryAs(Labeled.class).isVisible()).isTrue();
        assertThat(text(robot, "#resultCount")).isEqualTo("「こころ」の検索結果 25 件");
        shoot("results-available-offline-ja");
    }

    @Test
    void aResultRowPutsTheRecordInTheHoldCartAndSaysWhatTheCartDid(FxRobot robot) {
        // given a cart that takes record 1 and is full for anything else
        List<String> carted = new ArrayList<>();
        Fx.run(() -> {
            search.setCartAction((id, title) -> id.equals("1") && carted.add(id) ? org.opackiosk.app.holds.CartAdder.Outcome.ADDED : org.opackiosk.app.holds.CartAdder.Outcome.FULL);
            search.setText("こころ");
            search.search();
        });
        opened.clear();

        // when
        robot.clickOn(inRow(robot, "1", ".row-cart").orElseThrow());
        robot.clickOn(inRow(robot, "2", ".row-cart").orElseThrow());

        // then: the rows say what happened, and the record page did not open
        assertThat(carted).containsExactly("1");
        assertThat(rowText(robot, "1", ".row-cart-result")).isEqualTo("予約カートに入れました");
        assertThat(rowText(robot, "2", ".row-cart-result")).isEqualTo("カートがいっぱいです（20点まで）");
        assertThat(opened).doesNotContain(ScreenId.RECORD);
        assertThat(((Button) inRow(robot, "4", ".row-cart").orElseThrow()).getHeight()).isGreaterThanOrEqualTo(90);
        shoot("results-cart-ja");
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        assertThat(rowText(robot, "1", ".row-cart-result")).isEqualTo("Added to the hold cart");
        shoot("results-cart-en");
    }

    @Test
    void theRecordPageShowsEachCopysLiveStateAndTheHoldCount(FxRobot robot) {
        // when
        Fx.run(() -> {
            search.setText("こころ");
            search.search();
            search.openRecord("7");
        });

        // then
        assertThat(robot.lookup(".holding-status").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .containsExactly("予約確保（予約した方の受取待ち）", "貸出中 (12/7まで)", "回送中", "在架");
        assertThat(text(robot, "#recordHoldCount")).isEqualTo("予約 1 件");
        shoot("record-statuses-ja");
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        assertThat(robot.lookup(".holding-status").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .containsExactly("Ready for pickup (held for a patron)", "On loan (due 12/7)", "In transit", "On shelf");
        shoot("record-statuses-en");
        // offline: no count, every state unknown
        connection.set(ConnectionState.OFFLINE);
        Fx.run(() -> search.openRecord("7"));
        assertThat(robot.lookup("#recordHoldCount").queryAs(Labeled.class).isVisible()).isFalse();
        assertThat(robot.lookup(".holding-status").queryAllAs(Labeled.class)).extracting(Labeled::getText).containsOnly("Unknown");
    }

    @Test
    void theRecordPageShowsHoldingsLiveStatusAndTheQrCode(FxRobot robot) {
        Fx.run(() -> {
            search.setText("こころ");
            search.search();
            search.openRecord("3");
        });
        assertThat(opened).endsWith(ScreenId.RECORD);
        assertThat(text(robot, "#recordTitle")).isEqualTo("こころ 第3巻");
        assertThat(robot.lookup(".holding-status").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .containsExactly("貸出中 (12/7まで)");
        // the QR code as drawn on the page (what a phone's camera sees) is the record in the web OPAC
        Node qr = robot.lookup("#recordQr").query();
        java.awt.image.BufferedImage drawn = Fx.call(() -> javafx.embed.swing.SwingFXUtils.fromFXImage(qr.snapshot(null, null), null));
        assertThat(new org.opackiosk.device.scanner.camera.BarcodeDecoder().decode(drawn))
                .map(org.opackiosk.device.scanner.camera.BarcodeDecoder.Decoded::text)
                .contains("https://opac.example.jp/record/3");
        shoot("record-ja");
        Fx.run(() -> l10n.setLocale(Locale.ENGLISH));
        shoot("record-en");
        // offline: the description stays, the status is unknown
        connection.set(ConnectionState.OFFLINE);
        Fx.run(() -> {
            l10n.setLocale(Locale.JAPANESE);
            search.openRecord("4");
        });
        assertThat(robot.lookup(".holding-status").queryAllAs(Labeled.class)).extracting(Labeled::getText).containsExactly("不明");
        shoot("record-offline-ja");
    }

    @Test
    void theRecordPageOffersHoldAndHoldCartAndSaysWhatTheCartDid(FxRobot robot) {
        // given a record page whose hold and cart actions are connected
        java.util.List<String> held = new java.util.ArrayList<>();
        java.util.List<String> carted = new java.util.ArrayList<>();
        Fx.run(() -> {
            record.setHoldAction((id, title) -> held.add(id));
            record.setCartAction((id, title) -> carted.contains(id) ? org.opackiosk.app.holds.CartAdder.Outcome.ALREADY_IN_CART : carted.add(id) ? org.opackiosk.app.holds.CartAdder.Outcome.ADDED : org.opackiosk.app.holds.CartAdder.Outcome.FULL);
            search.setText("こころ");
            search.search();
            search.openRecord("3");
        });

        // when the patron adds it to the cart twice, then asks for a hold
        robot.clickOn("#cartButton");
        String first = text(robot, "#cartResult");
        robot.clickOn("#cartButton");
        String second = text(robot, "#cartResult");
        robot.clickOn("#holdButton");

        // then
        assertThat(carted).containsExactly("3");
        assertThat(first).startsWith("予約カートに入れました");
        assertThat(second).isEqualTo("この資料はもう予約カートに入っています。");
        assertThat(held).containsExactly("3");
        shoot("record-cart-ja");
        // another record starts without the previous message
        Fx.run(() -> search.openRecord("4"));
        assertThat(robot.lookup("#cartResult").queryAs(Labeled.class).isVisible()).isFalse();
    }

    @Test
    void aRecordWhoseEveryCopyIsForLibraryUseOnlyOffersNoHoldAndSaysWhy(FxRobot robot) {
        // given a record page whose hold and cart actions are connected
        Fx.run(() -> {
            record.setHoldAction((id, title) -> { });
            record.setCartAction((id, title) -> org.opackiosk.app.holds.CartAdder.Outcome.ADDED);
            search.openRecord("901");
        });

        // then
        assertThat(robot.lookup("#holdButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#cartButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#notHoldableReason").query().isVisible()).isTrue();
        assertThat(text(robot, "#notHoldableReason")).isEqualTo("館内でのみ利用できる資料のため、予約できません。");
        shoot("record-not-holdable-ja");

        // and a record with a loanable copy offers the hold again
        Fx.run(() -> search.openRecord("3"));
        assertThat(robot.lookup("#holdButton").query().isVisible()).isTrue();
        assertThat(robot.lookup("#notHoldableReason").query().isVisible()).isFalse();
    }

    @Test
    void scanningABooksIsbnSearchesIt(FxRobot robot) {
        Fx.run(() -> assertThat(search.scanned("9784101010137")).isTrue());
        assertThat(index.asked()).extracting(q -> q.text()).contains("9784101010137");
        Fx.run(() -> assertThat(search.scanned("1920193006007")).isFalse());
    }

    @Test
    void endingTheSessionForgetsEverything(FxRobot robot) {
        Fx.run(() -> {
            search.setText("こころ");
            search.search();
            search.openRecord("2");
            search.reset();
        });
        assertThat(search.fieldProperty(SearchViewModel.Field.TEXT).get()).isEmpty();
        assertThat(search.results()).isEmpty();
        assertThat(record.entryProperty().get()).isNull();
    }
}

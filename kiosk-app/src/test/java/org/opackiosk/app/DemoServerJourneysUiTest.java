package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.app.testing.DemoServers;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.app.testing.RecordingLog;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.ObservedCirculationService;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.outbox.Backoff;
import org.opackiosk.core.outbox.DurableCirculationService;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.opackiosk.store.catalogue.LuceneCatalogue;
import org.opackiosk.store.outbox.H2Outbox;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 4's journeys end to end, on the pieces the kiosk runs with: the Koha client over pinned HTTPS to the
 * demo server, the outbox in an H2 file in front of it (as {@code KioskMain} wires it), the catalogue in a
 * Lucene index synced from the server. One demo server for the class; each journey uses its own demo patron,
 * so the order the tests run in does not matter. Network calls run at once on the calling thread (a fake
 * scheduler) and the kiosk's time is a fake clock moved by the test: nothing waits on a timer.
 */
@ExtendWith(ApplicationExtension.class)
class DemoServerJourneysUiTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    static Path dir;

    // the server and the synced index take longer than TestFX gives @Start: made once, before it
    private static DemoServer demo;
    private static ServerSettings server;
    private static LuceneCatalogue catalogue;
    private static int kiosks;

    private KohaCirculationService circulation;
    private H2Outbox outbox;
    private ReplayService replay;
    private final QueuedScheduler scheduler = new QueuedScheduler(false);
    private final MutableClock clock = new MutableClock(Instant.now(), TOKYO);
    @RegisterExtension
    final RecordingLog log = new RecordingLog();
    private KioskUi ui;
    private Stage stage;

    @BeforeAll
    static void serverAndIndex() throws Exception {
        demo = DemoServer.start(DemoServerOptions.defaults(dir.resolve("demo-server")));
        server = DemoServers.settings(demo);
        catalogue = DemoServers.syncedCatalogue(server, dir.resolve("catalogue"), Clock.system(TOKYO));
    }

    @AfterAll
    static void stopServer() {
        catalogue.close();
        demo.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        circulation = new KohaCirculationService(server, Clock.system(TOKYO));
        ConnectivityMonitor connectivity = new ConnectivityMonitor(circulation::reachable, scheduler, Duration.ofSeconds(30));
        ObservedCirculationService observed = new ObservedCirculationService(circulation, connectivity);
        // a fresh outbox and kiosk state per journey: one patron's requests are not another's
        Path kiosk = dir.resolve("kiosk-" + ++kiosks);
        outbox = H2Outbox.open(kiosk.resolve("outbox"), clock);
        replay = new ReplayService(outbox, observed, connectivity, clock, scheduler, Backoff.standard(),
                ReplayService.DEFAULT_RETENTION);
        replay.start();
        ui = new KioskUi(KioskConfig.demo(kiosk), new DurableCirculationService(observed, outbox, replay), connectivity,
                clock, scheduler, KioskFixture.IMMEDIATE, catalogue);
        ui.attachOutbox(outbox, replay);
        KioskFixture.show(ui, stage);
        connectivity.probeNow();
    }

    @AfterEach
    void stop() {
        Fx.run(ui::close);
        replay.close();
        outbox.close();
        circulation.close();
    }

    // ---- (a) search → record → 予約する → login → pickup → placed, and on the server ----------------------

    @Test
    void aPatronFindsABookByItsIsbnHoldsItFromItsPageLogsInChoosesWhereToPickItUpAndTheServerHasTheHold(FxRobot robot) {
        // given a book every copy of which is on loan (the demo library takes holds only then), with an ISBN
        String card = "01000015";
        CatalogueRecord wanted = holdableBookWithIsbn(card);
        String isbn = wanted.isbn().replace("-", "");

        // when the patron searches for it on the advanced form's ISBN field
        robot.clickOn("#searchButton");
        robot.clickOn("#advancedButton");
        robot.clickOn("#field-isbn");
        for (char d : isbn.toCharArray()) {
            robot.clickOn(searchKey(robot, String.valueOf(d)));
        }
        robot.clickOn("#searchGo");

        // then the result list has it; its page opens from the row
        assertThat(Fx.call(() -> List.copyOf(ui.searchViewModel().results()))).extracting(CatalogueEntry::id)
                .contains(wanted.id());
        Screenshots.capture(stage, "demo-hold-results-ja");
        // the row of that record, looked up when clicked: the list is redrawn as availability answers arrive
        robot.clickOn(resultRowOf(wanted));
        assertThat(text(robot, "#recordTitle")).contains(wanted.title());
        Screenshots.capture(stage, "demo-hold-record-ja");

        // when 予約する, not logged in: the login first
        robot.clickOn("#holdButton");
        assertThat(robot.lookup("#loginCardTitle").queryAs(Label.class).isVisible()).isTrue();
        PatronLogin.typeCardAndPassword(robot, card, "daisuke15");
        continuePastNotices(robot);

        // then straight back to the hold: the pickup library, this kiosk's branch chosen unless changed
        assertThat(text(robot, "#holdRecord")).isEqualTo(wanted.title());
        Screenshots.capture(stage, "demo-hold-choose-ja");
        robot.clickOn("#pickup-NISHI");
        robot.clickOn("#placeHoldButton");

        // then placed: the screen says where, and the server has the hold with that pickup library
        assertThat(text(robot, "#holdPlacedPickup")).isEqualTo("受取館：西分館");
        assertThat(text(robot, "#holdPlacedPosition")).startsWith("予約順位：");
        Screenshots.capture(stage, "demo-hold-placed-ja");
        // the longest breadcrumb of the kiosk beside the masked card, in portrait: nothing cut off
        Screenshots.resize(stage, Screenshots.PORTRAIT);
        assertThat(Fx.call(() -> SceneQueries.cutOffTexts(stage.getScene().getRoot()))).isEmpty();
        Screenshots.resize(stage, Screenshots.LANDSCAPE);
        robot.clickOn("#language-en");
        // the branch's name is the server's, which Koha keeps in one language
        assertThat(text(robot, "#holdPlacedPickup")).isEqualTo("Pickup library: 西分館");
        Screenshots.capture(stage, "demo-hold-placed-en");
        PatronId patron = ok(circulation.findPatron(card));
        List<Hold> holds = ok(circulation.holds(patron));
        assertThat(holds).filteredOn(h -> h.recordId().equals(wanted.id())).singleElement()
                .satisfies(h -> assertThat(h.pickupLibraryId()).isEqualTo("NISHI"));
        robot.clickOn("#logoutButton");
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
    }

    /** A BK record with an ISBN, every copy on loan, not already the patron's loan or hold. */
    private CatalogueRecord holdableBookWithIsbn(String card) {
        PatronId patron = ok(circulation.findPatron(card));
        java.util.Set<String> his = new java.util.HashSet<>();
        ok(circulation.loans(patron)).forEach(l -> his.add(l.recordId()));
        ok(circulation.holds(patron)).forEach(h -> his.add(h.recordId()));
        for (int page = 1; page < 20; page++) {
            List<CatalogueRecord> records = ok(circulation.cataloguePage(Optional.empty(), page, 100)).records();
            for (CatalogueRecord r : records) {
                if (his.contains(r.id()) || !"BK".equals(r.itemTypeId()) || r.isbn().isBlank()) {
                    continue;
                }
                List<Item> items = ok(circulation.items(r.id()));
                if (!items.isEmpty() && items.stream().allMatch(i -> !i.notForLoan() && i.dueDate().isPresent())) {
                    return r;
                }
            }
        }
        throw new IllegalStateException("the demo catalogue has no book with an ISBN and every copy on loan");
    }

    // ---- (b) パスワード新規登録, then a login with the new password ---------------------------------------

    @Test
    void aPatronWithoutAPasswordRegistersOneAfterTheIdentityCheckAndLogsInWithIt(FxRobot robot) {
        // given demo patron 01000010, who has no password yet (born 1988-07-07, telephone 080-0000-0110)
        String card = "01000010";
        robot.clickOn("#registerPasswordButton");
        assertThat(text(robot, "#passwordTitle")).isEqualTo("パスワード新規登録");

        // when the card, the identity check, then the new password twice
        pad(robot, card);
        Screenshots.capture(stage, "demo-password-birth-ja");
        pad(robot, "19880707");
        Screenshots.capture(stage, "demo-password-phone-ja");
        pad(robot, "08000000110");
        assertThat(text(robot, "#passwordPolicy")).isNotBlank();
        Screenshots.capture(stage, "demo-password-new-ja");
        passwordKeyboard(robot, "naoko707");
        passwordKeyboard(robot, "naoko707");

        // then registered on the server
        assertThat(text(robot, "#passwordDone")).isEqualTo("パスワードを登録しました");
        Screenshots.capture(stage, "demo-password-done-ja");
        robot.clickOn("#language-en");
        Screenshots.capture(stage, "demo-password-done-en");
        robot.clickOn("#language-ja");

        // when the patron goes on to log in with it
        robot.clickOn("#passwordDoneButton");
        PatronLogin.typeCardAndPassword(robot, card, "naoko707");
        continuePastNotices(robot);

        // then the server took it: My page
        assertThat(text(robot, "#myPageTitle")).isEqualTo("利用状況");
        assertThat(text(robot, "#patronCard")).isEqualTo("****0010");
        assertThat(log.events()).noneMatch(e -> e.getFormattedMessage().contains("naoko707")
                || e.getFormattedMessage().contains("19880707") || e.getFormattedMessage().contains("08000000110"));
    }

    // ---- (c) e-mail change: on the server, and the server's confirmation mail --------------------------------

    @Test
    void aPatronChangesTheirAddressTheServerKeepsItAndMailsTheConfirmation(FxRobot robot) throws Exception {
        // given demo patron 01000001, address yamada.taro@example.com
        String card = "01000001";
        List<Path> mailBefore = mails();
        robot.clickOn("#registerEmailButton");
        PatronLogin.typeCardAndPassword(robot, card, "taro1234");
        continuePastNotices(robot);
        assertThat(text(robot, "#email-primary")).isEqualTo("yamada.taro@example.com");
        Screenshots.capture(stage, "demo-email-list-ja");

        // when a new address typed on the keyboard: taro.y@gmail.com
        robot.clickOn("#emailEdit-primary");
        for (char c : "taro".toCharArray()) {
            robot.clickOn("#mail-key-" + c);
        }
        robot.clickOn("#mail-layout-symbols");
        robot.clickOn("#mail-key-dot");
        robot.clickOn("#mail-layout-abc");
        robot.clickOn("#mail-key-y");
        robot.clickOn("#mail-layout-symbols");
        robot.clickOn("#mail-key-at");
        robot.clickOn("#mail-key-gmaildotcom");
        Screenshots.capture(stage, "demo-email-edit-ja");
        robot.clickOn("#emailSave");

        // then the screen says the mail was sent
        assertThat(text(robot, "#emailDone")).isEqualTo("確認メールを送信しました。届いたメールをご確認ください。");
        Screenshots.capture(stage, "demo-email-done-ja");
        robot.clickOn("#language-en");
        Screenshots.capture(stage, "demo-email-done-en");

        // and the server has the address and wrote the confirmation to it
        PatronSummary summary = ok(circulation.patronSummary(ok(circulation.findPatron(card))));
        assertThat(summary.email()).contains("taro.y@gmail.com");
        List<Path> sent = mails().stream().filter(p -> !mailBefore.contains(p)).toList();
        assertThat(sent).singleElement().satisfies(p -> {
            assertThat(p.getFileName().toString()).endsWith("-email-registered.eml");
            String message = Files.readString(p, StandardCharsets.UTF_8);
            assertThat(message).contains("To: <taro.y@gmail.com>");
            String body = new String(Base64.getMimeDecoder().decode(message.substring(message.indexOf("\r\n\r\n") + 4)),
                    StandardCharsets.UTF_8);
            assertThat(body).contains("このアドレスが登録されました");
        });
    }

    private static List<Path> mails() throws java.io.IOException {
        if (!Files.isDirectory(demo.mailDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(demo.mailDir())) {
            return files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    // ---- (d) the idle timeout mid-journey -------------------------------------------------------------------

    @Test
    void theIdleTimeoutMidJourneyReturnsToTheAttractScreenWithNothingOfThePatronLeft(FxRobot robot) {
        // given demo patron 01000002 logged in, My page loaded, a renewal question open, then a hold half chosen
        String card = "01000002";
        robot.clickOn("#typeCardButton");
        PatronLogin.typeCardAndPassword(robot, card, "hanako22");
        continuePastNotices(robot);
        assertThat(text(robot, "#myPageTitle")).isEqualTo("利用状況");
        List<String> seen = new ArrayList<>(Fx.call(() -> ui.myPageViewModel().loans().stream()
                .map(org.opackiosk.core.loans.Loan::title).toList()));
        seen.addAll(Fx.call(() -> ui.myPageViewModel().holds().stream().map(Hold::title).toList()));
        assertThat(seen).isNotEmpty();
        robot.clickOn("#emailButton");
        assertThat(text(robot, "#email-primary")).isEqualTo("hanako.sato@example.com");
        robot.clickOn("#backButton");
        CatalogueRecord book = holdableBookWithIsbn(card);
        Fx.run(() -> ui.searchViewModel().openRecord(book.id()));
        robot.clickOn("#holdButton");
        assertThat(text(robot, "#holdRecord")).isEqualTo(book.title());
        Screenshots.capture(stage, "demo-idle-before-ja");

        // when nobody touches the screen: 60 s, then the 15 s countdown
        advance(Duration.ofSeconds(60));
        assertThat(robot.lookup("#countdownOverlay").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        Screenshots.capture(stage, "demo-idle-countdown-ja");
        advance(Duration.ofSeconds(15));

        // then the attract screen, and nothing of the patron in any view model, on any screen or in the log
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
        Screenshots.capture(stage, "demo-idle-after-ja");
        Fx.run(() -> {
            PatronTraces.assertNoneInTheSessionScreens(ui);
            assertThat(ui.cartViewModel().holdsNothing()).isTrue();
            assertThat(ui.recordPage().entryProperty().get()).isNull();
        });
        List<String> everyText = Fx.call(() -> SceneQueries.allTexts(stage.getScene().getRoot()));
        assertThat(everyText).noneMatch(t -> t.contains("0002") || t.contains("佐藤") || t.contains("花子")
                || t.contains("hanako") || t.contains("example.com") || t.contains(book.title())
                || seen.stream().anyMatch(t::contains));
        assertThat(log.events()).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(card, "hanako22", "hanako.sato@example.com", "佐藤"));
    }

    // ---- a card scanned on the search screen or a record page ------------------------------------------------

    @Test
    void aCardScannedOnTheSearchScreenOrOnARecordPageStartsTheLoginWithItsNumber(FxRobot robot) {
        // given the search screen
        robot.clickOn("#searchButton");
        assertThat(robot.lookup("#searchTitle").queryAs(Label.class).isVisible()).isTrue();

        // when the card is scanned (Codabar, with its start and stop characters)
        scan("A01000016B");

        // then the password step with the number filled in
        assertThat(text(robot, "#passwordCard")).isEqualTo("利用者番号 01000016");
        assertThat(robot.lookup("#passwordField").queryAs(Label.class).isVisible()).isTrue();
        Screenshots.capture(stage, "demo-scan-search-login-ja");

        // given a record's page, found by searching
        robot.clickOn("#homeButton");
        robot.clickOn("#searchButton");
        CatalogueRecord any = holdableBookWithIsbn("01000016");
        Fx.run(() -> {
            ui.searchViewModel().setText(any.isbn().replace("-", ""));
            ui.searchViewModel().search();
        });
        robot.clickOn(resultRowOf(any));
        assertThat(text(robot, "#recordTitle")).contains(any.title());

        // when
        scan("A01000016B");

        // then the login again, the number filled in, and the password logs in
        assertThat(text(robot, "#passwordCard")).isEqualTo("利用者番号 01000016");
        PatronLogin.typePassword(robot, "yoko1616");
        robot.clickOn("#loginButton");
        continuePastNotices(robot);
        assertThat(text(robot, "#patronCard")).isEqualTo("****0016");
    }

    private void scan(String code) {
        Fx.run(() -> ui.scans().publish(new org.opackiosk.core.device.ScanEvent(org.opackiosk.core.device.Symbology.CODABAR,
                code, org.opackiosk.core.device.ScanSource.SIMULATED)));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void advance(Duration by) {
        Fx.run(() -> {
            clock.advance(by);
            scheduler.advance(by);
        });
    }

    private static void continuePastNotices(FxRobot robot) {
        if (robot.lookup("#noticesContinueButton").tryQuery().filter(javafx.scene.Node::isVisible).isPresent()) {
            robot.clickOn("#noticesContinueButton");
        }
    }

    private static void pad(FxRobot robot, String digits) {
        for (char c : digits.toCharArray()) {
            robot.clickOn("#pwpad-" + c);
        }
        robot.clickOn("#passwordNext");
    }

    private static void passwordKeyboard(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.clickOn(Character.isDigit(c) ? "#pw-layout-digits" : "#pw-layout-abc");
            robot.clickOn("#pw-key-" + c);
        }
        robot.clickOn("#passwordNext");
    }

    private static Button searchKey(FxRobot robot, String label) {
        return robot.lookup("#searchKeyboard .key").match((Button b) -> b.getText().equals(label)).queryButton();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static <T> T ok(CallResult<T> result) {
        assertThat(result).isInstanceOf(CallResult.Ok.class);
        return ((CallResult.Ok<T>) result).value();
    }

    /** The result row of {@code record}: rows carry their record's id as user data, not as a node id (ADR 0106). */
    private static java.util.function.Predicate<javafx.scene.Node> resultRowOf(CatalogueRecord record) {
        return n -> n.getStyleClass().contains("record-row") && record.id().equals(n.getUserData());
    }

}

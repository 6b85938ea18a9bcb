package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.app.devices.KioskDevices;
import org.opackiosk.app.testing.DemoServers;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.ObservedCirculationService;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Scanner;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.outbox.Backoff;
import org.opackiosk.core.outbox.DurableCirculationService;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.opackiosk.store.catalogue.LuceneCatalogue;
import org.opackiosk.store.outbox.H2Outbox;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 7's offline journey, end to end on the real pieces: the Koha client over pinned HTTPS to the demo
 * server, the outbox in an H2 file, the catalogue in a Lucene index synced from the server. The server
 * stops → the status says offline → search still works → a hold by a scanned card is queued with its
 * receipt (and a paper one) → login is refused with the message → the server returns → the queue is
 * replayed: the hold is placed, a second one on the same record is refused → the patron logs in, is told
 * of the refusal, and sees the placed hold and both requests on My page. Network calls run at once on
 * the calling thread (a fake scheduler); nothing waits on a timer.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineJourneyUiTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String CARD = "01000001";

    @TempDir
    static Path dir;

    // the server and the synced index take longer than TestFX gives @Start: made once, before it
    private static DemoServer demo;
    private static int port;
    private static ServerSettings server;
    private static LuceneCatalogue catalogue;
    // a book the patron may hold: every copy on loan (the demo library takes holds only then), none theirs
    private static CatalogueRecord wanted;
    private KohaCirculationService circulation;
    private ConnectivityMonitor connectivity;
    private H2Outbox outbox;
    private ReplayService replay;
    private final RecordingPrinter printer = new RecordingPrinter();
    private KioskUi ui;
    private Stage stage;

    @BeforeAll
    static void serverAndIndex() throws Exception {
        demo = DemoServer.start(DemoServerOptions.defaults(dir.resolve("demo-server")));
        port = demo.port();
        server = DemoServers.settings(demo);
        catalogue = DemoServers.syncedCatalogue(server, dir.resolve("catalogue"), Clock.system(TOKYO));
        try (KohaCirculationService koha = new KohaCirculationService(server, Clock.system(TOKYO))) {
            wanted = holdableByTaro(koha);
        }
    }

    private static CatalogueRecord holdableByTaro(KohaCirculationService koha) {
        PatronId taro = ((CallResult.Ok<PatronId>) koha.findPatron(CARD)).value();
        java.util.Set<String> his = new java.util.HashSet<>();
        ((CallResult.Ok<List<org.opackiosk.core.loans.Loan>>) koha.loans(taro)).value().forEach(l -> his.add(l.recordId()));
        ((CallResult.Ok<List<Hold>>) koha.holds(taro)).value().forEach(h -> his.add(h.recordId()));
        for (int page = 1; page < 20; page++) {
            List<CatalogueRecord> records = ((CallResult.Ok<org.opackiosk.core.circulation.CataloguePage>)
                    koha.cataloguePage(Optional.empty(), page, 100)).value().records();
            for (CatalogueRecord r : records) {
                if (his.contains(r.id()) || !"BK".equals(r.itemTypeId())) {
                    continue;
                }
                List<org.opackiosk.core.circulation.Item> items =
                        ((CallResult.Ok<List<org.opackiosk.core.circulation.Item>>) koha.items(r.id())).value();
                if (!items.isEmpty() && items.stream().allMatch(i -> !i.notForLoan() && i.dueDate().isPresent())) {
                    return r;
                }
            }
        }
        throw new IllegalStateException("the demo catalogue has no book with every copy on loan");
    }

    @AfterAll
    static void stopServer() {
        catalogue.close();
        demo.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Clock clock = Clock.system(TOKYO);
        circulation = new KohaCirculationService(server, clock);
        QueuedScheduler scheduler = new QueuedScheduler(false);
        connectivity = new ConnectivityMonitor(circulation::reachable, scheduler, Duration.ofSeconds(30));
        ObservedCirculationService observed = new ObservedCirculationService(circulation, connectivity);
        outbox = H2Outbox.open(dir.resolve("outbox"), clock);
        replay = new ReplayService(outbox, observed, connectivity, clock, scheduler, Backoff.standard(),
                ReplayService.DEFAULT_RETENTION);
        replay.start();
        // KioskMain's wiring: the screens' mutations through the outbox, the offline hold flow attached
        ui = new KioskUi(KioskConfig.demo(dir.resolve("kiosk")), new DurableCirculationService(observed, outbox, replay),
                connectivity, clock, scheduler, KioskFixture.IMMEDIATE, catalogue);
        ui.attachOutbox(outbox, replay);
        ui.attachDevices(new KioskDevices(Scanner.none(), Indicator.none(), Optional.of(printer), StaffKey.none()),
                connectivity);
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

    private void scanCard() {
        Fx.run(() -> ui.scans().publish(new ScanEvent(Symbology.CODABAR, CARD, ScanSource.SIMULATED)));
    }

    private void logIn(FxRobot robot) {
        if (robot.lookup("#homeButton").match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent()) {
            robot.clickOn("#homeButton");
        }
        PatronLogin.logIn(robot, CARD, "taro1234");
    }

    private List<String> visibleTexts() {
        return Fx.call(() -> SceneQueries.visibleTexts(stage.getScene().getRoot()));
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void queueOfflineHold(FxRobot robot, String recordId) {
        Fx.run(() -> ui.searchViewModel().openRecord(recordId));
        robot.clickOn("#holdButton");
        assertThat(text(robot, "#offlineHoldHeading")).isEqualTo("予約の受付（オフライン）");
        scanCard();
        robot.clickOn("#pickup-CEN");
    }

    @Test
    void aHoldQueuedByCardWhileTheServerIsDownIsPlacedWhenItReturnsAndThePatronIsTold(FxRobot robot) throws Exception {
        assertThat(connectivity.state()).isEqualTo(ConnectionState.ONLINE);

        // the server stops: the status changes
        demo.close();
        Fx.run(connectivity::probeNow);
        assertThat(connectivity.state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(text(robot, "#connectionState")).isEqualTo("オフライン");

        // search still works, from the local index
        robot.clickOn("#searchButton");
        String title = wanted.title();
        Fx.run(() -> {
            ui.searchViewModel().setText(title);
            ui.searchViewModel().search();
        });
        List<CatalogueEntry> found = Fx.call(() -> List.copyOf(ui.searchViewModel().results()));
        assertThat(found).extracting(CatalogueEntry::id).contains(wanted.id());
        Screenshots.capture(stage, "offline-search-results-ja");
        String recordId = wanted.id();

        // 予約する offline: scan the card, no password, choose the pickup library
        Fx.run(() -> ui.searchViewModel().openRecord(recordId));
        robot.clickOn("#holdButton");
        assertThat(visibleTexts()).contains("利用者カードをスキャナーにかざしてください。パスワードは不要です。");
        Screenshots.captureWhole(stage, "offline-hold-scan-ja");
        scanCard();
        Screenshots.captureWhole(stage, "offline-hold-pickup-ja");
        robot.clickOn("#pickup-CEN");

        // the receipt: what was queued, sent when the connection returns, the library's rules checked then
        String receipt = text(robot, "#offlineHoldReceipt");
        assertThat(receipt).contains(title, "****0001", "受付番号：1").doesNotContain(CARD);
        assertThat(visibleTexts()).anyMatch(t -> t.contains("つながりしだい送られ") && t.contains("規則"));
        Screenshots.captureWhole(stage, "offline-hold-receipt-ja");
        robot.clickOn("#offlineHoldPrint");
        assertThat(printer.printed).singleElement().asString().contains(title, "受付番号: 1").doesNotContain(CARD)
                .doesNotContain("0001");
        robot.clickOn("#language-en");
        Screenshots.captureWhole(stage, "offline-hold-receipt-en");
        robot.clickOn("#language-ja");
        robot.clickOn("#offlineHoldDone");
        assertThat(robot.lookup("#recordTitle").tryQuery()).isPresent();

        // a second request on the same record: queued too (the server will refuse it)
        queueOfflineHold(robot, recordId);
        assertThat(text(robot, "#offlineHoldReceipt")).contains("受付番号：2");
        robot.clickOn("#offlineHoldDone");

        // login is refused with the message, and no password is asked
        scanCard();
        assertThat(visibleTexts()).contains("図書館のシステムにつながらないため、今はログインできません。\n"
                + "資料の検索と、利用者カードでの予約の受付はできます。");
        assertThat(Fx.call(() -> ui.loginViewModel().stepProperty().get()))
                .isEqualTo(org.opackiosk.app.login.LoginViewModel.Step.CARD);
        Screenshots.capture(stage, "offline-login-refused-ja");
        assertThat(outbox.list()).extracting(OutboxEntry::state).containsExactly(OutboxState.PENDING, OutboxState.PENDING);

        // the server returns on the same address: the queue is replayed
        demo = DemoServer.start(DemoServerOptions.defaults(dir.resolve("demo-server")).withPort(port));
        Fx.run(connectivity::probeNow);
        assertThat(connectivity.state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(outbox.list()).as("%s", outbox.list()).extracting(OutboxEntry::state)
                .containsExactly(OutboxState.DONE, OutboxState.REFUSED);
        PatronId taro = ((CallResult.Ok<PatronId>) circulation.findPatron(CARD)).value();
        List<Hold> holds = ((CallResult.Ok<List<Hold>>) circulation.holds(taro)).value();
        assertThat(holds).filteredOn(h -> h.recordId().equals(recordId)).hasSize(1);

        // the patron's next login: told of the refusal first
        logIn(robot);
        assertThat(visibleTexts()).anyMatch(t -> t.contains("この端末で受け付けた「" + title + "」の予約は、図書館のシステムで受け付けられませんでした。"));
        Screenshots.capture(stage, "offline-refused-notice-ja");
        robot.clickOn("#language-en");
        Screenshots.capture(stage, "offline-refused-notice-en");
        robot.clickOn("#language-ja");
        robot.clickOn("#noticesContinueButton");

        // My page: the hold placed, and what this kiosk took with its outcome
        robot.clickOn("#tab-holds");
        List<String> page = visibleTexts();
        assertThat(page).contains("この端末で受け付けた申し込み", "手続きが済みました")
                .anyMatch(t -> t.startsWith("受け付けられませんでした："));
        assertThat(page.stream().filter(("「" + title + "」の予約")::equals)).as("both requests listed").hasSize(2);
        assertThat(Fx.call(() -> ui.myPageViewModel().holds().stream().filter(h -> h.recordId().equals(recordId)).count()))
                .as("the placed hold in the server's list").isEqualTo(1);
        Screenshots.capture(stage, "offline-mypage-queued-ja");
        robot.clickOn("#language-en");
        Screenshots.capture(stage, "offline-mypage-queued-en");
        robot.clickOn("#logoutButton");

        // told once: the next login does not repeat it
        assertThat(outbox.untoldRefusals()).isEmpty();
        logIn(robot);
        assertThat(visibleTexts()).noneMatch(t -> t.contains("受け付けられませんでした。"));
    }

    /** A receipt printer of our own port that keeps what it printed. */
    private static final class RecordingPrinter implements ReceiptPrinter {
        final List<Slip> printed = new ArrayList<>();

        @Override
        public PrinterStatus status() {
            return PrinterStatus.READY;
        }

        @Override
        public synchronized PrintResult print(Slip slip) {
            printed.add(slip);
            return new PrintResult.Printed();
        }

        @Override
        public String describe() {
            return "recording printer";
        }

        @Override
        public void close() {
        }
    }
}

package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.app.testing.DemoServers;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.app.testing.Screenshots;
import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.loans.Loan;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * End to end: the kiosk's screens on the real Koha client against the real demo server over pinned
 * HTTPS. Demo patron 01000016 (a heavy reader) logs in on the keypad and keyboard and renews a loan.
 * Network calls run at once on the calling thread (a fake scheduler), so no test waits on a timer.
 */
@ExtendWith(ApplicationExtension.class)
class DemoServerRenewalUiTest {

    @TempDir
    static Path dir;

    private DemoServer demo;
    private KohaCirculationService circulation;
    private KioskUi ui;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        demo = DemoServer.start(DemoServerOptions.defaults(dir.resolve("demo-server")));
        ServerSettings server = DemoServers.settings(demo);
        circulation = new KohaCirculationService(server, Clock.systemUTC());
        QueuedScheduler scheduler = new QueuedScheduler(false);
        ConnectivityMonitor connectivity = new ConnectivityMonitor(circulation::reachable, scheduler, Duration.ofSeconds(30));
        ui = new KioskUi(KioskConfig.demo(dir.resolve("kiosk")), circulation, connectivity, Clock.systemUTC(), scheduler,
                KioskFixture.IMMEDIATE);
        KioskFixture.show(ui, stage);
    }

    @AfterEach
    void stop() throws Exception {
        Fx.run(ui::close);
        circulation.close();
        demo.close();
    }

    @Test
    void demoPatron16LogsInAndRenewsALoan(FxRobot robot) {
        // given
        PatronLogin.logIn(robot, "01000016", "yoko1616");
        if (robot.lookup("#noticesContinueButton").tryQuery().isPresent()) {
            robot.clickOn("#noticesContinueButton");
        }
        assertThat(robot.lookup("#myPageTitle").queryAs(Label.class).getText()).isEqualTo("利用状況");
        Loan renewable = Fx.call(() -> ui.myPageViewModel().loans().stream()
                .filter(l -> l.renewal() instanceof Loan.Renewal.Allowed).findFirst().orElseThrow());
        Screenshots.capture(stage, "mypage-demo-server-ja");

        // when
        robot.clickOn("#renew-" + renewable.checkoutId());
        robot.clickOn("#confirmRenewButton");

        // then
        String message = robot.lookup("#myPageMessage").queryAs(Label.class).getText();
        assertThat(message).startsWith("「" + renewable.title() + "」を延長しました。");
        Loan after = Fx.call(() -> ui.myPageViewModel().loans().stream()
                .filter(l -> l.checkoutId().equals(renewable.checkoutId())).findFirst().orElseThrow());
        assertThat(after.dueDate()).isAfter(renewable.dueDate());
        assertThat(after.renewalsCount()).isEqualTo(renewable.renewalsCount() + 1);
        robot.clickOn("#logoutButton");
        assertThat(robot.lookup("#searchButton").tryQuery()).isPresent();
    }
}

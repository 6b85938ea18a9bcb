package org.opackiosk.app.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.core.config.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No screen freezes waiting for the network (issue 7): the server's calls run on a real worker thread, as in the kiosk,
 * and one of them is held open; meanwhile the FX thread still answers touches, and the answer arrives when it comes.
 * A view model that called the server on the FX thread would hang this test at the first touch (Fx waits 30 s at most).
 */
@ExtendWith(ApplicationExtension.class)
class NetworkWaitUiTest {

    private KioskFixture kiosk;
    private final ExecutorService network = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-network");
        t.setDaemon(true);
        return t;
    });
    private FakeCirculationService.HeldCall loans;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture(UiSettings.DEFAULTS, UnaryOperator.identity(), Platform::runLater);
        kiosk.scheduler.runWorkOn(network);
        kiosk.show(stage);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (loans != null) {
            loans.release();
        }
        network.shutdown();
        assertThat(network.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void whileMyPageWaitsForTheServerTheScreenStillAnswersAndTheLoansArriveWhenTheServerDoes(FxRobot robot)
            throws Exception {
        // given: the server will be slow to give the loans
        kiosk.serverOnline();
        loans = kiosk.circulation.hold("loans");
        Fx.run(() -> kiosk.ui.cardScanned("01000001"));
        PatronLogin.typePassword(robot, "taro1234");

        // when: the login answers; My page asks for the loans, which the server holds
        robot.clickOn("#loginButton");
        assertThat(loans.awaitCalled()).as("My page asked the server for the loans").isTrue();

        // then: the screen says it is working, and a touch is answered at once
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(kiosk.visibleTexts()).contains("読み込んでいます…", "****0001").doesNotContain("坊っちゃん");
        robot.clickOn("#language-en");
        assertThat(kiosk.visibleTexts()).contains("Loading…", "Home").doesNotContain("読み込んでいます…", "ホーム");

        // when: the server answers
        loans.release();

        // then: the loans arrive, in the language chosen meanwhile
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.visibleTexts().contains("坊っちゃん"));
        assertThat(kiosk.visibleTexts()).doesNotContain("Loading…");
    }
}

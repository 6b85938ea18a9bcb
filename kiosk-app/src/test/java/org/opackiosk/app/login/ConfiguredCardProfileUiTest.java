package org.opackiosk.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.core.config.CardSettings;
import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Symbology;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The card profile of the configuration file reaches the login: a library whose cards have nine digits with a
 * check digit ({@code [cards] profile = "nine-digits-check-digit"}) gets its numbers checked by that profile, not
 * by the demo library's eight digits. Every other kiosk test runs with the default profile.
 */
@ExtendWith(ApplicationExtension.class)
class ConfiguredCardProfileUiTest {

    private static final String GOOD = "123456789"; // 12345678-9: mod 11 check digit 9
    private static final String BAD_CHECK_DIGIT = "123456780";

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        CardSettings cards = cardsFromTheConfigurationFile("[cards]\nprofile = \"nine-digits-check-digit\"\n");
        kiosk = new KioskFixture(UiSettings.DEFAULTS, c -> new KioskConfig(c.source(), c.library(), c.server(), c.ui(),
                c.stateDirectory(), cards, c.search(), c.offline(), c.devices(), c.staff()));
        kiosk.circulation.patrons.add(GOOD, "kuma2026", "90", "森 くま", Optional.empty(), List.of());
        kiosk.show(stage);
    }

    @BeforeEach
    void serverAnswers() {
        kiosk.serverOnline();
    }

    private static CardSettings cardsFromTheConfigurationFile(String toml) {
        try {
            Path dir = Files.createTempDirectory("card-profile");
            Path file = dir.resolve("kiosk.toml");
            Files.writeString(file, toml);
            ConfigResult result = new ConfigLoader().load(file, dir);
            assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
            return ((ConfigResult.Valid) result).config().cards();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void typeCard(FxRobot robot, String card) {
        robot.clickOn("#typeCardButton");
        PatronLogin.typeCard(robot, card);
        robot.clickOn("#cardNextButton");
    }

    @Test
    void aNineDigitNumberWithItsCheckDigitIsAcceptedAndLogsIn(FxRobot robot) {
        // when
        typeCard(robot, GOOD);

        // then the password step with the number as the card shows it
        assertThat(robot.lookup("#passwordCard").queryAs(Label.class).getText()).isEqualTo("利用者番号 12345678-9");
        PatronLogin.typePassword(robot, "kuma2026");
        robot.clickOn("#loginButton");
        assertThat(robot.lookup("#myPageTitle").queryAs(Label.class).getText()).isEqualTo("利用状況");
        assertThat(kiosk.circulation.patrons.calls).contains("authenticate"); // the fake knows only 123456789: the number reached it
    }

    @Test
    void aWrongCheckDigitIsCaughtAtOnceAndNothingIsSent(FxRobot robot) {
        // when
        typeCard(robot, BAD_CHECK_DIGIT);

        // then
        assertThat(kiosk.visibleTexts()).contains("カード番号をご確認ください。");
        assertThat(robot.lookup("#loginCardTitle").queryAs(Label.class).isVisible()).isTrue();
        assertThat(kiosk.circulation.patrons.calls).isEmpty();
    }

    @Test
    void theDemoLibrarysEightDigitNumberIsNoLongerACard(FxRobot robot) {
        // when
        typeCard(robot, "01000001");

        // then
        assertThat(kiosk.visibleTexts()).contains("カード番号をご確認ください。");
        assertThat(kiosk.circulation.patrons.calls).isEmpty();
    }

    @Test
    void aScannedCodabarCardOfTheProfileStartsTheLogin(FxRobot robot) {
        // when
        Fx.run(() -> kiosk.ui.scans().publish(new ScanEvent(Symbology.CODABAR, "D123456789D", ScanSource.SIMULATED)));

        // then the start and stop characters are gone
        assertThat(robot.lookup("#passwordCard").queryAs(Label.class).getText()).isEqualTo("利用者番号 12345678-9");
    }
}

package org.opackiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.config.KioskConfig;

import picocli.CommandLine;

class KioskLauncherTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int launch(String... args) {
        CommandLine cl = new CommandLine(new KioskLauncher());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void anInvalidConfigurationStopsTheKioskWithExitTwoNamingFileKeyAndExpectation() throws IOException {
        // given
        Path file = dir.resolve("kiosk.toml");
        Files.writeString(file, "[server]\nurl = \"http://koha.example.jp\"\n");

        // when
        int code = launch("--config", file.toString());

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("The kiosk cannot start: its configuration file is invalid.")
                .contains(file + ": server.url: expected an https:// URL")
                .contains(file + ": server.client_id: expected")
                .contains("kioskctl config validate")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingConfigurationFileGivenOnTheCommandLineIsAnErrorNotDemoMode() {
        int code = launch("--config", dir.resolve("absent.toml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("absent.toml: (file): expected a readable UTF-8 TOML file, found no such file");
    }

    @Test
    void demoModeIgnoresTheConfigurationFileSoTheClassDataTrainingNeverUsesTheLibrarysServer() throws IOException {
        // given: a configuration the kiosk would refuse
        Path file = dir.resolve("kiosk.toml");
        Files.writeString(file, "[server]\nurl = \"http://koha.example.jp\"\n");
        KioskLauncher launcher = new KioskLauncher();
        new CommandLine(launcher).parseArgs("--demo", "--config", file.toString());

        // when
        Optional<KioskConfig> config = launcher.readConfig(new PrintWriter(err, true));

        // then
        assertThat(config).hasValueSatisfying(c -> assertThat(c.demoMode()).isTrue());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anUnknownOptionIsRefusedWithUsage() {
        assertThat(launch("--fullscreen-please")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option").contains("--windowed");
    }
}

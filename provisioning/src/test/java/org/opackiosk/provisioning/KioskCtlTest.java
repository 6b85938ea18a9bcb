package org.opackiosk.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class KioskCtlTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = KioskCtl.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void versionPrintsTheProductVersion() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).startsWith("OPAC kiosk ").doesNotContain("unknown");
    }

    @Test
    void aValidFileExitsZeroWithASummaryThatHidesTheSecret() throws IOException {
        // given the documented example with its secret file beside it
        Path file = dir.resolve("kiosk.toml");
        Files.copy(Path.of("..", "docs", "kiosk.example.toml"), file);
        Files.writeString(dir.resolve("client-secret"), "top-secret-value");

        // when
        int code = run("config", "validate", file.toString());

        // then
        assertThat(code).isZero();
        assertThat(out.toString()).contains("valid").contains("https://koha.example.jp").contains("2 pin(s)")
                .doesNotContain("top-secret-value");
    }

    @Test
    void anInvalidFileExitsTwoNamingFileKeyAndExpectation() throws IOException {
        Path file = dir.resolve("kiosk.toml");
        Files.writeString(file, "[ui]\nlanguage = \"fr\"\n");

        int code = run("config", "validate", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(file + ": ui.language: expected \"ja\" or \"en\", found \"fr\"");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingFileExitsTwoWithoutAStackTrace() {
        int code = run("config", "validate", dir.resolve("none.toml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no such file").doesNotContain("\tat ");
    }

    @Test
    void anUnknownCommandExitsTwoWithUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument");
    }
}

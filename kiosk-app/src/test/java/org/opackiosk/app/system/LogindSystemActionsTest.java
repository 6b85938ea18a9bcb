package org.opackiosk.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.staff.SystemActions.Action;
import org.opackiosk.core.staff.SystemActions.Outcome;

/** Reboot and shutdown through a real process standing in for systemctl; the restart through the exit code. */
class LogindSystemActionsTest {

    @TempDir
    Path dir;

    private final List<Integer> exits = new ArrayList<>();

    // a systemctl that writes its arguments down and answers as polkit would
    private Path systemctl(int exitCode, String says) throws IOException {
        Path script = dir.resolve("systemctl");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" > \"" + dir.resolve("args") + "\"\n"
                + (says.isEmpty() ? "" : "echo '" + says + "' >&2\n") + "exit " + exitCode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void rebootAndShutdownAskLogindThroughSystemctlWithoutAPasswordPrompt() throws IOException {
        LogindSystemActions actions = new LogindSystemActions(systemctl(0, ""), exits::add);

        assertThat(actions.perform(Action.REBOOT)).isEqualTo(new Outcome.Started());
        assertThat(Files.readString(dir.resolve("args")).strip()).isEqualTo("--no-ask-password reboot");
        assertThat(actions.perform(Action.SHUT_DOWN)).isEqualTo(new Outcome.Started());
        assertThat(Files.readString(dir.resolve("args")).strip()).isEqualTo("--no-ask-password poweroff");
        assertThat(exits).isEmpty();
        assertThat(actions.simulated()).isFalse();
    }

    @Test
    void aRefusalComesBackWithWhatTheSystemSaid() throws IOException {
        LogindSystemActions actions = new LogindSystemActions(systemctl(1,
                "Failed to reboot system via logind: Access denied"), exits::add);

        Outcome outcome = actions.perform(Action.REBOOT);

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).detail()).contains("exit 1", "Access denied");
    }

    @Test
    void aMissingSystemctlIsAFailureNotAnException() {
        LogindSystemActions actions = new LogindSystemActions(dir.resolve("no-such-systemctl"), exits::add);

        assertThat(actions.perform(Action.SHUT_DOWN)).isInstanceOf(Outcome.Failed.class);
    }

    @Test
    void restartingTheAppExitsWithTheCodeTheUnitRestarts() throws IOException {
        LogindSystemActions actions = new LogindSystemActions(systemctl(0, ""), exits::add);

        assertThat(actions.perform(Action.RESTART_APP)).isEqualTo(new Outcome.Started());

        assertThat(exits).containsExactly(LogindSystemActions.RESTART_EXIT_CODE);
        assertThat(LogindSystemActions.RESTART_EXIT_CODE).isNotEqualTo(2); // RestartPreventExitStatus=2 in the unit
        assertThat(Files.exists(dir.resolve("args"))).isFalse();
    }
}

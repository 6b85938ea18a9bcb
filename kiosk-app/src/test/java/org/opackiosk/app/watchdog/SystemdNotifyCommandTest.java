package org.opackiosk.app.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a stand-in for systemd-notify that records how it was called. */
class SystemdNotifyCommandTest {

    @TempDir
    Path dir;

    private Path standIn(String body) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path script = dir.resolve("systemd-notify");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void passesTheAssignmentsAsArgumentsWithoutPid() throws IOException {
        Path log = dir.resolve("calls");
        Path command = standIn("echo \"$@\" >> " + log);

        new SystemdNotifyCommand(command).notify("WATCHDOG=1");
        new SystemdNotifyCommand(command).notify("STATUS=ok", "WATCHDOG=1");

        assertThat(Files.readAllLines(log)).containsExactly("WATCHDOG=1", "STATUS=ok WATCHDOG=1");
    }

    @Test
    void aFailingOrMissingCommandDoesNotThrow() throws IOException {
        Path failing = standIn("exit 3");

        new SystemdNotifyCommand(failing).notify("WATCHDOG=1");
        new SystemdNotifyCommand(dir.resolve("absent")).notify("WATCHDOG=1");
        // then nothing was thrown: the watchdog's next tick tries again
    }
}

package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemHostFactsTest {

    @TempDir
    Path dir;

    @Test
    void memoryAvailableIsReadFromMeminfoInKilobytes() throws IOException {
        Path meminfo = dir.resolve("meminfo");
        Files.write(meminfo, List.of("MemTotal:        3884040 kB", "MemFree:          180000 kB", "MemAvailable:    2000000 kB"));

        assertThat(new SystemHostFacts(dir, meminfo).memoryAvailable().getAsLong()).isEqualTo(2_000_000L * 1024);
    }

    @Test
    void withoutMeminfoMemoryIsUnknownNotGuessed() {
        assertThat(new SystemHostFacts(dir, dir.resolve("absent")).memoryAvailable()).isEmpty();
    }

    @Test
    void theClockIsSynchronisedOnlyWhenTimedatectlSaysYes() {
        assertThat(SystemHostFacts.parseSynchronised("yes")).contains(true);
        assertThat(SystemHostFacts.parseSynchronised("no")).contains(false);
        assertThat(SystemHostFacts.parseSynchronised("")).isEmpty();
    }

    @Test
    void aSnapshotAlwaysHasAVersionAndTheDiskOfTheStateDirectory() {
        HostFacts.Snapshot s = new SystemHostFacts(dir, dir.resolve("absent")).read();

        assertThat(s.version()).isNotBlank();
        assertThat(s.diskFreeBytes()).isPresent();
        assertThat(s.uptime()).isPositive();
    }
}

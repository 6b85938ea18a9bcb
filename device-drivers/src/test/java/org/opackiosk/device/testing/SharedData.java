package org.opackiosk.device.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code shared/data/} beside the repository (real data, never copied in); found by walking up from the working directory. */
public final class SharedData {

    private SharedData() {
    }

    public static Optional<Path> dir(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return Optional.of(candidate.resolve(name)).filter(Files::isDirectory);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}

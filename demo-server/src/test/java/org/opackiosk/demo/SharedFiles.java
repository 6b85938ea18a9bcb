package org.opackiosk.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's shared folder ({@code ../shared} beside the repository): real data and Koha's
 * contract, present on developer machines and in CI, never copied into the repository. Found by
 * walking up from the working directory to a folder holding {@code shared/data/README.md}.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Optional<Path> sharedDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared");
            if (Files.isRegularFile(candidate.resolve("data").resolve("README.md"))) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** A file under {@code shared/data/}, if present. */
    public static Optional<Path> data(String name) {
        return sharedDir().map(d -> d.resolve("data").resolve(name)).filter(Files::isRegularFile);
    }

    /** A file under {@code shared/koha-contract/}, if present. */
    public static Optional<Path> contract(String relative) {
        return sharedDir().map(d -> d.resolve("koha-contract").resolve(relative)).filter(Files::isRegularFile);
    }
}

package org.opackiosk.provisioning.enroll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Replaces the kiosk's files so that a reader sees the old file or the new one, never half of one or a looser mode. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Writes a sibling temp file (mode 0600) with its final owner and mode, then moves it over {@code file} at once. */
    public static void replace(Path file, String text, Set<PosixFilePermission> mode, String user, String group,
                               FileOwnership ownership) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            ownership.apply(temp, user, group);
            Files.setPosixFilePermissions(temp, mode);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

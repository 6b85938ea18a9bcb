package org.opackiosk.app.staff;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.opackiosk.core.config.UiSettings.TextSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What staff changed on the dashboard, kept in the kiosk's state directory so that it survives a restart (ADR 0075,
 * 2026-11-23): the branch, the default pickup library, the default language and text size — nothing else, and never
 * the technician's {@code kiosk.toml}, which stays read-only to the kiosk. Applied at start over the configuration.
 * A value equal to the configured one is not kept. Blocking file I/O: call off the UI thread where it matters.
 *
 * @param branch        the branch this kiosk stands in
 * @param defaultPickup the pickup library a hold starts with
 * @param language      the language every session starts in
 * @param textSize      the text size every session starts with
 */
public record SettingsOverrides(Optional<String> branch, Optional<String> defaultPickup, Optional<Locale> language,
                                Optional<TextSize> textSize) {

    public static final SettingsOverrides NONE = new SettingsOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    /** The file's name in the state directory. */
    public static final String FILE = "staff-settings.properties";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsOverrides.class);

    public SettingsOverrides {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(defaultPickup, "defaultPickup");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(textSize, "textSize");
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The overrides kept in {@code stateDirectory}; none when there is no file. A file that cannot be read or holds a
     * value the kiosk does not know is logged and ignored (the kiosk starts as configured), never a reason not to start.
     */
    public static SettingsOverrides load(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Staff settings in {} not read; the kiosk starts with the configured ones", file, e);
            return NONE;
        }
        try {
            return new SettingsOverrides(text(p, "branch"), text(p, "default_pickup"),
                    text(p, "language").map(Locale::forLanguageTag),
                    text(p, "text_size").map(s -> TextSize.valueOf(s.toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            LOG.warn("Staff settings in {} not understood; the kiosk starts with the configured ones", file, e);
            return NONE;
        }
    }

    private static Optional<String> text(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Writes these overrides to {@code stateDirectory} (replacing the file whole; removing it when there are none). */
    public void save(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        try {
            if (isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Properties p = new Properties();
            branch.ifPresent(v -> p.setProperty("branch", v));
            defaultPickup.ifPresent(v -> p.setProperty("default_pickup", v));
            language.ifPresent(v -> p.setProperty("language", v.toLanguageTag()));
            textSize.ifPresent(v -> p.setProperty("text_size", v.name().toLowerCase(Locale.ROOT)));
            Path temp = Files.createTempFile(stateDirectory, FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Changed by staff on the kiosk's dashboard; applied over kiosk.toml at start (ADR 0075)");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("staff settings not saved in " + file, e);
        }
    }
}

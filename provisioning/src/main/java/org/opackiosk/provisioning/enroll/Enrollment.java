package org.opackiosk.provisioning.enroll;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.config.Secret;

/**
 * Writes what {@code kioskctl enroll} decided: the configuration file (group-readable by the
 * kiosk's group only), the client secret beside it (readable by the kiosk's user only) and, with a
 * CA, a copy of the CA file. Enrolling again edits the same file in place — keys the technician
 * added and comments stay — and reports what changed. Nothing is written unless the result is a
 * valid configuration; each file is replaced atomically. Not thread-safe (one technician, one run).
 */
public final class Enrollment {

    /** The user and group opac-kiosk.service runs as (systemd/sysusers.d/opac-kiosk.conf). */
    public static final String KIOSK_USER = "opac-kiosk";
    public static final String KIOSK_GROUP = "opac-kiosk";
    public static final String SECRET_FILE = "client-secret";
    public static final String CA_FILE = "ca.pem";

    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-x---");
    static final Set<PosixFilePermission> CONFIG_MODE = PosixFilePermissions.fromString("rw-r-----");
    static final Set<PosixFilePermission> SECRET_MODE = PosixFilePermissions.fromString("r--------");

    private static final String HEADER = """
            # The OPAC kiosk's configuration, written by `kioskctl enroll`. Every key is explained in
            # /usr/share/doc/opac-kiosk/configuration.md. Enroll again to change the server (this file
            # is updated in place), or edit it and check it with `kioskctl config validate FILE`.
            """;

    /** How the kiosk trusts the server: pins, or a CA file that is copied beside the configuration. */
    public sealed interface Trust {
        record Pins(List<String> pins) implements Trust {
            public Pins {
                pins = List.copyOf(pins);
            }
        }

        record CaFile(Path file) implements Trust {
        }
    }

    /** Everything enroll writes. */
    /**
     * @param libraryName  the name to write; empty keeps the file's
     * @param branchName   the branch's name on the server: the library's name when the file has none yet
     */
    public record Request(URI url, Trust trust, String clientId, Secret clientSecret, String branch,
                          Optional<String> libraryName, Optional<String> branchName, Optional<String> cardProfile) {
        public Request {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(libraryName, "libraryName");
            Objects.requireNonNull(branchName, "branchName");
            Objects.requireNonNull(cardProfile, "cardProfile");
        }
    }

    /** What was written; {@code changes} is empty when the files already said all this. */
    public record Outcome(Path configFile, Path secretFile, boolean created, List<String> changes) {
    }

    /** The files would make an invalid configuration; nothing was written. */
    public static final class InvalidResult extends Exception {
        private final List<String> problems;

        InvalidResult(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final Path configFile;
    private final FileOwnership ownership;
    private final TomlMapper toml = new TomlMapper();

    public Enrollment(Path configFile, FileOwnership ownership) {
        this.configFile = configFile.toAbsolutePath().normalize();
        this.ownership = ownership;
    }

    public Path secretFile() {
        return configFile.resolveSibling(SECRET_FILE);
    }

    public Outcome apply(Request request) throws IOException, InvalidResult {
        Path dir = configFile.getParent();
        boolean created = !Files.exists(configFile);
        String before = created ? HEADER : Files.readString(configFile, StandardCharsets.UTF_8);
        TomlEditor editor = new TomlEditor(before);
        List<String> changes = new ArrayList<>();

        String ca = null;
        if (request.trust() instanceof Trust.CaFile caFile) {
            ca = Files.readString(caFile.file(), StandardCharsets.US_ASCII);
        }
        Optional<String> oldSecret = readIfExists(secretFile()).map(String::strip);
        Optional<String> oldCa = readIfExists(dir.resolve(CA_FILE));

        Optional<String> name = request.libraryName().or(() -> editor.keyLines("library", "name").isEmpty() ? request.branchName() : Optional.empty());
        if (name.isPresent()) {
            change(editor, changes, "library", "name", TomlEditor.string(name.get()));
        }
        change(editor, changes, "library", "branch", TomlEditor.string(request.branch()));
        change(editor, changes, "server", "url", TomlEditor.string(request.url().toString()));
        switch (request.trust()) {
            case Trust.Pins pins -> {
                change(editor, changes, "server", "pins", TomlEditor.strings(pins.pins()));
                remove(editor, changes, "server", "ca_file");
            }
            case Trust.CaFile caFile -> {
                change(editor, changes, "server", "ca_file", TomlEditor.string(CA_FILE));
                remove(editor, changes, "server", "pins");
                if (!oldCa.map(ca::equals).orElse(false)) {
                    changes.add(CA_FILE + ": " + (oldCa.isPresent() ? "replaced by " : "copied from ") + caFile.file());
                }
            }
        }
        change(editor, changes, "server", "client_id", TomlEditor.string(request.clientId()));
        change(editor, changes, "server", "client_secret_file", TomlEditor.string(SECRET_FILE));
        remove(editor, changes, "server", "client_secret");
        if (!oldSecret.map(request.clientSecret().reveal()::equals).orElse(false)) {
            changes.add("client secret: " + (oldSecret.isPresent() ? "replaced" : "written") + " (" + secretFile() + ")");
        }
        if (request.cardProfile().isPresent()) {
            change(editor, changes, "cards", "profile", TomlEditor.string(request.cardProfile().get()));
        }
        String after = editor.text();

        validate(after, request.clientSecret(), ca);
        if (changes.isEmpty() && after.equals(before)) {
            // nothing to write, but a loosened mode or a lost owner is put right
            List<String> fixed = new ArrayList<>();
            restore(configFile, CONFIG_MODE, "root", KIOSK_GROUP, fixed);
            restore(secretFile(), SECRET_MODE, KIOSK_USER, KIOSK_GROUP, fixed);
            if (request.trust() instanceof Trust.CaFile) {
                restore(dir.resolve(CA_FILE), CONFIG_MODE, "root", KIOSK_GROUP, fixed);
            }
            return new Outcome(configFile, secretFile(), false, fixed);
        }
        createDirectory(dir);
        if (ca != null) {
            write(dir.resolve(CA_FILE), ca, CONFIG_MODE, "root", KIOSK_GROUP);
        }
        write(secretFile(), request.clientSecret().reveal() + "\n", SECRET_MODE, KIOSK_USER, KIOSK_GROUP);
        write(configFile, after, CONFIG_MODE, "root", KIOSK_GROUP);
        return new Outcome(configFile, secretFile(), created, changes);
    }

    private void change(TomlEditor editor, List<String> changes, String section, String key, String literal) throws IOException {
        Optional<JsonNode> old = value(editor, section, key);
        JsonNode now = value("x = " + literal, "x").orElseThrow();
        if (old.isEmpty()) {
            changes.add(section + "." + key + ": set to " + literal);
        } else if (!old.get().equals(now)) {
            changes.add(section + "." + key + ": " + display(old.get()) + " → " + literal);
        }
        if (old.isEmpty() || !old.get().equals(now)) {
            editor.set(section, key, literal);
        }
    }

    private void remove(TomlEditor editor, List<String> changes, String section, String key) throws IOException {
        if (editor.keyLines(section, key).isPresent()) {
            // never echo an inline secret
            changes.add(section + "." + key + ": removed" + (key.contains("secret") ? " (now in " + SECRET_FILE + ")" : ""));
            editor.remove(section, key);
        }
    }

    private Optional<JsonNode> value(TomlEditor editor, String section, String key) throws IOException {
        Optional<String> lines = editor.keyLines(section, key);
        return lines.isEmpty() ? Optional.empty() : value(lines.get(), key);
    }

    private Optional<JsonNode> value(String keyLines, String key) throws IOException {
        try {
            return Optional.ofNullable(toml.readTree(keyLines).get(key));
        } catch (JsonProcessingException e) {
            throw new IOException(configFile + ": cannot read the value of " + key + " (" + e.getOriginalMessage()
                    + "); fix the line or remove it, and enroll again", e);
        }
    }

    private static String display(JsonNode node) {
        if (node.isTextual()) {
            return TomlEditor.string(node.asText());
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            return TomlEditor.strings(items);
        }
        return node.toString();
    }

    /** Loads the would-be files with the kiosk's own loader in a scratch folder; throws with its messages. */
    private void validate(String config, Secret secret, String ca) throws IOException, InvalidResult {
        Path scratch = Files.createTempDirectory("kioskctl-enroll", PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        try {
            Path file = scratch.resolve(configFile.getFileName());
            Files.writeString(file, config, StandardCharsets.UTF_8);
            Files.writeString(scratch.resolve(SECRET_FILE), secret.reveal() + "\n", StandardCharsets.UTF_8);
            if (ca != null) {
                Files.writeString(scratch.resolve(CA_FILE), ca, StandardCharsets.US_ASCII);
            }
            ConfigResult result = new ConfigLoader().load(file, Path.of("/var/lib/opac-kiosk"));
            if (result instanceof ConfigResult.Invalid invalid) {
                throw new InvalidResult(invalid.problems().stream().map(p -> configFile + ": " + p.describe()).toList());
            }
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void createDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
            ownership.apply(dir, "root", KIOSK_GROUP);
        }
    }

    private void restore(Path file, Set<PosixFilePermission> mode, String user, String group, List<String> fixed) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
        if (!now.equals(mode)) {
            Files.setPosixFilePermissions(file, mode);
            fixed.add(file.getFileName() + ": mode " + PosixFilePermissions.toString(now) + " → " + PosixFilePermissions.toString(mode));
        }
        ownership.apply(file, user, group);
    }

    private void write(Path file, String text, Set<PosixFilePermission> mode, String user, String group) throws IOException {
        ConfigFiles.replace(file, text, mode, user, group, ownership);
    }

    private static Optional<String> readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }
}

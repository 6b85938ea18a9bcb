package org.opackiosk.core.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.core.cards.CardProfile;
import org.opackiosk.core.cards.CardProfiles;
import org.opackiosk.core.cards.CheckDigit;

/**
 * Reads and validates the kiosk's TOML configuration. Every problem in the file is reported at once,
 * each naming the key and what is expected, so a technician fixes the file in one pass. Never
 * throws for a bad file; see {@link ConfigResult}. Stateless and thread-safe.
 */
public final class ConfigLoader {

    private static final Pattern PIN = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_-]{1,10}");

    /** Every key the file may hold, by section, in the order {@code docs/configuration.md} documents them. */
    static final Map<String, Set<String>> KNOWN_KEYS = new LinkedHashMap<>();

    static {
        KNOWN_KEYS.put("library", Set.of("name", "name_en", "branch", "accent_color", "max_holds"));
        KNOWN_KEYS.put("server", Set.of("url", "pins", "ca_file", "auth", "client_id", "client_secret",
                "client_secret_file", "connect_timeout_seconds", "response_timeout_seconds"));
        KNOWN_KEYS.put("ui", Set.of("language", "idle_timeout_seconds", "countdown_seconds", "text_size",
                "session_maximum_minutes"));
        KNOWN_KEYS.put("state", Set.of("directory"));
        KNOWN_KEYS.put("cards", Set.of("profile", "lengths", "prefix", "characters", "codabar_start_stop",
                "check_digit", "check_weights", "display"));
        KNOWN_KEYS.put("search", Set.of("web_opac_url", "sync_interval_minutes"));
        KNOWN_KEYS.put("offline", Set.of("holds_per_card", "holds_per_kiosk", "done_retention_hours"));
        KNOWN_KEYS.put("staff", Set.of("pin_hash", "cards", "card_pattern", "key_switch", "name_press", "idle_minutes", "categories"));
        KNOWN_KEYS.put("devices", Set.of("mode"));
        KNOWN_KEYS.put("scanner", Set.of("type", "port", "baud", "prefix", "suffix", "wedge_max_key_interval_ms",
                "wedge_min_length", "camera_command", "duplicate_window_ms"));
        KNOWN_KEYS.put("printer", Set.of("type", "port", "device", "baud", "paper_width_mm"));
        KNOWN_KEYS.put("light", Set.of("green_pin", "amber_pin", "red_pin", "buzzer_pin", "staff_key_pin", "active_low",
                "buzzer_type"));
    }

    private final TomlMapper mapper = new TomlMapper();

    /**
     * @param file             the TOML file
     * @param defaultStateDir  the state directory when the file names none
     */
    public ConfigResult load(Path file, Path defaultStateDir) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return invalid(file, new ConfigProblem("(file)", "a readable UTF-8 TOML file",
                    Files.exists(file) ? "a file that cannot be read (" + e.getClass().getSimpleName() + ")" : "no such file"));
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return invalid(file, new ConfigProblem("(syntax)", "valid TOML", "a syntax error" + where + ": " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = mapper.createObjectNode();
        }
        return new Reader(file, (ObjectNode) root, file.getParent() == null ? Path.of(".") : file.getParent()).read(defaultStateDir);
    }

    private static ConfigResult invalid(Path file, ConfigProblem problem) {
        return new ConfigResult.Invalid(file, List.of(problem));
    }

    /** One pass over one file, collecting problems. */
    static final class Reader {
        private final Path file;
        private final ObjectNode root;
        private final Path baseDir;
        private final List<ConfigProblem> problems = new ArrayList<>();

        Reader(Path file, ObjectNode root, Path baseDir) {
            this.file = file;
            this.root = root;
            this.baseDir = baseDir;
        }

        ConfigResult read(Path defaultStateDir) {
            checkUnknownKeys();
            LibrarySettings library = library();
            Optional<ServerSettings> server = root.has("server") ? server() : Optional.empty();
            UiSettings ui = ui();
            Path state = optionalText("state", "directory").map(this::resolve).orElse(defaultStateDir);
            CardSettings cards = cards();
            SearchSettings search = search();
            OfflineSettings offline = offline();
            StaffSettings staff = staff();
            DeviceSettings devices = new DeviceReader(this).read(server.isPresent() || root.has("server"));
            if (!problems.isEmpty()) {
                return new ConfigResult.Invalid(file, problems);
            }
            return new ConfigResult.Valid(new KioskConfig(Optional.of(file), library, server, ui, state, cards, search, offline, devices, staff));
        }

        private CardSettings cards() {
            String name = optionalText("cards", "profile").orElse(CardSettings.DEFAULTS.profile());
            Optional<CardProfile> builtIn = CardProfiles.builtIn(name);
            if (builtIn.isEmpty()) {
                problems.add(new ConfigProblem("cards.profile", "one of the built-in profiles " + CardProfiles.names(), quote(name)));
                return CardSettings.DEFAULTS;
            }
            CardProfile base = builtIn.get();
            int before = problems.size();
            SortedSet<Integer> lengths = base.lengths();
            JsonNode l = root.path("cards").get("lengths");
            if (l != null) {
                lengths = new TreeSet<>();
                if (!l.isArray() || l.isEmpty()) {
                    problems.add(new ConfigProblem("cards.lengths", "a list of allowed lengths, e.g. [8] or [8, 10]", describe(l)));
                } else {
                    for (JsonNode n : l) {
                        if (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 64) {
                            problems.add(new ConfigProblem("cards.lengths", "whole numbers from 1 to 64", describe(n)));
                        } else {
                            lengths.add(n.asInt());
                        }
                    }
                }
            }
            String prefix = root.path("cards").has("prefix") ? text("cards", "prefix") : base.prefix();
            String allowed = optionalText("cards", "characters").map(c -> switch (c) {
                case "digits" -> CardProfile.DIGITS;
                case "alphanumeric" -> CardProfile.ALPHANUMERIC;
                default -> {
                    problems.add(new ConfigProblem("cards.characters", "\"digits\" or \"alphanumeric\"", quote(c)));
                    yield base.allowed();
                }
            }).orElse(base.allowed());
            boolean strip = bool("cards", "codabar_start_stop", base.stripCodabar());
            CheckDigit check = base.checkDigit();
            Optional<String> checkName = optionalText("cards", "check_digit");
            int[] weights = null;
            JsonNode w = root.path("cards").get("check_weights");
            if (w != null) {
                if (!w.isArray() || w.isEmpty() || !allIntegers(w, 1, 99)) {
                    problems.add(new ConfigProblem("cards.check_weights", "a list of weights 1–99 from the rightmost data digit, e.g. [2, 3, 4, 5, 6, 7]", describe(w)));
                } else {
                    weights = new int[w.size()];
                    for (int i = 0; i < w.size(); i++) {
                        weights[i] = w.get(i).asInt();
                    }
                }
            }
            if (checkName.isPresent() || weights != null) {
                String algorithm = checkName.orElse(base.checkDigit().name().startsWith("mod10") ? "mod10"
                        : base.checkDigit().name().startsWith("mod11") ? "mod11" : base.checkDigit().name());
                try {
                    check = CheckDigit.named(algorithm, weights);
                } catch (IllegalArgumentException e) {
                    problems.add(new ConfigProblem(checkName.isPresent() ? "cards.check_digit" : "cards.check_weights",
                            "one of " + CheckDigit.NAMES + " (check_weights only with mod10 or mod11)",
                            checkName.map(ConfigLoader.Reader::quote).orElse("weights for " + quote(algorithm))));
                }
            }
            Optional<String> display = root.path("cards").has("display") ? Optional.of(text("cards", "display")).filter(d -> !d.isEmpty())
                    : base.display();
            if (problems.size() > before) {
                return CardSettings.DEFAULTS;
            }
            try {
                return new CardSettings(name, new CardProfile(name, lengths, prefix, allowed, strip, check, display));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem("cards", "a consistent card profile", e.getMessage()));
                return CardSettings.DEFAULTS;
            }
        }

        private static boolean allIntegers(JsonNode array, int min, int max) {
            for (JsonNode n : array) {
                if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
                    return false;
                }
            }
            return true;
        }

        /** A string that may be empty; empty (with a problem) when the key holds no string. */
        String text(String section, String key) {
            JsonNode n = root.path(section).get(key);
            if (n == null) {
                return "";
            }
            if (!n.isTextual()) {
                problems.add(new ConfigProblem(section + "." + key, "a string in quotes", describe(n)));
                return "";
            }
            return n.asText();
        }

        boolean bool(String section, String key, boolean dflt) {
            JsonNode n = root.path(section).get(key);
            if (n == null) {
                return dflt;
            }
            if (!n.isBoolean()) {
                problems.add(new ConfigProblem(section + "." + key, "true or false", describe(n)));
                return dflt;
            }
            return n.asBoolean();
        }

        boolean has(String section) {
            return root.has(section);
        }

        JsonNode node(String section, String key) {
            return root.path(section).get(key);
        }

        void problem(String key, String expected, String found) {
            problems.add(new ConfigProblem(key, expected, found));
        }

        int problemCount() {
            return problems.size();
        }

        /** [staff]: the PIN's hash (verified with {@link StaffPinHash} in staff mode) and the ways into maintenance mode (ADR 0070). */
        private StaffSettings staff() {
            StaffSettings d = StaffSettings.DEFAULTS;
            int before = problems.size();
            Optional<String> hash = optionalText("staff", "pin_hash");
            hash.filter(h -> !StaffPinHash.isWellFormed(h)).ifPresent(h -> problems.add(new ConfigProblem(
                    "staff.pin_hash", "a hash written by `kioskctl set-staff-pin` (pbkdf2-sha256$ITERATIONS$SALT$HASH, at least "
                    + StaffPinHash.MIN_ITERATIONS + " iterations)", "something else")));
            Set<String> cards = texts("staff", "cards", "a list of staff card numbers in quotes, e.g. [\"29990001\"]",
                    "card numbers in quotes, e.g. [\"29990001\"]");
            Optional<Pattern> pattern = optionalText("staff", "card_pattern").flatMap(p -> {
                try {
                    return Optional.of(Pattern.compile(p));
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add(new ConfigProblem("staff.card_pattern",
                            "a regular expression the whole staff card number matches, e.g. \"2999\\\\d{4}\"", quote(p)));
                    return Optional.empty();
                }
            });
            Set<String> categories = texts("staff", "categories",
                    "a list of the server's staff patron category codes in quotes, e.g. [\"STAFF\"]",
                    "category codes in quotes, e.g. [\"STAFF\"]");
            boolean keySwitch = bool("staff", "key_switch", d.keySwitch());
            boolean namePress = bool("staff", "name_press", d.namePress());
            Duration idle = minutes("staff", "idle_minutes", d.idleTimeout(), 1, 30);
            if (problems.size() > before) {
                return d;
            }
            return new StaffSettings(hash, cards, pattern, keySwitch, namePress, idle, categories);
        }

        // A list of texts in quotes, each stripped and not blank; absent: none. Problems name the key.
        private Set<String> texts(String section, String key, String expectedList, String expectedItem) {
            Set<String> values = new java.util.HashSet<>();
            JsonNode list = root.path(section).get(key);
            if (list == null) {
                return values;
            }
            if (!list.isArray()) {
                problems.add(new ConfigProblem(section + "." + key, expectedList, describe(list)));
                return values;
            }
            for (JsonNode n : list) {
                if (!n.isTextual() || n.asText().isBlank()) {
                    problems.add(new ConfigProblem(section + "." + key, expectedItem, describe(n)));
                } else {
                    values.add(n.asText().strip());
                }
            }
            return values;
        }

        private SearchSettings search() {
            Optional<String> template = optionalText("search", "web_opac_url");
            template.ifPresent(t -> {
                if (!t.startsWith("https://") && !t.startsWith("http://") || !t.contains("{id}")) {
                    problems.add(new ConfigProblem("search.web_opac_url",
                            "an http(s):// address containing {id}, e.g. \"https://opac.example.jp/record/{id}\"", quote(t)));
                }
            });
            Duration interval = minutes("search", "sync_interval_minutes", SearchSettings.DEFAULTS.syncInterval(), 1, 1440);
            return new SearchSettings(template, interval);
        }

        private OfflineSettings offline() {
            int perCard = count("offline", "holds_per_card", OfflineSettings.DEFAULTS.holdsPerCard(), 0, 20);
            int perKiosk = count("offline", "holds_per_kiosk", OfflineSettings.DEFAULTS.holdsPerKiosk(), 0, 10_000);
            // at least an hour (staff look back at the day's work), at most 30 days (the outbox holds card numbers)
            Duration retention = Duration.ofHours(count("offline", "done_retention_hours",
                    (int) OfflineSettings.DEFAULT_DONE_RETENTION.toHours(), 1, 720));
            if (perKiosk < perCard) {
                problems.add(new ConfigProblem("offline.holds_per_kiosk", "at least offline.holds_per_card (" + perCard + ")", Integer.toString(perKiosk)));
                return OfflineSettings.DEFAULTS;
            }
            return new OfflineSettings(perCard, perKiosk, retention);
        }

        private Duration minutes(String section, String key, Duration dflt, int min, int max) {
            return Duration.ofMinutes(count(section, key, (int) dflt.toMinutes(), min, max));
        }

        int count(String section, String key, int dflt, int min, int max) {
            JsonNode n = root.path(section).get(key);
            if (n == null) {
                return dflt;
            }
            if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
                problems.add(new ConfigProblem(section + "." + key, "a whole number from " + min + " to " + max, describe(n)));
                return dflt;
            }
            return n.asInt();
        }

        private void checkUnknownKeys() {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                var section = it.next();
                Set<String> known = KNOWN_KEYS.get(section.getKey());
                if (known == null) {
                    problems.add(new ConfigProblem(section.getKey(), "one of the sections " + KNOWN_KEYS.keySet(),
                            "an unknown " + (section.getValue().isObject() ? "section [" + section.getKey() + "]" : "top-level key")));
                    continue;
                }
                if (!section.getValue().isObject()) {
                    problems.add(new ConfigProblem(section.getKey(), "a table [" + section.getKey() + "]", describe(section.getValue())));
                    continue;
                }
                section.getValue().fieldNames().forEachRemaining(k -> {
                    if (!known.contains(k)) {
                        problems.add(new ConfigProblem(section.getKey() + "." + k,
                                "one of the keys " + new TreeSet<>(known) + " in [" + section.getKey() + "]", "an unknown key"));
                    }
                });
            }
        }

        private LibrarySettings library() {
            if (!root.has("library")) {
                return LibrarySettings.DEMO;
            }
            String name = requiredText("library", "name", "the library's name, e.g. \"みどり市立図書館\"");
            String nameEn = optionalText("library", "name_en").orElse(name);
            String branch = requiredText("library", "branch", "the branch code the server uses (Koha library_id), e.g. \"CEN\"");
            if (branch != null && !BRANCH.matcher(branch).matches()) {
                problems.add(new ConfigProblem("library.branch", "1–10 letters, digits, '-' or '_' (Koha library_id)", quote(branch)));
            }
            String color = optionalText("library", "accent_color").orElse(LibrarySettings.DEMO.accentColor());
            if (!COLOR.matcher(color).matches()) {
                problems.add(new ConfigProblem("library.accent_color", "a colour as #RRGGBB, e.g. \"#1F6F8B\"", quote(color)));
            }
            java.util.OptionalInt maxHolds = root.path("library").has("max_holds")
                    ? java.util.OptionalInt.of(count("library", "max_holds", 1, 1, 999)) : java.util.OptionalInt.empty();
            return name == null || branch == null ? LibrarySettings.DEMO
                    : new LibrarySettings(name, nameEn, branch, color, maxHolds);
        }

        private Optional<ServerSettings> server() {
            int before = problems.size();
            URI url = null;
            String rawUrl = requiredText("server", "url", "the server's https:// address, e.g. \"https://koha.example.jp\"");
            if (rawUrl != null) {
                try {
                    url = new URI(rawUrl);
                    if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                        problems.add(new ConfigProblem("server.url", "an https:// URL with a host name, e.g. \"https://koha.example.jp\"", quote(rawUrl)));
                    }
                } catch (URISyntaxException e) {
                    problems.add(new ConfigProblem("server.url", "an https:// URL, e.g. \"https://koha.example.jp\"", quote(rawUrl)));
                }
            }
            List<String> pins = pins();
            Optional<Path> caFile = optionalText("server", "ca_file").map(this::resolve);
            if (pins.isEmpty() && caFile.isEmpty()) {
                problems.add(new ConfigProblem("server.pins", "either pins = [\"sha256/…\"] or ca_file = \"…\" (the kiosk never trusts the system's CA list)", "neither"));
            } else if (!pins.isEmpty() && caFile.isPresent()) {
                problems.add(new ConfigProblem("server.pins", "either pins or ca_file, not both", "both"));
            }
            caFile.ifPresent(ca -> {
                if (!Files.isReadable(ca)) {
                    problems.add(new ConfigProblem("server.ca_file", "a readable PEM file", "no readable file at " + ca));
                }
            });
            ServerSettings.AuthMethod auth = optionalText("server", "auth").map(a -> switch (a) {
                case "oauth2" -> ServerSettings.AuthMethod.OAUTH2;
                case "basic" -> ServerSettings.AuthMethod.BASIC;
                default -> {
                    problems.add(new ConfigProblem("server.auth", "\"oauth2\" or \"basic\"", quote(a)));
                    yield ServerSettings.AuthMethod.OAUTH2;
                }
            }).orElse(ServerSettings.AuthMethod.OAUTH2);
            String clientId = requiredText("server", "client_id", "the API client id of this kiosk");
            Secret secret = clientSecret();
            Duration connect = seconds("server", "connect_timeout_seconds", ServerSettings.DEFAULT_CONNECT_TIMEOUT, 1, 60);
            Duration response = seconds("server", "response_timeout_seconds", ServerSettings.DEFAULT_RESPONSE_TIMEOUT, 1, 120);
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new ServerSettings(url, pins, pins.isEmpty() ? caFile : Optional.empty(), auth,
                    clientId, secret, connect, response));
        }

        private List<String> pins() {
            JsonNode node = root.path("server").get("pins");
            if (node == null) {
                return List.of();
            }
            if (!node.isArray() || node.isEmpty()) {
                problems.add(new ConfigProblem("server.pins", "a list of one or more \"sha256/BASE64\" pins (primary first, then backups)", describe(node)));
                return List.of();
            }
            List<String> pins = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode p = node.get(i);
                if (!p.isTextual() || !PIN.matcher(p.asText()).matches() || Base64.getDecoder().decode(p.asText().substring(7)).length != 32) {
                    problems.add(new ConfigProblem("server.pins[" + i + "]", "\"sha256/\" followed by 44 base64 characters (a SHA-256 public-key pin)", describe(p)));
                } else {
                    pins.add(p.asText());
                }
            }
            return pins;
        }

        private Secret clientSecret() {
            Optional<String> inline = optionalText("server", "client_secret");
            Optional<String> fromFile = optionalText("server", "client_secret_file");
            if (inline.isPresent() && fromFile.isPresent()) {
                problems.add(new ConfigProblem("server.client_secret_file", "either client_secret_file or client_secret, not both", "both"));
                return null;
            }
            if (inline.isPresent()) {
                return new Secret(inline.get());
            }
            if (fromFile.isEmpty()) {
                problems.add(new ConfigProblem("server.client_secret_file", "the path of a file holding the API client secret (or client_secret inline)", "missing"));
                return null;
            }
            Path path = resolve(fromFile.get());
            try {
                String s = Files.readString(path, StandardCharsets.UTF_8).strip();
                if (s.isEmpty()) {
                    problems.add(new ConfigProblem("server.client_secret_file", "a file holding the client secret", "an empty file at " + path));
                    return null;
                }
                return new Secret(s);
            } catch (IOException e) {
                problems.add(new ConfigProblem("server.client_secret_file", "a readable file holding the client secret",
                        (Files.exists(path) ? "a file the kiosk cannot read at " : "no file at ") + path));
                return null;
            }
        }

        private UiSettings ui() {
            UiSettings d = UiSettings.DEFAULTS;
            Locale language = optionalText("ui", "language").map(l -> switch (l) {
                case "ja" -> Locale.JAPANESE;
                case "en" -> Locale.ENGLISH;
                default -> {
                    problems.add(new ConfigProblem("ui.language", "\"ja\" or \"en\"", quote(l)));
                    yield d.defaultLanguage();
                }
            }).orElse(d.defaultLanguage());
            Duration idle = seconds("ui", "idle_timeout_seconds", d.idleTimeout(), 15, 3600);
            Duration countdown = seconds("ui", "countdown_seconds", d.countdown(), 5, 120);
            UiSettings.TextSize size = optionalText("ui", "text_size").map(t -> switch (t) {
                case "normal" -> UiSettings.TextSize.NORMAL;
                case "large" -> UiSettings.TextSize.LARGE;
                default -> {
                    problems.add(new ConfigProblem("ui.text_size", "\"normal\" or \"large\"", quote(t)));
                    yield d.textSize();
                }
            }).orElse(d.textSize());
            // the hard end of a patron session however busy they are (issue 4); at least the idle timeout's scale
            Duration maximum = minutes("ui", "session_maximum_minutes", d.sessionMaximum(), 1, 120);
            return new UiSettings(language, idle, countdown, size, maximum);
        }

        private Duration seconds(String section, String key, Duration dflt, int min, int max) {
            JsonNode n = root.path(section).get(key);
            if (n == null) {
                return dflt;
            }
            if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
                problems.add(new ConfigProblem(section + "." + key, "a whole number of seconds from " + min + " to " + max, describe(n)));
                return dflt;
            }
            return Duration.ofSeconds(n.asLong());
        }

        private String requiredText(String section, String key, String expected) {
            JsonNode n = root.path(section).get(key);
            if (n == null) {
                problems.add(new ConfigProblem(section + "." + key, expected, "missing"));
                return null;
            }
            if (!n.isTextual() || n.asText().isBlank()) {
                problems.add(new ConfigProblem(section + "." + key, expected, describe(n)));
                return null;
            }
            return n.asText();
        }

        Optional<String> optionalText(String section, String key) {
            JsonNode n = root.path(section).get(key);
            if (n == null) {
                return Optional.empty();
            }
            if (!n.isTextual() || n.asText().isBlank()) {
                // never echo a secret back into a message that ends up in a log
                String found = key.contains("secret") && !n.isTextual() ? "a value that is not a string" : describe(n);
                problems.add(new ConfigProblem(section + "." + key, "a non-empty string in quotes", found));
                return Optional.empty();
            }
            return Optional.of(n.asText());
        }

        private Path resolve(String p) {
            Path path = Path.of(p);
            return path.isAbsolute() ? path : baseDir.resolve(path).normalize();
        }

        static String describe(JsonNode n) {
            if (n.isTextual()) {
                return n.asText().isBlank() ? "an empty string" : quote(n.asText());
            }
            if (n.isArray()) {
                return n.isEmpty() ? "an empty list" : "a list";
            }
            if (n.isObject()) {
                return "a table";
            }
            return n.toString();
        }

        static String quote(String s) {
            return "\"" + s + "\"";
        }
    }
}

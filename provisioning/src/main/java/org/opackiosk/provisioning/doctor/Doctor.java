package org.opackiosk.provisioning.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.provisioning.check.Check;
import org.opackiosk.provisioning.check.ServerCheck;
import org.opackiosk.provisioning.enroll.Enrollment;

/**
 * Every check a technician would make on an installed kiosk, in the order one would fix them, each
 * failure with what to do. Reads the machine only through a {@link SystemView}; changes nothing.
 */
public final class Doctor {

    public static final Path DEFAULT_CONFIG = Path.of("/etc/opac-kiosk/kiosk.toml");
    static final String USER = Enrollment.KIOSK_USER;
    /** Serial scanners and printers, GPIO, the display and GPU, touch and keyboard-wedge scanners. */
    static final List<String> GROUPS = List.of("dialout", "gpio", "video", "render", "input");
    static final long MIN_FREE_BYTES = 500L * 1024 * 1024;
    private static final Pattern CJK_FONT = Pattern.compile("(?i).*(NotoSansCJK|NotoSerifCJK|NotoSansMonoCJK|ipag|ipam|ipaex).*");

    private final SystemView system;
    private final Path configFile;
    private final Clock clock;

    public Doctor(SystemView system, Optional<Path> configFile, Clock clock) {
        this.system = system;
        this.configFile = configFile.orElse(system.path(DEFAULT_CONFIG.toString()));
        this.clock = clock;
    }

    public List<Check> run() throws IOException {
        List<Check> checks = new ArrayList<>();
        Optional<KioskConfig> config = configuration(checks);
        checks.add(staffPin());
        checks.add(japaneseFont());
        checks.add(executable("cage", "/usr/bin/cage", "the kiosk compositor", "sudo apt-get install cage"));
        checks.add(executable("XWayland", "/usr/bin/Xwayland", "JavaFX draws through it", "sudo apt-get install xwayland"));
        checks.add(gtk());
        checks.add(seatd());
        Optional<SystemView.Account> user = system.user(USER);
        checks.add(kioskUser(user));
        checks.addAll(devices(user));
        checks.addAll(directories(user, config));
        config.flatMap(KioskConfig::server).ifPresent(s -> checks.addAll(new ServerCheck(clock).run(s, Optional.empty())));
        checks.add(clockSynchronised());
        checks.add(diskSpace(config));
        checks.add(journalRetention());
        checks.add(service());
        return checks;
    }

    private Optional<KioskConfig> configuration(List<Check> checks) {
        String hint = "Enroll the kiosk: sudo kioskctl enroll --server https://… --client-id … --client-secret … --pin … --branch … (docs/installation.md).";
        if (!Files.exists(configFile)) {
            checks.add(Check.fail("configuration", "no " + configFile + ": the kiosk runs in demo mode", hint));
            return Optional.empty();
        }
        ConfigResult result = new ConfigLoader().load(configFile, Path.of("/var/lib/opac-kiosk"));
        switch (result) {
            case ConfigResult.Invalid invalid -> {
                List<String> messages = invalid.messages();
                checks.add(Check.fail("configuration", messages.get(0) + (messages.size() > 1 ? " (and " + (messages.size() - 1) + " more)" : ""),
                        "Fix the file (docs/configuration.md); `kioskctl config validate " + configFile + "` lists every problem."
                                + " Unreadable files: run the doctor as root (sudo)."));
                return Optional.empty();
            }
            case ConfigResult.Valid valid -> {
                KioskConfig c = valid.config();
                if (c.server().isEmpty()) {
                    checks.add(Check.fail("configuration", configFile + " has no [server]: the kiosk runs in demo mode", hint));
                } else {
                    checks.add(Check.pass("configuration", configFile + ": " + c.library().nameJa() + ", branch " + c.library().branchId()
                            + ", server " + c.server().get().url()));
                }
                return Optional.of(c);
            }
        }
    }

    private Check staffPin() {
        Optional<String> hash = rawConfig().map(t -> t.path("staff").path("pin_hash")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (hash.isPresent() && StaffPinHash.isWellFormed(hash.get())) {
            return Check.pass("staff PIN", "set (a PBKDF2-SHA256 hash in [staff] pin_hash)");
        }
        return Check.fail("staff PIN", hash.isPresent() ? "[staff] pin_hash is not a hash kioskctl wrote" : "not set: staff cannot open staff mode with a PIN",
                "sudo kioskctl set-staff-pin");
    }

    private Check japaneseFont() throws IOException {
        for (String dir : List.of("/usr/share/fonts", "/usr/local/share/fonts")) {
            Path d = system.path(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.walk(d)) {
                    Optional<Path> font = files.filter(p -> CJK_FONT.matcher(p.getFileName().toString()).matches()).findFirst();
                    if (font.isPresent()) {
                        return Check.pass("Japanese font", "/" + system.root().relativize(font.get()));
                    }
                }
            }
        }
        return Check.fail("Japanese font", "no Noto CJK or IPA font under /usr/share/fonts: Japanese text draws as empty boxes",
                "sudo apt-get install fonts-noto-cjk");
    }

    private Check executable(String name, String path, String what, String hint) {
        Path p = system.path(path);
        return Files.isExecutable(p) && Files.isRegularFile(p)
                ? Check.pass(name, path + " (" + what + ")")
                : Check.fail(name, "no " + path + " (" + what + ")", hint);
    }

    private Check gtk() throws IOException {
        Path lib = system.path("/usr/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.find(lib, 2, (p, a) -> p.getFileName().toString().equals("libgtk-3.so.0"))) {
                Optional<Path> found = files.findFirst();
                if (found.isPresent()) {
                    return Check.pass("GTK 3", "/" + system.root().relativize(found.get()));
                }
            }
        }
        return Check.fail("GTK 3", "no libgtk-3.so.0: JavaFX cannot open a window", "sudo apt-get install libgtk-3-0");
    }

    private Check kioskUser(Optional<SystemView.Account> user) throws IOException {
        if (user.isEmpty()) {
            return Check.fail("kiosk user", "there is no user " + USER,
                    "Install the opac-kiosk package (it creates the user), or: sudo systemd-sysusers opac-kiosk.conf");
        }
        Set<Integer> gids = system.gidsOf(user.get());
        List<String> missing = new ArrayList<>();
        for (String name : GROUPS) {
            Optional<SystemView.Group> g = system.group(name);
            if (g.isEmpty() || !gids.contains(g.get().gid())) {
                missing.add(name + (g.isEmpty() ? " (no such group)" : ""));
            }
        }
        if (!missing.isEmpty()) {
            return Check.fail("kiosk user", USER + " is not in the groups " + String.join(", ", missing),
                    "sudo systemd-sysusers opac-kiosk.conf (creates missing groups and memberships), then sudo systemctl restart opac-kiosk");
        }
        return Check.pass("kiosk user", USER + " (uid " + user.get().uid() + ") is in " + String.join(", ", GROUPS));
    }

    /** The scanner's and printer's device files named in the configuration: present, and read-writable by the kiosk's user. */
    private List<Check> devices(Optional<SystemView.Account> user) throws IOException {
        Map<String, String> devices = new TreeMap<>();
        Optional<JsonNode> raw = rawConfig();
        raw.map(t -> t.path("scanner").path("port")).filter(JsonNode::isTextual).ifPresent(p -> devices.put("scanner", p.asText()));
        raw.map(t -> t.path("printer")).ifPresent(printer -> Stream.of("port", "device").map(printer::path)
                .filter(JsonNode::isTextual).findFirst().ifPresent(p -> devices.put("printer", p.asText())));
        if (devices.isEmpty()) {
            return List.of(Check.pass("devices", "no serial scanner or printer configured (keyboard-wedge and camera scanners need no device file)"));
        }
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, String> d : devices.entrySet()) {
            Path p = system.path(d.getValue());
            Optional<SystemView.Ownership> o = system.ownership(p);
            if (o.isEmpty()) {
                checks.add(Check.fail(d.getKey(), "no device file " + d.getValue(),
                        "Plug the " + d.getKey() + " in and check the cable; list serial devices with ls -l /dev/serial/by-id/."
                                + (d.getKey().equals("scanner") ? " Scanners of the common makers appear as /dev/opac-scanner (udev rule of the package)." : "")));
            } else if (user.isEmpty() || !accessible(o.get(), user.get())) {
                checks.add(Check.fail(d.getKey(), d.getValue() + " (mode " + o.get().modeText() + ", group " + groupName(o.get().gid())
                                + ") cannot be read and written by " + USER,
                        "Add " + USER + " to the device's group (sudo usermod -aG " + groupName(o.get().gid()) + " " + USER
                                + ") or give the device group dialout with a udev rule, then restart the kiosk."));
            } else {
                checks.add(Check.pass(d.getKey(), d.getValue() + " (mode " + o.get().modeText() + ", group " + groupName(o.get().gid()) + ")"));
            }
        }
        return checks;
    }

    private boolean accessible(SystemView.Ownership o, SystemView.Account user) throws IOException {
        return (o.uid() == user.uid() && (o.mode() & 0600) == 0600)
                || (system.gidsOf(user).contains(o.gid()) && (o.mode() & 0060) == 0060)
                || (o.mode() & 0006) == 0006;
    }

    private List<Check> directories(Optional<SystemView.Account> user, Optional<KioskConfig> config) throws IOException {
        Optional<Integer> kioskGid = system.group(Enrollment.KIOSK_GROUP).map(SystemView.Group::gid);
        int rootUid = system.user("root").map(SystemView.Account::uid).orElse(0);
        Optional<Integer> kioskUid = user.map(SystemView.Account::uid);
        Path state = config.map(c -> system.path(c.stateDirectory())).orElse(system.path("/var/lib/opac-kiosk"));
        Path secret = rawConfig().map(t -> t.path("server").path("client_secret_file")).filter(JsonNode::isTextual)
                .map(n -> configFile.resolveSibling(n.asText())).map(system::path)
                .orElse(configFile.resolveSibling(Enrollment.SECRET_FILE));
        String tmpfiles = "sudo systemd-tmpfiles --create opac-kiosk.conf makes the directories with their owners and modes.";
        String enroll = "enrolling again (sudo kioskctl enroll …) rewrites the files with their modes.";
        return List.of(
                owned("config directory", configFile.getParent(), Optional.of(rootUid), kioskGid, true, Set.of(0750), tmpfiles),
                owned("config file", configFile, Optional.of(rootUid), kioskGid, true, Set.of(0640), enroll),
                owned("client secret", secret, kioskUid, Optional.empty(), false, Set.of(0400, 0600), enroll),
                owned("state directory", state, kioskUid, kioskGid, true, Set.of(0750, 0700), tmpfiles),
                owned("log directory", system.path("/var/log/opac-kiosk"), kioskUid, kioskGid, true, Set.of(0750, 0700), tmpfiles));
    }

    /** A file or folder with one of {@code modes}, owned by {@code uid} and, when {@code groupMatters}, by group {@code gid}; empty ids: no such account. */
    private Check owned(String name, Path path, Optional<Integer> uid, Optional<Integer> gid, boolean groupMatters, Set<Integer> modes,
                        String hint) throws IOException {
        String shown = "/" + system.root().relativize(path.toAbsolutePath());
        Optional<SystemView.Ownership> o = system.ownership(path);
        if (o.isEmpty()) {
            return Check.fail(name, "no " + shown, hint);
        }
        String expected = modes.stream().map(m -> String.format("%04o", m)).sorted().collect(Collectors.joining(" or "));
        List<String> wrong = new ArrayList<>();
        if (!modes.contains(o.get().mode())) {
            wrong.add("mode " + o.get().modeText() + " (expected " + expected + ")");
        }
        if (uid.isPresent() && o.get().uid() != uid.get()) {
            wrong.add("owner " + userName(o.get().uid()) + " (expected " + userName(uid.get()) + ")");
        }
        if (gid.isPresent() && o.get().gid() != gid.get()) {
            wrong.add("group " + groupName(o.get().gid()) + " (expected " + groupName(gid.get()) + ")");
        }
        if (uid.isEmpty() || groupMatters && gid.isEmpty()) {
            wrong.add("there is no user or group " + USER + " to own it");
        }
        String actual = shown + " " + o.get().modeText() + " " + userName(o.get().uid()) + ":" + groupName(o.get().gid());
        return wrong.isEmpty() ? Check.pass(name, actual) : Check.fail(name, actual + ": " + String.join(", ", wrong), hint);
    }

    private String userName(int uid) throws IOException {
        Path passwd = system.path("/etc/passwd");
        if (Files.isReadable(passwd)) {
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && f[2].equals(Integer.toString(uid))) {
                    return f[0];
                }
            }
        }
        return "uid " + uid;
    }

    private String groupName(int gid) throws IOException {
        return system.groups().stream().filter(g -> g.gid() == gid).map(SystemView.Group::name).findFirst().orElse("gid " + gid);
    }

    private Check clockSynchronised() {
        Optional<CommandRunner.Result> r = system.commands().run(List.of("timedatectl", "show", "-p", "NTPSynchronized", "--value"));
        String hint = "Turn on time synchronisation (sudo timedatectl set-ntp true) and let the kiosk reach an NTP server:"
                + " a Raspberry Pi has no battery clock, and a wrong clock breaks TLS and the idle timers.";
        if (r.isEmpty()) {
            return Check.fail("clock", "timedatectl is not available, so synchronisation is unknown", hint);
        }
        String answer = r.get().stdout().strip();
        if (answer.isEmpty()) {
            return Check.fail("clock", "timedatectl could not tell (exit " + r.get().exitCode() + "; is systemd running?)", hint);
        }
        return "yes".equals(answer)
                ? Check.pass("clock", "synchronised (NTP)")
                : Check.fail("clock", "not synchronised (timedatectl: NTPSynchronized=" + answer + ")", hint);
    }

    private Check diskSpace(Optional<KioskConfig> config) {
        Path state = config.map(c -> system.path(c.stateDirectory())).orElse(system.path("/var/lib/opac-kiosk"));
        Path existing = state;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String where = existing == null ? "/" : existing.toString();
        Optional<CommandRunner.Result> r = system.commands().run(List.of("df", "-P", "-k", where));
        Optional<Long> freeKb = r.filter(x -> x.exitCode() == 0).flatMap(x -> x.stdout().lines().skip(1).findFirst())
                .map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 4).flatMap(f -> {
                    try {
                        return Optional.of(Long.parseLong(f[3]));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
        String hint = "Free space: sudo apt-get clean; sudo journalctl --vacuum-size=100M; or use a larger SD card.";
        if (freeKb.isEmpty()) {
            return Check.fail("disk space", "df could not tell the free space at " + where, hint);
        }
        long mb = freeKb.get() / 1024;
        return freeKb.get() * 1024 >= MIN_FREE_BYTES
                ? Check.pass("disk space", mb + " MB free for the state directory")
                : Check.fail("disk space", "only " + mb + " MB free for the state directory (the catalogue index and database need " + MIN_FREE_BYTES / 1024 / 1024 + " MB)", hint);
    }

    /** The kiosk logs into its own journal namespace, whose retention is limited (privacy policy: 24 h by default). */
    private Check journalRetention() throws IOException {
        String hint = "Reinstall the opac-kiosk package (it ships LogNamespace=opac-kiosk and journald@opac-kiosk.conf.d with MaxRetentionSec=24h).";
        Optional<String> namespace = unitSetting("LogNamespace");
        if (!namespace.equals(Optional.of("opac-kiosk"))) {
            return Check.fail("journal retention", "opac-kiosk.service does not log to its own journal namespace, so the system's retention applies", hint);
        }
        Optional<String> retention = Optional.empty();
        for (Path file : journaldFiles()) {
            Optional<String> v = setting(file, "MaxRetentionSec");
            if (v.isPresent()) {
                retention = v;
            }
        }
        Optional<Duration> limit = retention.flatMap(Doctor::timespan).filter(d -> !d.isZero());
        if (limit.isEmpty()) {
            return Check.fail("journal retention", "no MaxRetentionSec for the namespace opac-kiosk: its logs are kept until the disk is full", hint);
        }
        String text = retention.get() + (limit.get().compareTo(Duration.ofHours(24)) > 0 ? " (longer than the default 24 h: make sure the privacy policy allows it)" : "");
        return Check.pass("journal retention", "the kiosk's journal keeps entries for " + text);
    }

    private List<Path> journaldFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path main = system.path("/etc/systemd/journald@opac-kiosk.conf");
        if (Files.isRegularFile(main)) {
            files.add(main);
        }
        // drop-ins: by file name across the folders; /etc hides /run hides /usr/lib for the same name
        Map<String, Path> dropIns = new TreeMap<>();
        for (String dir : List.of("/usr/lib/systemd", "/run/systemd", "/etc/systemd")) {
            Path d = system.path(dir + "/journald@opac-kiosk.conf.d");
            if (Files.isDirectory(d)) {
                try (Stream<Path> list = Files.list(d)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".conf")).forEach(p -> dropIns.put(p.getFileName().toString(), p));
                }
            }
        }
        files.addAll(dropIns.values());
        return files;
    }

    /** A setting of opac-kiosk.service, drop-ins in /etc included; the last assignment wins. */
    private Optional<String> unitSetting(String key) throws IOException {
        Optional<String> value = Optional.empty();
        for (String dir : List.of("/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system")) {
            Path unit = system.path(dir + "/opac-kiosk.service");
            if (Files.isRegularFile(unit)) {
                value = setting(unit, key);
                break;
            }
        }
        Path dropIns = system.path("/etc/systemd/system/opac-kiosk.service.d");
        if (Files.isDirectory(dropIns)) {
            try (Stream<Path> list = Files.list(dropIns)) {
                for (Path p : list.filter(f -> f.toString().endsWith(".conf")).sorted().toList()) {
                    Optional<String> v = setting(p, key);
                    if (v.isPresent()) {
                        value = v;
                    }
                }
            }
        }
        return value;
    }

    private static Optional<String> setting(Path file, String key) throws IOException {
        Optional<String> value = Optional.empty();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.startsWith(key + "=")) {
                value = Optional.of(l.substring(key.length() + 1).strip());
            }
        }
        return value;
    }

    private static final Pattern SPAN = Pattern.compile("(\\d+)\\s*(usec|us|msec|ms|seconds?|sec|s|minutes?|min|months?|m|hours?|hr|h|days?|d|weeks?|w|M|years?|y)?");

    /** systemd's time span: {@code 24h}, {@code 1d 12h}, {@code 86400} (seconds). Empty when it is not one. */
    static Optional<Duration> timespan(String text) {
        Matcher m = SPAN.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        String rest = text.strip();
        while (end < rest.length()) {
            if (!m.find(end) || m.start() != end) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            total = total.plus(switch (unit.equals("M") ? "month" : unit.toLowerCase(Locale.ROOT)) {
                case "us", "usec" -> Duration.ofNanos(n * 1000);
                case "ms", "msec" -> Duration.ofMillis(n);
                case "m", "min", "minute", "minutes" -> Duration.ofMinutes(n);
                case "h", "hr", "hour", "hours" -> Duration.ofHours(n);
                case "d", "day", "days" -> Duration.ofDays(n);
                case "w", "week", "weeks" -> Duration.ofDays(7 * n);
                case "month", "months" -> Duration.ofSeconds(2_629_800L * n);
                case "y", "year", "years" -> Duration.ofSeconds(31_557_600L * n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
            while (end < rest.length() && rest.charAt(end) == ' ') {
                end++;
            }
        }
        return Optional.of(total);
    }

    /** cage opens the screen and input devices through seatd, not a logind session (ADR 0095). */
    private Check seatd() {
        String hint = "sudo apt-get install seatd && sudo systemctl enable --now seatd";
        Path exe = system.path("/usr/bin/seatd");
        if (!Files.isExecutable(exe) || !Files.isRegularFile(exe)) {
            return Check.fail("seatd", "no /usr/bin/seatd: cage cannot open the screen and the touch panel", hint);
        }
        String a = system.commands().run(List.of("systemctl", "is-active", "seatd.service"))
                .map(r -> r.stdout().strip()).filter(s -> !s.isEmpty()).orElse("unknown");
        return a.equals("active")
                ? Check.pass("seatd", "seatd.service is active (cage gets the screen and input devices from it)")
                : Check.fail("seatd", "seatd.service is " + a + ": cage cannot open the screen and the touch panel", hint);
    }

    private Check service() {
        Optional<CommandRunner.Result> enabled = system.commands().run(List.of("systemctl", "is-enabled", "opac-kiosk.service"));
        Optional<CommandRunner.Result> active = system.commands().run(List.of("systemctl", "is-active", "opac-kiosk.service"));
        String e = enabled.map(r -> r.stdout().strip()).filter(s -> !s.isEmpty()).orElse("unknown");
        String a = active.map(r -> r.stdout().strip()).filter(s -> !s.isEmpty()).orElse("unknown");
        String detail = e.equals("unknown") && a.equals("unknown")
                ? "systemctl could not tell whether opac-kiosk.service runs (is systemd running?)"
                : "opac-kiosk.service is " + e + " and " + a;
        return e.equals("enabled") && a.equals("active")
                ? Check.pass("service", detail)
                : Check.fail("service", detail, "sudo systemctl enable --now opac-kiosk; why it stopped: systemctl status opac-kiosk"
                        + " and journalctl --namespace=opac-kiosk -b");
    }

    private Optional<JsonNode> rawConfig() {
        try {
            return Files.isReadable(configFile) ? Optional.of(new TomlMapper().readTree(configFile.toFile())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

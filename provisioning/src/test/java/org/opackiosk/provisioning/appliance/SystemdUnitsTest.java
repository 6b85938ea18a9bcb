package org.opackiosk.provisioning.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files in systemd/ that the package installs: systemd accepts them, the unit's exposure
 * score stays at most 4.0, and every unusual line says why.
 */
class SystemdUnitsTest {

    static final Path SYSTEMD = Path.of("..", "systemd").toAbsolutePath().normalize();
    static final Path UNIT = SYSTEMD.resolve("opac-kiosk.service");

    /** Directives whose name says all; every other one needs a comment. */
    private static final Set<String> SELF_EXPLAINING = Set.of(
            "Description", "Documentation", "Type", "User", "Group", "Wants", "After",
            "StateDirectory", "LogsDirectory", "ConfigurationDirectory", "RuntimeDirectory",
            "StateDirectoryMode", "LogsDirectoryMode", "ConfigurationDirectoryMode", "RuntimeDirectoryMode",
            "NoNewPrivileges", "ProtectSystem", "ProtectHome", "ProtectKernelTunables", "ProtectKernelModules",
            "ProtectKernelLogs", "ProtectControlGroups", "ProtectHostname", "RestrictNamespaces", "RestrictRealtime",
            "RestrictSUIDSGID", "LockPersonality", "SystemCallArchitectures", "TimeoutStopSec");
    private static final Pattern DIRECTIVE = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)=.*");

    @Test
    void systemdAnalyzeVerifiesTheUnit() throws Exception {
        Path analyze = systemdAnalyze();

        Commands.Run run = Commands.run(SYSTEMD, List.of(analyze.toString(), "verify", UNIT.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as("warnings about the unit").doesNotContain("opac-kiosk");
    }

    @Test
    void theExposureScoreIsAtMostFour() throws Exception {
        Path analyze = systemdAnalyze();

        Commands.Run run = Commands.run(SYSTEMD, List.of(analyze.toString(), "security", "--offline=true", "--threshold=40", UNIT.toString()));

        Matcher m = Pattern.compile("Overall exposure level for opac-kiosk.service: (\\d+\\.\\d)").matcher(run.output());
        assertThat(m.find()).as(run.output()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as("exposure score (docs/appliance.md)").isLessThanOrEqualTo(4.0);
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void sysusersMakesTheUserInTheDeviceGroups(@TempDir Path root) throws Exception {
        Path sysusers = Commands.find("systemd-sysusers").orElse(null);
        assumeTrue(sysusers != null, "systemd-sysusers is not installed (Debian package systemd)");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\ndialout:x:20:\nvideo:x:44:\n");

        Commands.Run run = Commands.run(root, List.of(sysusers.toString(), "--root=" + root, SYSTEMD.resolve("sysusers.d/opac-kiosk.conf").toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readString(root.resolve("etc/passwd"))).containsPattern("opac-kiosk:x:\\d+:\\d+:OPAC kiosk:/var/lib/opac-kiosk:/usr/sbin/nologin");
        String groups = Files.readString(root.resolve("etc/group"));
        for (String g : List.of("dialout", "video", "render", "input", "gpio")) {
            assertThat(groups).containsPattern("(?m)^" + g + ":x:\\d+:.*opac-kiosk");
        }
    }

    @Test
    void tmpfilesMakesTheDirectoriesWithTheirModes(@TempDir Path root) throws Exception {
        Path tmpfiles = Commands.find("systemd-tmpfiles").orElse(null);
        assumeTrue(tmpfiles != null, "systemd-tmpfiles is not installed (Debian package systemd)");
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("var/lib"));
        Files.createDirectories(root.resolve("var/log"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nopac-kiosk:x:990:990::/var/lib/opac-kiosk:/usr/sbin/nologin\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nopac-kiosk:x:990:\n");

        Commands.Run run = Commands.run(root, List.of(tmpfiles.toString(), "--root=" + root, "--create", SYSTEMD.resolve("tmpfiles.d/opac-kiosk.conf").toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        for (String dir : List.of("etc/opac-kiosk", "var/lib/opac-kiosk", "var/log/opac-kiosk")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(dir))))
                    .as(dir).isEqualTo("rwxr-x---");
        }
    }

    @Test
    void thePolkitRuleLetsOnlyTheKioskUserRebootAndPowerOff() throws Exception {
        Path node = Commands.find("node").orElse(null);
        assumeTrue(node != null, "node is not installed: the polkit rule's JavaScript is not run");
        String harness = """
                const rules = [];
                const polkit = { Result: { YES: "yes", NOT_HANDLED: "not handled" }, addRule: f => rules.push(f) };
                eval(require("fs").readFileSync(process.argv[1], "utf8"));
                const ask = (id, user) => rules[0]({ id }, { user });
                console.log([
                  ask("org.freedesktop.login1.reboot", "opac-kiosk"),
                  ask("org.freedesktop.login1.power-off-multiple-sessions", "opac-kiosk"),
                  ask("org.freedesktop.login1.reboot", "pi"),
                  ask("org.freedesktop.login1.set-wall-message", "opac-kiosk"),
                ].join(","));
                """;

        Commands.Run run = Commands.run(SYSTEMD, List.of(node.toString(), "-e", harness, SYSTEMD.resolve("polkit/50-opac-kiosk.rules").toString()));

        assertThat(run.output().strip()).as(run.output()).isEqualTo("yes,yes,not handled,not handled");
    }

    @Test
    void everyUnusualLineSaysWhy() throws IOException {
        List<String> unexplained = new ArrayList<>();
        for (Path file : List.of(UNIT, SYSTEMD.resolve("logind.conf.d/opac-kiosk.conf"),
                SYSTEMD.resolve("journald@opac-kiosk.conf.d/opac-kiosk.conf"))) {
            unexplained.addAll(unexplained(file));
        }
        assertThat(unexplained).as("directives without a comment at most 3 lines above them in their paragraph").isEmpty();
    }

    @Test
    void theWatchdogAndHardeningTheIssueAsksForAreThere() throws IOException {
        String unit = Files.readString(UNIT);
        assertThat(unit).contains("\nUser=opac-kiosk\n", "\nPAMName=opac-kiosk\n", "\nTTYPath=/dev/tty1\n", "\nRestart=always\n",
                "\nWatchdogSec=", "\nNotifyAccess=all\n", "\nStateDirectory=opac-kiosk\n", "\nLogsDirectory=opac-kiosk\n",
                "\nConfigurationDirectory=opac-kiosk\n", "\nNoNewPrivileges=yes\n", "\nProtectSystem=strict\n", "\nProtectHome=yes\n",
                "\nPrivateTmp=yes\n", "\nProtectKernelTunables=yes\n", "\nProtectKernelModules=yes\n", "\nProtectKernelLogs=yes\n",
                "\nProtectControlGroups=yes\n", "\nRestrictAddressFamilies=", "\nRestrictNamespaces=yes\n", "\nLockPersonality=yes\n",
                "\nSystemCallArchitectures=native\n", "\nStartLimitBurst=", "\nLogNamespace=opac-kiosk\n");
        assertThat(unit).doesNotContain("\nMemoryDenyWriteExecute=").contains("# not MemoryDenyWriteExecute=yes: the JVM's JIT");
    }

    @Test
    void theKioskOpensNoLogindSessionSoItsWatchdogNotificationsCount() throws IOException {
        // a logind session moves cage and the JVM into a session scope, whose WATCHDOG=1 systemd ignores
        // (seen in a booted Debian 13 root: packaging/systemd-boot-test; ADR 0095)
        List<String> pamLines = Files.readAllLines(SYSTEMD.resolve("pam.d/opac-kiosk")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(pamLines).isNotEmpty().noneMatch(l -> l.contains("pam_systemd"));
        String unit = Files.readString(UNIT);
        assertThat(unit).contains("\nNotifyAccess=all\n", "\nWants=seatd.service\n", "\nAfter=seatd.service\n",
                "\nEnvironment=LIBSEAT_BACKEND=seatd\n");
    }

    @Test
    void aPatronCannotReachATextConsoleOrThePowerButtons() throws IOException {
        List<String> logind = directives(SYSTEMD.resolve("logind.conf.d/opac-kiosk.conf"));
        assertThat(logind).contains("NAutoVTs=0", "ReserveVT=0", "HandlePowerKey=ignore", "HandleRebootKey=ignore",
                "HandleSuspendKey=ignore", "IdleAction=ignore");

        String execStart = directives(UNIT).stream().filter(d -> d.startsWith("ExecStart=")).findFirst().orElseThrow();
        Matcher cage = Pattern.compile("/usr/bin/cage((?:\\s+-[A-Za-z]+)*)\\s+--\\s").matcher(execStart);
        assertThat(cage.find()).as(execStart).isTrue();
        assertThat(cage.group(1)).as("cage's options; -s would allow switching virtual terminals").doesNotContain("s");
    }

    @Test
    void theKioskJournalKeepsADayAtMost() throws IOException {
        List<String> journald = directives(SYSTEMD.resolve("journald@opac-kiosk.conf.d/opac-kiosk.conf"));
        assertThat(journald).contains("MaxRetentionSec=24h");
        assertThat(String.join("\n", directives(UNIT))).contains("LogNamespace=opac-kiosk");
    }

    @Test
    void everyScannerRuleGivesATtyTheStableNameForTheDialoutGroup() throws IOException {
        List<String> rules = Files.readAllLines(SYSTEMD.resolve("udev/70-opac-kiosk-scanner.rules")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Pattern rule = Pattern.compile("SUBSYSTEM==\"tty\", ATTRS\\{idVendor\\}==\"[0-9a-f]{4}\", "
                + "SYMLINK\\+=\"opac-scanner\", GROUP=\"dialout\", MODE=\"0660\"");

        assertThat(rules).as("rules").isNotEmpty().allSatisfy(l -> assertThat(l).matches(rule));
        assertThat(rules).as("one rule per maker").doesNotHaveDuplicates();
    }

    /** The KEY=VALUE lines of a systemd-style file, without comments and section headers. */
    private static List<String> directives(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> DIRECTIVE.matcher(l).matches()).toList();
    }

    /** Non-trivial directives whose paragraph has no comment within the 3 lines above them. */
    static List<String> unexplained(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = DIRECTIVE.matcher(lines.get(i));
            if (!m.matches() || SELF_EXPLAINING.contains(m.group(1))) {
                continue;
            }
            boolean explained = false;
            for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                String above = lines.get(j).strip();
                if (above.isEmpty() || above.startsWith("[")) {
                    break;
                }
                if (above.startsWith("#")) {
                    explained = true;
                    break;
                }
            }
            if (!explained) {
                missing.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i));
            }
        }
        return missing;
    }

    private static Path systemdAnalyze() {
        Path analyze = Commands.find("systemd-analyze").orElse(null);
        assumeTrue(analyze != null, "systemd-analyze is not installed (Debian package systemd)");
        return analyze;
    }
}

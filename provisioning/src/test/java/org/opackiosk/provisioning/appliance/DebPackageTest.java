package org.opackiosk.provisioning.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/build-deb on a small assembled folder (stand-ins for the jars; the real build is the
 * same script with Maven in front), checked with dpkg-deb -I and -c and by packaging/check-deb.
 */
class DebPackageTest {

    static final int AARCH64 = 183;
    static final int X86_64 = 62;

    static final Path PACKAGING = Path.of("..", "packaging").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path jars;
    private Path out;

    @BeforeEach
    void jars() throws IOException {
        assumeTrue(Commands.find("dpkg-deb").isPresent(), "dpkg-deb is not installed (Debian package dpkg)");
        jars = dir.resolve("jars");
        out = dir.resolve("out");
        for (String jar : List.of("opac-kiosk.jar", "kioskctl.jar", "lib/picocli-4.7.7.jar", "lib/javafx-graphics-21.0.11.jar")) {
            jar(jar);
        }
    }

    private void jar(String name) throws IOException {
        jar(name, 0);
    }

    /** A stand-in jar; with elfMachine > 0 it holds a libglass.so whose ELF header names that machine. */
    private void jar(String name, int elfMachine) throws IOException {
        Path p = jars.resolve(name);
        Files.createDirectories(p.getParent());
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(o)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes());
            zip.closeEntry();
            if (elfMachine > 0) {
                byte[] header = new byte[64];
                header[0] = 0x7f;
                header[1] = 'E';
                header[2] = 'L';
                header[3] = 'F';
                header[4] = 2; // 64-bit
                header[5] = 1; // little-endian
                header[18] = (byte) elfMachine;
                zip.putNextEntry(new ZipEntry("libglass.so"));
                zip.write(header);
                zip.closeEntry();
            }
        }
    }

    private Commands.Run buildDeb(String arch) throws Exception {
        return Commands.run(dir, List.of(PACKAGING.resolve("build-deb").toString(), "--arch", arch, "--jars", jars.toString(),
                "--out", out.toString()));
    }

    private Commands.Run dpkgDeb(String option, Path deb) throws Exception {
        return Commands.run(dir, List.of("dpkg-deb", option, deb.toString()));
    }

    @Test
    void theArm64PackageHoldsTheAppTheUnitsAndTheLaunchersWithRootOwnership() throws Exception {
        jar("lib/javafx-graphics-21.0.11-linux-aarch64.jar", AARCH64);

        Commands.Run build = buildDeb("arm64");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("checks passed, 0 failed");
        Path deb = out.resolve("opac-kiosk_0.1.0~snapshot_arm64.deb");
        String info = dpkgDeb("-I", deb).output();
        assertThat(info).contains("Package: opac-kiosk", "Architecture: arm64",
                "Depends: openjdk-21-jre-headless | java21-runtime-headless, cage, xwayland, fonts-noto-cjk, libgtk-3-0",
                "systemd, seatd, dbus",
                "postinst", "prerm", "postrm", "conffiles");
        String contents = dpkgDeb("-c", deb).output();
        assertThat(contents)
                .containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/opac-kiosk\\n")
                .containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/kioskctl\\n")
                .contains("./usr/share/opac-kiosk/opac-kiosk.jar", "./usr/share/opac-kiosk/kioskctl.jar",
                        "./usr/share/opac-kiosk/lib/javafx-graphics-21.0.11-linux-aarch64.jar",
                        "./usr/lib/systemd/system/opac-kiosk.service", "./usr/lib/sysusers.d/opac-kiosk.conf",
                        "./usr/lib/tmpfiles.d/opac-kiosk.conf", "./usr/lib/udev/rules.d/70-opac-kiosk-scanner.rules",
                        "./usr/lib/systemd/logind.conf.d/opac-kiosk.conf",
                        "./usr/lib/systemd/journald@opac-kiosk.conf.d/opac-kiosk.conf",
                        "./usr/share/polkit-1/rules.d/50-opac-kiosk.rules", "./etc/pam.d/opac-kiosk", "./etc/default/opac-kiosk",
                        "./usr/share/doc/opac-kiosk/copyright");
        assertThat(contents.lines().filter(l -> !l.isBlank())).allSatisfy(l -> assertThat(l.split("\\s+")[1]).isEqualTo("root/root"));
        String postinst = Commands.run(dir, List.of("dpkg-deb", "-I", deb.toString(), "postinst")).output();
        assertThat(postinst).contains("systemd-sysusers opac-kiosk.conf", "deb-systemd-helper enable 'opac-kiosk.service'");
        assertThat(Commands.run(dir, List.of("dpkg-deb", "-I", deb.toString(), "conffiles")).output())
                .isEqualTo("/etc/default/opac-kiosk\n/etc/pam.d/opac-kiosk\n");
    }

    @Test
    void anAmd64PackageWithAnotherPlatformsJavaFxIsRefusedByTheCheck() throws Exception {
        jar("lib/javafx-graphics-21.0.11-linux-aarch64.jar");

        Commands.Run build = buildDeb("amd64");

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.output()).contains("FAIL JavaFX graphics for linux").contains("FAIL no JavaFX jar of another platform");
    }

    @Test
    void anArm64PackageWhoseJavaFxHoldsAnX86LibraryIsRefusedByTheCheck() throws Exception {
        assumeTrue(Commands.find("unzip").isPresent(), "unzip is not installed: check-deb skips the libglass.so check");
        jar("lib/javafx-graphics-21.0.11-linux-aarch64.jar", X86_64);

        Commands.Run build = buildDeb("arm64");

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.output()).contains(
                "FAIL libglass.so in javafx-graphics-21.0.11-linux-aarch64.jar is built for arm64 (ELF machine 183, found 62)");
    }

    @Test
    void bothArchitecturesAtOnceAreRefusedForOneAssembledFolder() throws Exception {
        Commands.Run build = buildDeb("all");

        assertThat(build.exitCode()).isEqualTo(2);
        assertThat(build.output()).contains("--arch all needs the Maven build");
    }

    @Test
    void theLaunchersAreValidShellScripts() throws Exception {
        for (String script : List.of("opac-kiosk", "kioskctl", "find-java", "train-cds", "debian/postinst", "debian/prerm", "debian/postrm")) {
            Commands.Run run = Commands.run(dir, List.of("sh", "-n", PACKAGING.resolve(script).toString()));
            assertThat(run.exitCode()).as(script + ": " + run.output()).isZero();
        }
    }
}

package org.opackiosk.provisioning.staff;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.cli.Terminal;
import org.opackiosk.provisioning.enroll.ConfigFiles;
import org.opackiosk.provisioning.enroll.FileOwnership;
import org.opackiosk.provisioning.enroll.TomlEditor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "set-staff-pin",
        description = {"Set the PIN that opens staff mode on the kiosk's screen.",
                "Asks for it twice without showing it (or reads two lines from standard input) and stores only a salted",
                "slow hash in [staff] pin_hash.",
                "Exit 0 when set, 1 when the two entries differ or the PIN is too weak, 2 for a missing file."})
public final class SetStaffPinCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "the configuration file (default: ${DEFAULT-VALUE})",
            defaultValue = "/etc/opac-kiosk/kiosk.toml")
    Path config;

    /** Seams for tests; chosen from the process when left null. */
    Terminal terminal;
    FileOwnership ownership;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(config)) {
            err.println(config + ": no such file. Enroll the kiosk first (kioskctl enroll …), then set the staff PIN.");
            return KioskCtl.EXIT_INVALID;
        }
        Terminal t = terminal != null ? terminal : Terminal.system();
        Optional<char[]> first = t.readSecret(out, "New staff PIN (4–12 digits): ");
        Optional<char[]> second = first.isEmpty() ? Optional.empty() : t.readSecret(out, "The same PIN again: ");
        try {
            if (first.isEmpty() || second.isEmpty()) {
                err.println("No PIN given: nothing changed.");
                return 1;
            }
            if (!Arrays.equals(first.get(), second.get())) {
                err.println("The two PINs differ: nothing changed. Run it again.");
                return 1;
            }
            Optional<String> weakness = StaffPinHash.weakness(first.get());
            if (weakness.isPresent()) {
                err.println("Not this PIN: " + weakness.get() + ". Nothing changed.");
                return 1;
            }
            String hash = StaffPinHash.hash(first.get(), new SecureRandom());
            return write(hash, out, err);
        } finally {
            first.ifPresent(StaffPinHash::wipe);
            second.ifPresent(StaffPinHash::wipe);
        }
    }

    private int write(String hash, PrintWriter out, PrintWriter err) throws IOException {
        TomlEditor editor = new TomlEditor(Files.readString(config, StandardCharsets.UTF_8));
        boolean replaced = editor.keyLines("staff", "pin_hash").isPresent();
        editor.set("staff", "pin_hash", TomlEditor.string(hash));
        PosixFileAttributes attributes = Files.readAttributes(config, PosixFileAttributes.class);
        try {
            // the file keeps its owner, group and mode (0640 root:opac-kiosk after enroll)
            ConfigFiles.replace(config, editor.text(), attributes.permissions(), attributes.owner().getName(), attributes.group().getName(),
                    ownership != null ? ownership : FileOwnership.forCurrentUser());
        } catch (AccessDeniedException e) {
            err.println("No permission to change " + config + ". Run it as root: sudo kioskctl set-staff-pin");
            return 1;
        }
        out.println("Staff PIN " + (replaced ? "changed" : "set") + " in " + config + " ([staff] pin_hash: PBKDF2-SHA256, "
                + StaffPinHash.ITERATIONS + " iterations, random salt; the PIN itself is not stored).");
        out.println("The kiosk reads it at its next start: sudo systemctl restart opac-kiosk");
        return 0;
    }
}

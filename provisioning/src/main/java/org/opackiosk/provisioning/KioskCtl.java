package org.opackiosk.provisioning;

import org.opackiosk.core.KioskVersion;
import org.opackiosk.provisioning.catalogue.CatalogueCommand;
import org.opackiosk.provisioning.check.CheckServerCommand;
import org.opackiosk.provisioning.config.ConfigCommand;
import org.opackiosk.provisioning.devices.PrinterCommand;
import org.opackiosk.provisioning.devices.ScanImageCommand;
import org.opackiosk.provisioning.devices.ScannerCommand;
import org.opackiosk.provisioning.doctor.DoctorCommand;
import org.opackiosk.provisioning.enroll.EnrollCommand;
import org.opackiosk.provisioning.queue.QueueCommand;
import org.opackiosk.provisioning.staff.SetStaffPinCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kioskctl}: what a library's IT technician runs on a kiosk. Each subcommand is a thin layer
 * over a service; output goes to the command line's writers, never {@code System.out} directly.
 */
@Command(name = "kioskctl",
        mixinStandardHelpOptions = true,
        versionProvider = KioskCtl.Version.class,
        description = "Set up and check an OPAC kiosk.",
        subcommands = {VersionCommand.class, ConfigCommand.class, CheckServerCommand.class, EnrollCommand.class,
                DoctorCommand.class, SetStaffPinCommand.class, CatalogueCommand.class, ScannerCommand.class,
                ScanImageCommand.class, PrinterCommand.class, QueueCommand.class, CommandLine.HelpCommand.class})
public final class KioskCtl {

    /** Exit code for a command used wrongly or a file that is invalid. */
    public static final int EXIT_INVALID = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree; tests run it with their own writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new KioskCtl())
                .setExitCodeExceptionMapper(e -> EXIT_INVALID);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kioskctl " + KioskVersion.current()};
        }
    }
}

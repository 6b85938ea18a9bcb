package org.opackiosk.provisioning.doctor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.opackiosk.provisioning.check.Check;
import org.opackiosk.provisioning.check.CheckReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor",
        description = {"Check everything a technician would check on an installed kiosk.",
                "Configuration, staff PIN, font, cage, XWayland and seatd, the kiosk user's groups, scanner and printer devices,",
                "files and their modes, the server (TLS, pin, token), clock, disk space, journal retention and the service.",
                "Changes nothing.",
                "Exit 0 only when every check passed, 1 otherwise. Run it as root: some files are readable by root only."})
public final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "the configuration file (default: /etc/opac-kiosk/kiosk.toml)")
    Path config;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    /** Seam for tests: the machine to examine. */
    SystemView system;

    @Override
    public Integer call() throws IOException {
        List<Check> checks = new Doctor(system != null ? system : SystemView.real(), Optional.ofNullable(config), Clock.systemDefaultZone()).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            CheckReport.printJson(checks, out);
        } else {
            CheckReport.printText(checks, out);
        }
        return CheckReport.allPassed(checks) ? 0 : 1;
    }
}

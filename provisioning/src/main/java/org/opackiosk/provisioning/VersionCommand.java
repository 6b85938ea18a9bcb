package org.opackiosk.provisioning;

import java.util.concurrent.Callable;

import org.opackiosk.core.KioskVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version", description = "Print the kiosk software's version.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("OPAC kiosk " + KioskVersion.current()
                + " (Java " + Runtime.version() + ")");
        return 0;
    }
}

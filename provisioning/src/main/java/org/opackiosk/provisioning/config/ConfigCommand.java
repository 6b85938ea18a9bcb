package org.opackiosk.provisioning.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.provisioning.KioskCtl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "config", description = "Work with the kiosk's configuration file.",
        subcommands = ConfigCommand.Validate.class)
public final class ConfigCommand {

    @Command(name = "validate",
            description = "Check a configuration file. Exit 0 when valid; 2 with one line per problem otherwise.")
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the TOML file, e.g. /etc/opac-kiosk/kiosk.toml")
        Path file;

        @Override
        public Integer call() {
            // the state directory does not matter for validation; the kiosk decides it at start
            ConfigResult result = new ConfigLoader().load(file, Path.of("/var/lib/opac-kiosk"));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return switch (result) {
                case ConfigResult.Valid valid -> {
                    out.println(file + ": valid");
                    out.println(summary(valid.config()));
                    yield 0;
                }
                case ConfigResult.Invalid invalid -> {
                    invalid.messages().forEach(err::println);
                    yield KioskCtl.EXIT_INVALID;
                }
            };
        }

        private static String summary(KioskConfig c) {
            String server = c.server()
                    .map(s -> s.url() + " (" + (s.pins().isEmpty() ? "CA file " + s.caFile().orElseThrow() : s.pins().size() + " pin(s)")
                            + ", " + s.auth().name().toLowerCase() + ", client " + s.clientId() + ")")
                    .orElse("none: demo mode on the embedded demo server");
            return "  library: " + c.library().nameJa() + " / " + c.library().nameEn() + ", branch " + c.library().branchId()
                    + "\n  server:  " + server
                    + "\n  state:   " + c.stateDirectory();
        }
    }
}

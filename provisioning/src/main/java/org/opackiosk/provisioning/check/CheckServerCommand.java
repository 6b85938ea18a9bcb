package org.opackiosk.provisioning.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.cli.ServerConnectionOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check-server",
        description = {"Check a circulation server (Koha) before enrolling a kiosk: TLS and pin, token, libraries,",
                "a catalogue page and, with a test card, login and the account. Changes nothing on the server.",
                "Exit 0 when every check passed, 1 otherwise."})
public final class CheckServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerConnectionOptions server;

    @Option(names = "--card", paramLabel = "N", description = "a test patron's card number (with --password)")
    String card;

    @Option(names = "--password", paramLabel = "P", description = "the test patron's password", interactive = true, arity = "0..1")
    String password;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    private final Clock clock;

    public CheckServerCommand() {
        this(Clock.systemDefaultZone());
    }

    CheckServerCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ServerSettings> settings = server.settings(err);
        if (settings.isEmpty()) {
            return KioskCtl.EXIT_INVALID;
        }
        if ((card == null) != (password == null)) {
            err.println("--card and --password go together");
            return KioskCtl.EXIT_INVALID;
        }
        Optional<ServerCheck.TestCard> testCard = card == null ? Optional.empty() : Optional.of(new ServerCheck.TestCard(card, password));
        List<Check> checks = new ServerCheck(clock).run(settings.get(), testCard);
        print(checks, spec.commandLine().getOut());
        return CheckReport.allPassed(checks) ? 0 : 1;
    }

    private void print(List<Check> checks, PrintWriter out) throws IOException {
        if (json) {
            CheckReport.printJson(checks, out);
        } else {
            CheckReport.printText(checks, out);
        }
    }
}

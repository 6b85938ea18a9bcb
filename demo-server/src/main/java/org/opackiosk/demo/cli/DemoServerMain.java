package org.opackiosk.demo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar demo-server.jar [--port N] [--data DIR]}: runs the demo circulation server until
 * Ctrl+C, after printing how to connect and whom to log in as. {@code import} loads a real catalogue.
 */
@Command(name = "demo-server", mixinStandardHelpOptions = true, versionProvider = DemoServerMain.Version.class,
        subcommands = ImportCommand.class,
        description = "A Koha-compatible circulation server with a demo catalogue, over HTTPS on 127.0.0.1.")
public final class DemoServerMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8443", paramLabel = "N",
            description = "TCP port on 127.0.0.1 (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "demo-data", paramLabel = "DIR",
            description = "Data directory: certificate, database, connection.json (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--koha-version", defaultValue = "24.05", paramLabel = "X.Y",
            description = "Behave like this Koha release where releases differ (23.05: password validation takes"
                    + " only userid and answers 204; default ${DEFAULT-VALUE}).")
    String kohaVersion;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Append every request and answer to FILE as JSON lines (passwords, secrets, tokens and"
                    + " the Authorization header written as ***).")
    Path record;

    @Option(names = "--clock-offset", defaultValue = "PT0S", paramLabel = "DURATION",
            description = "Run the clock this far ahead of the real one (ISO-8601, e.g. P3D; default ${DEFAULT-VALUE})."
                    + " POST /admin/clock changes it while running.")
    String clockOffset;

    public static void main(String[] args) {
        // the standalone server's log format; not named logback.xml so that the kiosk, which embeds
        // this module as a library, keeps its own configuration
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/opackiosk/demo/cli/logback-standalone.xml");
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status instead of exiting (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DemoServerMain());
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        // an operator needs the reason, not a stack trace (the log has the details where it matters)
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("demo-server: " + e.getMessage());
            return 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        java.time.Duration offset;
        try {
            offset = java.time.Duration.parse(clockOffset);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--clock-offset: an ISO-8601 duration such as P3D, was " + clockOffset);
        }
        DemoServerOptions options = DemoServerOptions.defaults(data).withPort(port).withKohaVersion(kohaVersion)
                .withClockOffset(offset);
        if (record != null) {
            options = options.withRecordFile(record);
        }
        DemoServer server = DemoServer.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "demo-server-shutdown"));
        print(new PrintStream(System.out, true, StandardCharsets.UTF_8), server);
        stopped.await();
        return 0;
    }

    private void print(PrintStream out, DemoServer server) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode patrons = mapper.readTree(server.dataDir().resolve("demo-patrons.json").toFile()).path("patrons");
        out.println();
        out.println("OPAC kiosk demo server is running");
        out.println("  URL            " + server.baseUrl());
        out.println("  Pin            " + server.pin());
        out.println("  Client ID      " + server.clientId());
        out.println("  Client secret  " + server.clientSecret());
        out.println("  Data           " + data);
        out.println("  (the same in " + data.resolve("connection.json") + ")");
        out.println();
        out.println("Demo patrons (card number / password: what they demonstrate)");
        for (JsonNode patron : patrons) {
            String password = patron.path("password").isNull() ? "(no password yet)" : patron.path("password").asText();
            out.printf("  %-10s %-18s %s%n", patron.path("cardnumber").asText(), password,
                    patron.path("demonstrates_en").asText());
            out.printf("  %-10s %-18s %s%n", "", "", patron.path("demonstrates_ja").asText());
        }
        out.println("  (the same in " + data.resolve("demo-patrons.json") + ")");
        out.println();
        out.println("Demo desk (this machine only): POST " + server.baseUrl() + "/admin/clock {\"offset\":\"P8D\"},"
                + " /admin/checkin {\"external_id\":barcode}, /admin/checkout {\"external_id\",\"cardnumber\"}");
        out.println("Patron mail is written to " + data.resolve("mail"));
        out.println();
        out.println("Stop with Ctrl+C.");
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DemoServerMain.class.getPackage().getImplementationVersion();
            return new String[] {"demo-server " + (version == null ? "(development build)" : version)};
        }
    }
}

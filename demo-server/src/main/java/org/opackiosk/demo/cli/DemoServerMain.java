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

    public static void main(String[] args) {
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
        DemoServer server = DemoServer.start(DemoServerOptions.defaults(data).withPort(port));
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

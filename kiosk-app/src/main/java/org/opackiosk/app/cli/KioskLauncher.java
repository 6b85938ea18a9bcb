package org.opackiosk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.opackiosk.app.KioskMain;
import org.opackiosk.core.KioskVersion;
import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.config.KioskConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The kiosk's {@code main}: reads the command line and the configuration, then hands over to the
 * composition root. Not a JavaFX {@code Application}, so JavaFX can run from the class path.
 */
@Command(name = "opac-kiosk", mixinStandardHelpOptions = true, versionProvider = KioskLauncher.Version.class,
        description = "The OPAC kiosk. Without a configuration file it runs in demo mode on its embedded demo server.")
public final class KioskLauncher implements Callable<Integer> {

    /** The configuration file a kiosk installed by the package reads. */
    public static final Path SYSTEM_CONFIG = Path.of("/etc/opac-kiosk/kiosk.toml");

    static final int EXIT_INVALID_CONFIG = 2;
    static final int EXIT_START_FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(KioskLauncher.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "configuration file (default: " + "/etc/opac-kiosk/kiosk.toml" + " when it exists, else demo mode)")
    Path configFile;

    @Option(names = "--windowed", description = "run in a 1280×800 window instead of full screen (development)")
    boolean windowed;

    @Option(names = "--demo", description = "run in demo mode on the embedded demo server even when "
            + "/etc/opac-kiosk/kiosk.toml exists (the package's class-data training)")
    boolean demo;

    @Option(names = "--exit-after-first-frame", hidden = true,
            description = "exit once the first frame is drawn (start-up benchmark, class-data training)")
    boolean exitAfterFirstFrame;

    public static void main(String[] args) {
        int code = new CommandLine(new KioskLauncher()).setExitCodeExceptionMapper(e -> EXIT_INVALID_CONFIG).execute(args);
        if (code != 0) {
            System.exit(code);
        }
        // exit 0: the JavaFX thread keeps the process alive until the window closes
    }

    @Override
    public Integer call() {
        Optional<KioskConfig> config = readConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return EXIT_INVALID_CONFIG;
        }
        try {
            KioskMain.start(config.get(), windowed, exitAfterFirstFrame);
            return 0;
        } catch (KioskMain.KioskStartException e) {
            LOG.error("The kiosk could not start", e);
            spec.commandLine().getErr().println("The kiosk cannot start: " + e.getMessage());
            return EXIT_START_FAILED;
        }
    }

    Optional<KioskConfig> readConfig(PrintWriter err) {
        Path stateDir = defaultStateDirectory();
        Path file = configFile != null ? configFile : (Files.exists(SYSTEM_CONFIG) ? SYSTEM_CONFIG : null);
        if (file == null || demo) {
            return Optional.of(KioskConfig.demo(stateDir));
        }
        return switch (new ConfigLoader().load(file, stateDir)) {
            case ConfigResult.Valid v -> Optional.of(v.config());
            case ConfigResult.Invalid invalid -> {
                err.println("The kiosk cannot start: its configuration file is invalid.");
                invalid.messages().forEach(err::println);
                err.println("Fix the file (see docs/configuration.md), check it with `kioskctl config validate "
                        + file + "`, and start again.");
                err.flush();
                yield Optional.empty();
            }
        };
    }

    /** {@code $STATE_DIRECTORY} (systemd), else {@code $XDG_STATE_HOME/opac-kiosk}, else {@code ~/.local/state/opac-kiosk}. */
    static Path defaultStateDirectory() {
        String systemd = System.getenv("STATE_DIRECTORY");
        if (systemd != null && !systemd.isBlank()) {
            return Path.of(systemd.split(":")[0]);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("opac-kiosk");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"OPAC kiosk " + KioskVersion.current()};
        }
    }
}

package org.opackiosk.provisioning.devices;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opackiosk.core.cards.CardProfile;
import org.opackiosk.core.cards.CardProfiles;
import org.opackiosk.core.cards.ScanClassifier;
import org.opackiosk.core.cards.ScannedCode;
import org.opackiosk.core.config.ConfigLoader;
import org.opackiosk.core.config.ConfigResult;
import org.opackiosk.core.config.DeviceSettings.Terminator;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.platform.ExecutorScheduler;
import org.opackiosk.device.scanner.ScanFrameParser;
import org.opackiosk.device.scanner.serial.JSerialCommLink;
import org.opackiosk.device.scanner.serial.SerialScanner;
import org.opackiosk.provisioning.KioskCtl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kioskctl scanner …}: try a barcode scanner the way the kiosk uses it. */
@Command(name = "scanner", description = "Try the barcode scanner.", subcommands = ScannerCommand.Listen.class)
public final class ScannerCommand {

    /** Exit code when the device cannot be used (missing, no permission). */
    public static final int EXIT_DEVICE = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "listen",
            description = {"Open a serial scanner as the kiosk does and print each scan as one line: what it is by the",
                    "card-number profile (card, isbn or other) and the raw text. Exits after --count scans, or on Ctrl+C.",
                    "Stop the kiosk first (systemctl stop opac-kiosk): only one program can hold the port."})
    static final class Listen implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--serial", required = true, paramLabel = "PATH",
                description = "the scanner's port, best its /dev/serial/by-id/… link")
        String port;

        @Option(names = "--baud", paramLabel = "N", defaultValue = "9600", description = "line speed (default ${DEFAULT-VALUE})")
        int baud;

        @Option(names = "--suffix", paramLabel = "CR|LF|CRLF|TAB", defaultValue = "CR",
                description = "what ends each code (default ${DEFAULT-VALUE})")
        Terminator suffix;

        @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = "eight-digits-leading-zero",
                description = {"the card-number profile: a built-in one (${COMPLETION-CANDIDATES}) or a kiosk.toml whose",
                        "[cards] section is used (default ${DEFAULT-VALUE})"},
                completionCandidates = ProfileNames.class)
        String profile;

        @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "exit after N scans (default: never)")
        int count;

        @Option(names = "--json", description = "one JSON object per scan: symbology, raw, kind, card_number")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (baud < 1 || count < 0) {
                err.println("--baud must be positive and --count not negative");
                return KioskCtl.EXIT_INVALID;
            }
            CardProfile cards = cardProfile(profile, err);
            if (cards == null) {
                return KioskCtl.EXIT_INVALID;
            }
            ScanClassifier classifier = new ScanClassifier(cards);
            BlockingQueue<ScanEvent> scans = new LinkedBlockingQueue<>();
            try (ExecutorScheduler scheduler = new ExecutorScheduler(1);
                 SerialScanner scanner = new SerialScanner(new JSerialCommLink(port, baud),
                         new ScanFrameParser("", suffix.text()), scheduler)) {
                if (scanner.status() != ScannerStatus.READY) {
                    err.println("Cannot open " + port + ": it does not exist or cannot be opened. Check the scanner's USB cable,"
                            + " the path (ls -l /dev/serial/by-id/), that this user is in the dialout group, and that the"
                            + " kiosk is stopped (systemctl stop opac-kiosk).");
                    return EXIT_DEVICE;
                }
                scanner.onScan(scans::add);
                scanner.onStatus(status -> {
                    err.println(status == ScannerStatus.MISSING ? port + " went away; waiting for it to come back"
                            : port + " is back");
                    err.flush();
                });
                err.println("Listening on " + port + " at " + baud + " baud, codes ending in " + suffix
                        + ", card profile " + cards.name() + (count > 0 ? "; exits after " + count + " scan(s)" : "; Ctrl+C ends"));
                err.flush();
                for (int n = 0; count == 0 || n < count; n++) {
                    ScanEvent scan = scans.take();
                    out.println(json ? describe(classifier.classify(scan)).toString()
                            : line(classifier.classify(scan)));
                    out.flush();
                }
            }
            return 0;
        }
    }

    /** A built-in profile by name, or the [cards] of a configuration file; null (after saying why) when neither. */
    static CardProfile cardProfile(String nameOrFile, PrintWriter err) {
        var builtIn = CardProfiles.builtIn(nameOrFile);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            err.println("--profile: " + nameOrFile + " is neither a built-in profile " + CardProfiles.names()
                    + " nor a configuration file");
            return null;
        }
        return switch (new ConfigLoader().load(file, Path.of("/var/lib/opac-kiosk"))) {
            case ConfigResult.Valid valid -> valid.config().cards().definition();
            case ConfigResult.Invalid invalid -> {
                invalid.messages().forEach(err::println);
                yield null;
            }
        };
    }

    /** One JSON object for a scan: {@code symbology}, {@code raw}, {@code kind}, and {@code card_number} or {@code isbn}. */
    static ObjectNode describe(ScannedCode code) {
        ObjectNode node = JSON.createObjectNode();
        node.put("symbology", code.scan().symbology().name());
        node.put("raw", code.scan().text());
        switch (code) {
            case ScannedCode.LibraryCard card -> node.put("kind", "card").put("card_number", card.number().value());
            case ScannedCode.Isbn isbn -> node.put("kind", "isbn").put("isbn", isbn.isbn13());
            case ScannedCode.Other other -> node.put("kind", "other")
                    .put("not_a_card", other.notACardBecause().name().toLowerCase(Locale.ROOT));
        }
        return node;
    }

    private static String line(ScannedCode code) {
        String raw = code.scan().text();
        return switch (code) {
            case ScannedCode.LibraryCard card -> "card   " + card.number().display() + "  (raw " + raw + ")";
            case ScannedCode.Isbn isbn -> "isbn   " + isbn.isbn13() + "  (raw " + raw + ")";
            case ScannedCode.Other other -> "other  " + raw + "  (not a card: "
                    + other.notACardBecause().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        };
    }

    /** The built-in profile names, for --help. */
    static final class ProfileNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CardProfiles.names().iterator();
        }
    }
}

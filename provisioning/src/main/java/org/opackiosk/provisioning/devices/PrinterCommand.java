package org.opackiosk.provisioning.devices;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.opackiosk.core.KioskVersion;
import org.opackiosk.core.config.DeviceSettings.PrinterSettings;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.device.Slips;
import org.opackiosk.device.printer.DeviceFileLink;
import org.opackiosk.device.printer.EscPosEncoder;
import org.opackiosk.device.printer.EscPosPrinter;
import org.opackiosk.device.printer.SerialPrinterLink;
import org.opackiosk.device.printer.SlipRenderer;
import org.opackiosk.provisioning.KioskCtl;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kioskctl printer …}: try the receipt printer the way the kiosk uses it. */
@Command(name = "printer", description = "Try the receipt printer.", subcommands = PrinterCommand.TestSlip.class)
public final class PrinterCommand {

    @Command(name = "test",
            description = {"Print a test slip (kanji, bold, a large heading, a Codabar barcode, a QR code) on an ESC/POS",
                    "printer on a serial port or a USB printer device file, or draw it into a PNG file. A printer that",
                    "reports paper out or offline is named; exit 1 then. Stop the kiosk first (systemctl stop opac-kiosk)."})
    static final class TestSlip implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--serial", paramLabel = "PATH", description = "a printer on a serial port, e.g. /dev/serial/by-id/…")
            String serial;

            @Option(names = "--device", paramLabel = "FILE", description = "a USB printer device file, e.g. /dev/usb/lp0")
            Path device;

            @Option(names = "--png", paramLabel = "FILE", description = "draw the slip into this PNG file, as the simulated printer does")
            Path png;
        }

        @Option(names = "--baud", paramLabel = "N", defaultValue = "9600", description = "serial line speed (default ${DEFAULT-VALUE})")
        int baud;

        @Option(names = "--paper-width-mm", paramLabel = "MM", defaultValue = "80", description = "58 or 80 (default ${DEFAULT-VALUE})")
        int paperWidthMm;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (paperWidthMm != 58 && paperWidthMm != 80 || baud < 1) {
                err.println("--paper-width-mm must be 58 or 80, and --baud positive");
                return KioskCtl.EXIT_INVALID;
            }
            if (target.png != null) {
                Slip slip = Slips.printerTest("PNG " + target.png.getFileName(), KioskVersion.current());
                try {
                    Files.write(target.png, new SlipRenderer(paperWidthMm).renderPng(slip));
                } catch (IOException e) {
                    err.println("Cannot write " + target.png + ": " + e.getMessage());
                    return ScannerCommand.EXIT_DEVICE;
                }
                out.println("Test slip drawn into " + target.png);
                return 0;
            }
            EscPosEncoder encoder = new EscPosEncoder(paperWidthMm);
            try (ReceiptPrinter printer = target.device != null
                    ? new EscPosPrinter(new DeviceFileLink(target.device), encoder)
                    : new EscPosPrinter(new SerialPrinterLink(target.serial, baud), encoder)) {
                return switch (printer.print(testSlip(printer))) {
                    case PrintResult.Printed p -> {
                        // Asked again after the slip, the printer answers once the slip's last byte has left the
                        // port (one line, in order): closing the port before that cut the slip's tail off over a
                        // pty, as jSerialComm's close discards what the other end has not read yet.
                        PrinterStatus after = printer.status();
                        out.println("Test slip sent to the " + printer.describe() + "; it should come out now, cut.");
                        if (after == PrinterStatus.PAPER_OUT) {
                            err.println("The printer reports it is out of paper now: load a new roll.");
                        }
                        yield 0;
                    }
                    case PrintResult.NotPrinted n -> {
                        err.println("Not printed: " + switch (n.status()) {
                            case PAPER_OUT -> "the printer is out of paper";
                            case OFFLINE -> "the printer is offline (off, cover open, unplugged or not answering)";
                            case READY, UNKNOWN -> "the printer could not take it";
                        } + " — " + n.detail());
                        yield ScannerCommand.EXIT_DEVICE;
                    }
                };
            }
        }

        /** The test slip as this printer gets it (the same for the same printer: tests compare bytes). */
        static Slip testSlip(ReceiptPrinter printer) {
            return Slips.printerTest(printer.describe(), KioskVersion.current());
        }
    }
}

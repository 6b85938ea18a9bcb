package org.opackiosk.device.printer;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Slip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on a {@link PrinterLink}. Before each slip it asks the printer's status
 * where the link is two-way and refuses with {@link PrinterStatus#PAPER_OUT} or
 * {@link PrinterStatus#OFFLINE} instead of sending into a printer that cannot print. Blocking;
 * thread-safe (slips never interleave).
 */
public final class EscPosPrinter implements ReceiptPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(EscPosPrinter.class);
    static final Duration STATUS_TIMEOUT = Duration.ofMillis(500);

    private final PrinterLink link;
    private final EscPosEncoder encoder;

    public EscPosPrinter(PrinterLink link, EscPosEncoder encoder) {
        this.link = Objects.requireNonNull(link, "link");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    @Override
    public synchronized PrinterStatus status() {
        try {
            OptionalInt printer = link.ask(EscPosStatus.PRINTER, STATUS_TIMEOUT);
            if (printer.isEmpty()) {
                return PrinterStatus.UNKNOWN;
            }
            OptionalInt paper = link.ask(EscPosStatus.PAPER, STATUS_TIMEOUT);
            if (paper.isEmpty()) {
                return PrinterStatus.UNKNOWN;
            }
            return EscPosStatus.interpret(printer.getAsInt(), paper.getAsInt());
        } catch (IOException e) {
            LOG.warn("Receipt printer on {} does not answer: {}", link.describe(), e.getMessage());
            return PrinterStatus.OFFLINE;
        }
    }

    @Override
    public synchronized PrintResult print(Slip slip) {
        PrinterStatus before = status();
        if (before == PrinterStatus.PAPER_OUT || before == PrinterStatus.OFFLINE) {
            LOG.warn("Receipt printer on {} cannot print: {}", link.describe(), before);
            return new PrintResult.NotPrinted(before, "the printer reports " + before + " on " + link.describe());
        }
        try {
            link.write(encoder.encode(slip));
            return new PrintResult.Printed();
        } catch (IOException e) {
            LOG.warn("Receipt printer on {} failed: {}. Check that it is on and its cable is in.", link.describe(), e.getMessage());
            return new PrintResult.NotPrinted(PrinterStatus.OFFLINE, e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "ESC/POS printer on " + link.describe();
    }

    @Override
    public void close() {
        link.close();
    }
}

package org.opackiosk.device.printer;

import org.opackiosk.core.device.PrinterStatus;

/**
 * The real-time status requests of ESC/POS (DLE EOT n) and what their one-byte answers mean. Pure.
 */
public final class EscPosStatus {

    /** DLE EOT 1: printer status (bit 3: offline). */
    public static final byte[] PRINTER = {0x10, 0x04, 1};
    /** DLE EOT 4: roll paper sensor (bits 5 and 6: paper end). */
    public static final byte[] PAPER = {0x10, 0x04, 4};

    private EscPosStatus() {
    }

    /** True when the answer has the fixed bits of a status byte (bit 1 and 4 set, bit 0 and 7 clear). */
    static boolean wellFormed(int answer) {
        return (answer & 0b1001_0011) == 0b0001_0010;
    }

    /**
     * @param printer answer to {@link #PRINTER}
     * @param paper   answer to {@link #PAPER}
     */
    public static PrinterStatus interpret(int printer, int paper) {
        if (!wellFormed(printer) || !wellFormed(paper)) {
            return PrinterStatus.UNKNOWN;
        }
        if ((paper & 0x60) != 0) {
            return PrinterStatus.PAPER_OUT;
        }
        if ((printer & 0x08) != 0) {
            return PrinterStatus.OFFLINE;
        }
        return PrinterStatus.READY;
    }
}

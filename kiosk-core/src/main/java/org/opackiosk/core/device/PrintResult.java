package org.opackiosk.core.device;

import java.util.Objects;

/** The outcome of printing a slip: expected failures (no paper, offline) are results, not exceptions. */
public sealed interface PrintResult permits PrintResult.Printed, PrintResult.NotPrinted {

    record Printed() implements PrintResult {
    }

    /**
     * @param status why, as far as the printer told
     * @param detail for the log and the maintenance screen (not for patrons)
     */
    record NotPrinted(PrinterStatus status, String detail) implements PrintResult {
        public NotPrinted {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }
}

package org.opackiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.Slips;
import org.opackiosk.device.testing.HardwareProperty;

/**
 * A real ESC/POS receipt printer, only with {@code -Phardware}: {@code -Dopac.printer=/dev/usb/lp0} (USB printer
 * device file) and/or {@code -Dopac.printer.serial=/dev/serial/by-id/…} ({@code -Dopac.printer.baud=9600});
 * {@code -Dopac.printer.width=58} for narrow paper. A test slip comes out, cut; look at it.
 */
@Tag("hardware")
class EscPosPrinterHardwareTest {

    private static int width() {
        return Integer.parseInt(HardwareProperty.optional("opac.printer.width").orElse("80"));
    }

    @Test
    void aUsbPrinterDeviceFilePrintsTheTestSlip() {
        String device = HardwareProperty.required("opac.printer", "/dev/usb/lp0", "a USB receipt printer");
        try (EscPosPrinter printer = new EscPosPrinter(new DeviceFileLink(Path.of(device)), new EscPosEncoder(width()))) {
            PrintResult result = printer.print(Slips.printerTest(printer.describe(), "hardware test"));

            assertThat(result).as("%s takes the slip (exists, writable by this user: group lp)", device)
                    .isInstanceOf(PrintResult.Printed.class);
            System.err.println(">>> a test slip should have come out of " + device + ", cut");
        }
    }

    @Test
    void aSerialPrinterReportsReadyAndPrintsTheTestSlip() {
        String port = HardwareProperty.required("opac.printer.serial", "/dev/ttyUSB0", "a serial receipt printer");
        int baud = Integer.parseInt(HardwareProperty.optional("opac.printer.baud").orElse("9600"));
        try (EscPosPrinter printer = new EscPosPrinter(new SerialPrinterLink(port, baud), new EscPosEncoder(width()))) {
            // a serial printer answers DLE EOT: the status path is real here, unlike a device file
            assertThat(printer.status()).as("status of %s (paper in, cover closed, baud %d)", port, baud)
                    .isEqualTo(PrinterStatus.READY);

            assertThat(printer.print(Slips.printerTest(printer.describe(), "hardware test"))).isInstanceOf(PrintResult.Printed.class);
            System.err.println(">>> a test slip should have come out of " + port + ", cut");
        }
    }
}

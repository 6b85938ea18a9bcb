package org.opackiosk.device.scanner.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.DeviceSettings.Terminator;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.platform.ExecutorScheduler;
import org.opackiosk.device.scanner.ScanFrameParser;
import org.opackiosk.device.testing.HardwareProperty;

/**
 * A real serial scanner, only with {@code -Phardware}: {@code ./mvnw -Phardware -pl device-drivers -am test
 * -Dopac.serial=/dev/serial/by-id/… [-Dopac.serial.baud=9600] [-Dopac.serial.suffix=CR]}, then scan any barcode
 * within 30 s.
 */
@Tag("hardware")
class SerialScannerHardwareTest {

    @Test
    void aRealScannerDeliversAScanWithin30Seconds() throws Exception {
        String port = HardwareProperty.required("opac.serial", "/dev/ttyACM0", "a serial barcode scanner (then scan any barcode)");
        int baud = Integer.parseInt(HardwareProperty.optional("opac.serial.baud").orElse("9600"));
        Terminator suffix = Terminator.valueOf(HardwareProperty.optional("opac.serial.suffix").orElse("CR").toUpperCase(Locale.ROOT));
        BlockingQueue<ScanEvent> scans = new LinkedBlockingQueue<>();
        try (ExecutorScheduler scheduler = new ExecutorScheduler(1);
             SerialScanner scanner = new SerialScanner(new JSerialCommLink(port, baud), new ScanFrameParser("", suffix.text()), scheduler)) {
            assertThat(scanner.status()).as("%s opens (exists, and this user is in the dialout group)", port)
                    .isEqualTo(ScannerStatus.READY);
            scanner.onScan(scans::add);
            System.err.println(">>> scan any barcode on the scanner at " + port + " within 30 s");

            ScanEvent scan = scans.poll(30, TimeUnit.SECONDS);

            assertThat(scan).as("a scan within 30 s (no scan: check the scanner is in USB-CDC/serial mode and its suffix is "
                    + suffix + ")").isNotNull();
            assertThat(scan.text()).isNotBlank();
            System.err.println(">>> read " + scan.text().length() + " characters");
        }
    }
}

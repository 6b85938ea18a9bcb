package org.opackiosk.device.scanner.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.platform.ExecutorScheduler;
import org.opackiosk.device.scanner.ScanFrameParser;

/**
 * With a real scanner only (excluded from the build): {@code OPAC_SCANNER_PORT=/dev/serial/by-id/…
 * ./mvnw -pl device-drivers verify -Dtest=SerialScannerHardwareTest}, then scan any barcode within 30 s.
 */
class SerialScannerHardwareTest {

    @Test
    void aRealScannerDeliversAScan() throws Exception {
        String port = System.getenv("OPAC_SCANNER_PORT");
        Assumptions.assumeTrue(port != null, "set OPAC_SCANNER_PORT to the scanner's port");
        String suffix = System.getenv().getOrDefault("OPAC_SCANNER_SUFFIX", "\r");
        BlockingQueue<ScanEvent> scans = new LinkedBlockingQueue<>();
        try (ExecutorScheduler scheduler = new ExecutorScheduler(1);
             SerialScanner scanner = new SerialScanner(new JSerialCommLink(port, 9600), new ScanFrameParser("", suffix), scheduler)) {
            assertThat(scanner.status()).isEqualTo(ScannerStatus.READY);
            scanner.onScan(scans::add);
            assertThat(scans.poll(30, TimeUnit.SECONDS)).as("a scan within 30 s").isNotNull();
        }
    }
}

package org.opackiosk.device.scanner.serial;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.platform.ManualScheduler;
import org.opackiosk.device.scanner.ScanFrameParser;
import org.opackiosk.device.testing.SocatPty;
import org.slf4j.LoggerFactory;

/**
 * The serial scanner against a real pseudo-terminal opened by jSerialComm: what a USB-CDC scanner
 * looks like to the kiosk. No mock of jSerialComm. Reopening runs on a manual scheduler, so the test
 * decides when the retry happens.
 */
class SerialScannerIT {

    @TempDir
    Path dir;

    private SocatPty pty;
    private final ManualScheduler scheduler = new ManualScheduler();
    private SerialScanner scanner;
    private final BlockingQueue<ScanEvent> scans = new LinkedBlockingQueue<>();
    private final BlockingQueue<ScannerStatus> statuses = new LinkedBlockingQueue<>();

    @BeforeEach
    void plugInTheScanner() throws Exception {
        pty = new SocatPty(dir);
    }

    @AfterEach
    void unplug() throws Exception {
        if (scanner != null) {
            scanner.close();
        }
        pty.close();
    }

    private void open(String prefix, String suffix) {
        scanner = new SerialScanner(new JSerialCommLink(pty.devicePath().toString(), 9600),
                new ScanFrameParser(prefix, suffix), scheduler);
        scanner.onScan(scans::add);
        scanner.onStatus(statuses::add);
    }

    private List<String> nextScans(int n) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ScanEvent e = scans.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("scan %d of %d arrived", i + 1, n).isNotNull();
            assertThat(e.source()).isEqualTo(ScanSource.SERIAL);
            assertThat(e.symbology()).isEqualTo(Symbology.UNKNOWN);
            texts.add(e.text());
        }
        return texts;
    }

    @Test
    void aCodeSentOverThePortBecomesAScan() throws Exception {
        open("", "\r");
        assertThat(scanner.status()).isEqualTo(ScannerStatus.READY);
        assertThat(scanner.describe()).contains(pty.devicePath().toString()).contains("9600 baud");

        pty.send("A01000001A\r".getBytes(UTF_8));

        assertThat(nextScans(1)).containsExactly("A01000001A");
    }

    @Test
    void twoCodesInOneWriteAndACodeSplitAcrossWrites() throws Exception {
        open("", "\r\n");
        pty.send("01000001\r\n01000002\r\n0100".getBytes(UTF_8));
        pty.send("0003\r".getBytes(UTF_8));
        pty.send("\n".getBytes(UTF_8));

        assertThat(nextScans(3)).containsExactly("01000001", "01000002", "01000003");
    }

    @Test
    void noiseIsDroppedAndTheFollowingCodeStillCounts() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SerialScanner.class);
        logger.addAppender(log);
        try {
            open("", "\r");
            // a card number with line noise inside it, then an over-long frame of another card's digits
            pty.send(new byte[] {'0', '1', '0', '0', 0x00, 0x07, '0', '0', '0', '1', '\r'});
            pty.send(("02000002".repeat(250) + "\r").getBytes(UTF_8));
            pty.send("9784101010014\r".getBytes(UTF_8));

            assertThat(nextScans(1)).containsExactly("9784101010014");
            assertThat(scans).isEmpty();

            // one warning per dropped frame, naming the port and why, and nothing of what was dropped
            List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertThat(warnings).extracting(ILoggingEvent::getFormattedMessage)
                    .satisfiesExactly(
                            garbage -> assertThat(garbage).contains(pty.devicePath().toString()).contains("(GARBAGE)")
                                    .contains("sent 10 bytes"),
                            tooLong -> assertThat(tooLong).contains(pty.devicePath().toString()).contains("(TOO_LONG)")
                                    .contains("sent 2000 bytes"));
            assertThat(warnings).extracting(ILoggingEvent::getFormattedMessage)
                    .allSatisfy(m -> assertThat(m).doesNotContain("0100").doesNotContain("0001").doesNotContain("02000002")
                            .doesNotContain("\u0000").doesNotContain("\u0007"));
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void unpluggedTheScannerIsMissingAndPluggedBackItIsReopened() throws Exception {
        // given a working scanner
        open("", "\r");
        pty.send("01000001\r".getBytes(UTF_8));
        assertThat(nextScans(1)).containsExactly("01000001");

        // when its cable is pulled
        pty.unplug();

        // then it is missing, and a retry is scheduled
        assertThat(statuses.poll(10, TimeUnit.SECONDS)).isEqualTo(ScannerStatus.MISSING);
        assertThat(scanner.status()).isEqualTo(ScannerStatus.MISSING);
        assertThat(scheduler.pending()).isEqualTo(1);

        // a retry while it is still unplugged keeps it missing and tries again later
        scheduler.advance(SerialScanner.RETRY_INTERVAL);
        assertThat(scanner.status()).isEqualTo(ScannerStatus.MISSING);
        assertThat(scheduler.pending()).isEqualTo(1);

        // when it is plugged back in (a new pty behind the same by-id style link)
        pty.plugIn();
        scheduler.advance(SerialScanner.RETRY_INTERVAL);

        // then it is ready again and reads codes
        assertThat(scanner.status()).isEqualTo(ScannerStatus.READY);
        assertThat(statuses.poll(1, TimeUnit.SECONDS)).isEqualTo(ScannerStatus.READY);
        pty.send("01000002\r".getBytes(UTF_8));
        assertThat(nextScans(1)).containsExactly("01000002");
    }

    @Test
    void aScannerNotPluggedInAtStartIsMissingUntilItAppears() throws Exception {
        pty.unplug();
        open("", "\r");
        assertThat(scanner.status()).isEqualTo(ScannerStatus.MISSING);

        pty.plugIn();
        scheduler.advance(SerialScanner.RETRY_INTERVAL);

        assertThat(scanner.status()).isEqualTo(ScannerStatus.READY);
        pty.send("01000003\r".getBytes(UTF_8));
        assertThat(nextScans(1)).containsExactly("01000003");
    }

    @Test
    void closingStopsReadingAndRetrying() throws Exception {
        open("", "\r");
        scanner.close();
        scanner.close();
        assertThat(scheduler.pending()).isZero();
        pty.send("01000001\r".getBytes(UTF_8));
        assertThat(scans.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
}

package org.opackiosk.device.scanner.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.zxing.BarcodeFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.platform.ManualScheduler;
import org.opackiosk.device.testing.PhoneScreenImages;
import org.opackiosk.device.testing.TestClock;
import org.opackiosk.device.testing.TestImages;

/**
 * The camera scanner with a real process as its camera: {@code cat} of a generated MJPEG stream,
 * through the same pipe, splitter and decoder a camera's command would feed.
 */
class CameraScannerIT {

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final TestClock clock = new TestClock();
    private final BlockingQueue<ScanEvent> scans = new LinkedBlockingQueue<>();
    private final BlockingQueue<ScannerStatus> statuses = new LinkedBlockingQueue<>();

    private Path stream(byte[]... frames) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(f);
        }
        Path file = dir.resolve("camera.mjpeg");
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void aCardHeldUpToTheCameraIsOneScanAndTheEndedCommandMakesItMissing() throws Exception {
        // given a camera stream of a blank desk, then the same card in five frames
        byte[] card = TestImages.jpeg(TestImages.frame(BarcodeFormat.CODABAR, "A01000001A"));
        Path file = stream(TestImages.jpeg(TestImages.blank()), card, card, card, card, card);

        // when the scanner runs `cat` of it as its camera command
        try (CameraScanner scanner = new CameraScanner(List.of("cat", file.toString()), scheduler, clock, Duration.ofSeconds(1))) {
            scanner.onScan(scans::add);
            scanner.onStatus(statuses::add);

            // then the card is scanned once (the frames fall within the duplicate window)
            ScanEvent scan = scans.poll(20, TimeUnit.SECONDS);
            assertThat(scan).isEqualTo(new ScanEvent(Symbology.CODABAR, "01000001", ScanSource.CAMERA));
            // and when the stream ends, the camera is missing and a restart is scheduled
            assertThat(statuses.poll(20, TimeUnit.SECONDS)).isEqualTo(ScannerStatus.MISSING);
            assertThat(scans).isEmpty();
            assertThat(scheduler.pending()).isEqualTo(1);

            // the restarted command reads the card again: a new scan, as the window has passed
            clock.advance(Duration.ofSeconds(5));
            scheduler.advance(CameraScanner.RESTART_INTERVAL);
            assertThat(scans.poll(20, TimeUnit.SECONDS)).isEqualTo(scan);
        }
    }

    @Test
    void aPhoneHeldUpShowingTheCardsBarcodeIsOneScanOfTheCard() throws Exception {
        // given a camera stream: nothing, then a phone showing the demo card, turned and sheared, in three frames
        byte[] phone = PhoneScreenImages.jpeg(BarcodeFormat.CODABAR, "A01000001A",
                BarcodeDecoderTest.phoneShots().get(1));
        Path file = stream(TestImages.jpeg(TestImages.blank()), phone, phone, phone);

        try (CameraScanner scanner = new CameraScanner(List.of("cat", file.toString()), scheduler, clock, Duration.ofSeconds(1))) {
            scanner.onScan(scans::add);
            scanner.onStatus(statuses::add);

            // then the card is one scan, as from a printed card
            assertThat(scans.poll(20, TimeUnit.SECONDS)).isEqualTo(new ScanEvent(Symbology.CODABAR, "01000001", ScanSource.CAMERA));
            assertThat(statuses.poll(20, TimeUnit.SECONDS)).isEqualTo(ScannerStatus.MISSING);
            assertThat(scans).isEmpty();
        }
    }

    @Test
    void aCommandThatDoesNotExistLeavesTheScannerMissingAndRetrying() {
        try (CameraScanner scanner = new CameraScanner(List.of(dir.resolve("no-such-camera").toString()), scheduler, clock,
                Duration.ofSeconds(1))) {
            assertThat(scanner.status()).isEqualTo(ScannerStatus.MISSING);
            assertThat(scheduler.pending()).isEqualTo(1);
            assertThat(scanner.describe()).contains("no-such-camera");
        }
        assertThat(scheduler.pending()).isZero();
    }
}

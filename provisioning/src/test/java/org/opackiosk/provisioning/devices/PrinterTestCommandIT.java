package org.opackiosk.provisioning.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.KioskVersion;
import org.opackiosk.core.device.Slips;
import org.opackiosk.device.printer.EscPosEncoder;
import org.opackiosk.device.printer.EscPosStatus;
import org.opackiosk.device.testing.SocatPty;
import org.opackiosk.provisioning.KioskctlRun;

/**
 * {@code kioskctl printer test --serial} against a real pseudo-terminal pair (socat): the command opens the
 * device end with jSerialComm as the kiosk does; the test plays an ESC/POS printer on the other end, answering
 * the two DLE EOT status requests and reading the slip.
 */
class PrinterTestCommandIT {

    @TempDir
    Path dir;

    /** Ready, no error, paper present (DLE EOT 1 and 4 answers with only the fixed bits). */
    private static final int READY = 0x12;
    /** DLE EOT 4: paper end detected (bits 5 and 6) on top of the fixed bits. */
    private static final int PAPER_END = 0x72;

    /**
     * The printer at the far end, as a real one behaves: it reads the line as it comes, answers each DLE EOT
     * status request at once with the next of {@code answers}, and keeps everything it was sent. Completes when
     * {@code total} bytes have arrived. Its end is opened before the command runs, as a printer's port is always
     * there.
     */
    private static CompletableFuture<byte[]> printer(SocatPty pty, int total, int... answers) throws Exception {
        InputStream in = pty.openPeerForReading();
        OutputStream out = Files.newOutputStream(pty.peerPath());
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            int answered = 0;
            try (in; out) {
                while (received.size() < total) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    received.write(b);
                    byte[] so = received.toByteArray();
                    int n = so.length;
                    if (answered < answers.length && n >= 3 && so[n - 3] == 0x10 && so[n - 2] == 0x04) {
                        out.write(answers[answered++]);
                        out.flush();
                    }
                }
                return received.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void aSerialPrinterGetsTheTestSlipByteForByteAndTheCommandExitsZero() throws Exception {
        try (SocatPty pty = new SocatPty(dir)) {
            String port = pty.devicePath().toString();
            byte[] expected = new EscPosEncoder(80).encode(
                    Slips.printerTest("ESC/POS printer on serial " + port + " at 19200 baud", KioskVersion.current()));
            byte[] statusRequests = concat(EscPosStatus.PRINTER, EscPosStatus.PAPER);
            CompletableFuture<byte[]> received = printer(pty, statusRequests.length * 2 + expected.length,
                    READY, READY, READY, READY);

            KioskctlRun run = KioskctlRun.of("printer", "test", "--serial", port, "--baud", "19200");

            assertThat(run.exit()).as(run.err()).isZero();
            // the printer was asked for its status, printer then paper, got the slip byte for byte, and was asked
            // again after it (the command closes the port only once that answer has come back)
            assertThat(received.get(20, TimeUnit.SECONDS)).isEqualTo(concat(concat(statusRequests, expected), statusRequests));
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("Test slip sent to the ESC/POS printer on serial " + port + " at 19200 baud");
        }
    }

    @Test
    void aSerialPrinterOutOfPaperIsNamedAndGetsNothingAndTheCommandExitsOne() throws Exception {
        try (SocatPty pty = new SocatPty(dir)) {
            String port = pty.devicePath().toString();
            byte[] statusRequests = concat(EscPosStatus.PRINTER, EscPosStatus.PAPER);
            CompletableFuture<byte[]> received = printer(pty, statusRequests.length, READY, PAPER_END);

            KioskctlRun run = KioskctlRun.of("printer", "test", "--serial", port);

            assertThat(run.exit()).isEqualTo(ScannerCommand.EXIT_DEVICE).isEqualTo(1);
            assertThat(run.err()).contains("Not printed: the printer is out of paper").contains(port);
            assertThat(run.out()).isEmpty();
            // the printer was asked, printer then paper, and the command stopped there
            assertThat(received.get(20, TimeUnit.SECONDS)).isEqualTo(statusRequests);
        }
    }
}

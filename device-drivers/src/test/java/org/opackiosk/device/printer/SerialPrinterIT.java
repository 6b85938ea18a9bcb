package org.opackiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.Slip;
import org.opackiosk.device.testing.SocatPty;

/** The serial printer transport over a real pseudo-terminal: a fake printer on the other end answers DLE EOT. */
class SerialPrinterIT {

    @TempDir
    Path dir;

    @Test
    void statusIsAskedAndTheSlipArrivesByteForByte() throws Exception {
        try (SocatPty pty = new SocatPty(dir)) {
            Slip slip = Slip.builder().heading("予約").qr("https://opac.example.jp/record/1").build();
            byte[] expected = new EscPosEncoder(80).encode(slip);
            // the "printer": answers the two status requests (ready, paper present), then reads the slip.
            // Its end is opened before the kiosk writes, as a real printer's port is always there.
            InputStream in = pty.openPeerForReading();
            OutputStream out = Files.newOutputStream(pty.peerPath());
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (in; out) {
                    for (int i = 0; i < 2; i++) {
                        byte[] request = in.readNBytes(3);
                        assertThat(request[0]).isEqualTo((byte) 0x10);
                        out.write(0x12);
                        out.flush();
                    }
                    return in.readNBytes(expected.length);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (EscPosPrinter printer = new EscPosPrinter(new SerialPrinterLink(pty.devicePath().toString(), 19200),
                    new EscPosEncoder(80))) {
                assertThat(printer.print(slip)).isEqualTo(new PrintResult.Printed());
                // read before the port closes: jSerialComm's close flushes what a pty's other end (socat) has not read
                // yet, which on a busy machine was the whole slip (a real serial line drains first)
                assertThat(received.get(20, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        }
    }

    @Test
    void aPrinterThatDoesNotAnswerHasUnknownStatusAndAnUnpluggedOneIsOffline() throws Exception {
        try (SocatPty pty = new SocatPty(dir)) {
            try (EscPosPrinter printer = new EscPosPrinter(new SerialPrinterLink(pty.devicePath().toString(), 9600),
                    new EscPosEncoder(58))) {
                assertThat(printer.status()).isEqualTo(PrinterStatus.UNKNOWN);
                pty.unplug();
                assertThat(printer.status()).isEqualTo(PrinterStatus.OFFLINE);
                PrintResult result = printer.print(Slip.builder().text("x").build());
                assertThat(result).isInstanceOf(PrintResult.NotPrinted.class);
            }
        }
    }
}

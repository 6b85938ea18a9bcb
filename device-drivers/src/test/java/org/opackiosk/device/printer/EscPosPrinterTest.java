package org.opackiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.Slip;

class EscPosPrinterTest {

    @TempDir
    Path dir;

    private final Slip slip = Slip.builder().heading("予約").text("受取館: 中央図書館").build();
    private final EscPosEncoder encoder = new EscPosEncoder(80);

    /** A two-way link that answers status requests from a script and records what is written. */
    private static final class ScriptedLink implements PrinterLink {
        final Deque<Integer> answers = new ArrayDeque<>();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public void write(byte[] bytes) {
            written.writeBytes(bytes);
        }

        @Override
        public OptionalInt ask(byte[] request, Duration timeout) {
            Integer a = answers.poll();
            return a == null ? OptionalInt.empty() : OptionalInt.of(a);
        }

        @Override
        public String describe() {
            return "script";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void statusBytesMeanReadyPaperOutOffline() {
        assertThat(EscPosStatus.interpret(0x12, 0x12)).isEqualTo(PrinterStatus.READY);
        assertThat(EscPosStatus.interpret(0x12, 0x72)).isEqualTo(PrinterStatus.PAPER_OUT);
        // paper near end only (bits 2, 3) still prints
        assertThat(EscPosStatus.interpret(0x12, 0x1E)).isEqualTo(PrinterStatus.READY);
        assertThat(EscPosStatus.interpret(0x1A, 0x12)).isEqualTo(PrinterStatus.OFFLINE);
        // not a status byte at all (noise, another protocol)
        assertThat(EscPosStatus.interpret(0xFF, 0x12)).isEqualTo(PrinterStatus.UNKNOWN);
    }

    @Test
    void aSlipIsPrintedWhenThePrinterIsReady() {
        ScriptedLink link = new ScriptedLink();
        link.answers.addAll(java.util.List.of(0x12, 0x12));
        PrintResult result = new EscPosPrinter(link, encoder).print(slip);
        assertThat(result).isEqualTo(new PrintResult.Printed());
        assertThat(link.written.toByteArray()).isEqualTo(encoder.encode(slip));
    }

    @Test
    void paperOutIsRefusedWithoutSendingTheSlip() {
        ScriptedLink link = new ScriptedLink();
        link.answers.addAll(java.util.List.of(0x12, 0x72));
        EscPosPrinter printer = new EscPosPrinter(link, encoder);
        PrintResult result = printer.print(slip);
        assertThat(result).isInstanceOf(PrintResult.NotPrinted.class);
        assertThat(((PrintResult.NotPrinted) result).status()).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(link.written.size()).isZero();
    }

    @Test
    void aUsbPrinterDeviceFileGetsTheBytesAndCannotTellItsStatus() throws IOException {
        // a temp file stands in for /dev/usb/lp0
        Path lp0 = Files.createFile(dir.resolve("lp0"));
        EscPosPrinter printer = new EscPosPrinter(new DeviceFileLink(lp0), encoder);
        assertThat(printer.status()).isEqualTo(PrinterStatus.UNKNOWN);
        assertThat(printer.print(slip)).isEqualTo(new PrintResult.Printed());
        assertThat(printer.print(slip)).isEqualTo(new PrintResult.Printed());
        byte[] one = encoder.encode(slip);
        assertThat(Files.readAllBytes(lp0)).hasSize(2 * one.length).startsWith(one);
        assertThat(printer.describe()).contains(lp0.toString());
    }

    @Test
    void aMissingDeviceFileIsOfflineAndNeverCreated() {
        Path lp0 = dir.resolve("lp0");
        PrintResult result = new EscPosPrinter(new DeviceFileLink(lp0), encoder).print(slip);
        assertThat(result).isInstanceOf(PrintResult.NotPrinted.class);
        assertThat(((PrintResult.NotPrinted) result).status()).isEqualTo(PrinterStatus.OFFLINE);
        assertThat(lp0).doesNotExist();
    }
}

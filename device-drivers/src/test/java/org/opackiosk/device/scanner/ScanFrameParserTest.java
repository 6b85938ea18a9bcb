package org.opackiosk.device.scanner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opackiosk.device.scanner.ScanFrameParser.Frame;
import org.opackiosk.device.scanner.ScanFrameParser.Reason;

class ScanFrameParserTest {

    private static Frame code(String text) {
        return new Frame.Code(text);
    }

    private static List<Frame> feedInPieces(ScanFrameParser parser, byte[] stream, int pieceSize) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < stream.length; i += pieceSize) {
            frames.addAll(parser.feed(stream, i, Math.min(pieceSize, stream.length - i)));
        }
        return frames;
    }

    @Test
    void oneCodeInOneRead() {
        ScanFrameParser parser = new ScanFrameParser("", "\r");
        assertThat(parser.feed("01000001\r".getBytes(UTF_8))).containsExactly(code("01000001"));
        assertThat(parser.pending()).isZero();
    }

    @Test
    void oneByteAtATimeGivesTheSameCodes() {
        byte[] stream = "01000001\r9784101010014\r".getBytes(UTF_8);
        for (int piece = 1; piece <= stream.length; piece++) {
            assertThat(feedInPieces(new ScanFrameParser("", "\r"), stream, piece))
                    .as("pieces of %d bytes", piece)
                    .containsExactly(code("01000001"), code("9784101010014"));
        }
    }

    @Test
    void twoCodesInOneRead() {
        ScanFrameParser parser = new ScanFrameParser("", "\r\n");
        assertThat(parser.feed("A01000001A\r\nA01000002A\r\n".getBytes(UTF_8)))
                .containsExactly(code("A01000001A"), code("A01000002A"));
    }

    @Test
    void aCodeSplitAcrossReadsWaitsForItsTerminator() {
        ScanFrameParser parser = new ScanFrameParser("", "\r\n");
        assertThat(parser.feed("0100".getBytes(UTF_8))).isEmpty();
        assertThat(parser.pending()).isEqualTo(4);
        assertThat(parser.feed("0001\r".getBytes(UTF_8))).isEmpty();
        assertThat(parser.feed("\n0100".getBytes(UTF_8))).containsExactly(code("01000001"));
        assertThat(parser.feed("0002\r\n".getBytes(UTF_8))).containsExactly(code("01000002"));
    }

    @Test
    void aCarriageReturnAloneIsNotACrLfTerminator() {
        ScanFrameParser parser = new ScanFrameParser("", "\r\n");
        // the CR inside makes it garbage; it never becomes two codes
        assertThat(parser.feed("0100\r0001\r\n".getBytes(UTF_8))).containsExactly(new Frame.Dropped(Reason.GARBAGE, 9));
    }

    @Test
    void prefixIsRequiredAndRemoved() {
        ScanFrameParser parser = new ScanFrameParser("\u0002", "\u0003");
        assertThat(parser.feed(new byte[] {0x02, '0', '1', 0x03, '0', '2', 0x03, 0x02, '0', '3', 0x03}))
                .containsExactly(code("01"), new Frame.Dropped(Reason.NO_PREFIX, 2), code("03"));
    }

    @Test
    void lineNoiseBeforeACodeIsDroppedAndTheCodeKept() {
        ScanFrameParser parser = new ScanFrameParser("", "\r");
        assertThat(parser.feed(new byte[] {0x00, 0x00, 0x1B, '0', '1', '0', '0', '0', '0', '0', '1', '\r'}))
                .containsExactly(new Frame.Dropped(Reason.GARBAGE, 3), code("01000001"));
    }

    @Test
    void aLineFeedAfterACarriageReturnTerminatorIsSilentlySkipped() {
        // a scanner sending CRLF to a kiosk configured for CR
        ScanFrameParser parser = new ScanFrameParser("", "\r");
        assertThat(parser.feed("01000001\r\n01000002\r\n".getBytes(UTF_8)))
                .containsExactly(code("01000001"), code("01000002"));
    }

    @Test
    void garbageInsideACodeDropsTheWholeCode() {
        ScanFrameParser parser = new ScanFrameParser("", "\r");
        assertThat(parser.feed(new byte[] {'0', '1', 0x00, '0', '1', '\r', '0', '2', '\r'}))
                .containsExactly(new Frame.Dropped(Reason.GARBAGE, 5), code("02"));
        assertThat(parser.feed(new byte[] {'0', (byte) 0xFF, (byte) 0xFE, '\r'}))
                .containsExactly(new Frame.Dropped(Reason.GARBAGE, 3));
    }

    @Test
    void utf8InAQrCodeIsKept() {
        ScanFrameParser parser = new ScanFrameParser("", "\r");
        assertThat(feedInPieces(parser, "図書館\r".getBytes(UTF_8), 1)).containsExactly(code("図書館"));
    }

    @Test
    void anOverLongFrameIsDroppedUpToItsTerminatorAndTheNextCodeCounts() {
        ScanFrameParser parser = new ScanFrameParser(new byte[0], "\r\n".getBytes(UTF_8), 16);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes("x".repeat(100).getBytes(UTF_8));
        stream.writeBytes("\r\n01000001\r\n".getBytes(UTF_8));
        for (int piece : new int[] {1, 3, 7, 200}) {
            ScanFrameParser p = new ScanFrameParser(new byte[0], "\r\n".getBytes(UTF_8), 16);
            assertThat(feedInPieces(p, stream.toByteArray(), piece)).as("pieces of %d", piece)
                    .containsExactly(new Frame.Dropped(Reason.TOO_LONG, 100), code("01000001"));
        }
        // exactly the limit is fine
        assertThat(parser.feed(("y".repeat(16) + "\r\n").getBytes(UTF_8))).containsExactly(code("y".repeat(16)));
    }

    @Test
    void resetForgetsAHalfCode() {
        ScanFrameParser parser = new ScanFrameParser("", "\r");
        parser.feed("0100".getBytes(UTF_8));
        parser.reset();
        assertThat(parser.feed("0002\r".getBytes(UTF_8))).containsExactly(code("0002"));
    }

    @Test
    void emptyLinesAreNotCodes() {
        assertThat(new ScanFrameParser("", "\r").feed("\r\r\r".getBytes(UTF_8))).isEmpty();
    }

    @Test
    void aCodeNeverAppearsInTheFramesToString() {
        assertThat(code("01000001").toString()).doesNotContain("01000001");
    }
}

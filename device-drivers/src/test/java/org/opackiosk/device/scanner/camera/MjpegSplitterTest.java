package org.opackiosk.device.scanner.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.zxing.BarcodeFormat;
import org.junit.jupiter.api.Test;
import org.opackiosk.device.testing.TestImages;

class MjpegSplitterTest {

    private static final byte[] A = TestImages.jpeg(TestImages.frame(BarcodeFormat.QR_CODE, "A"));
    private static final byte[] B = TestImages.jpeg(TestImages.frame(BarcodeFormat.CODABAR, "A01000001A"));
    private static final byte[] C = TestImages.jpeg(TestImages.blank());

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static List<byte[]> feedInPieces(MjpegSplitter splitter, byte[] stream, int piece) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < stream.length; i += piece) {
            frames.addAll(splitter.feed(stream, i, Math.min(piece, stream.length - i)));
        }
        return frames;
    }

    @Test
    void framesComeOutByteForByteHoweverTheStreamIsCut() {
        byte[] stream = concat(A, B, C);
        for (int piece : new int[] {1, 2, 7, 1000, 4096, stream.length}) {
            List<byte[]> frames = feedInPieces(new MjpegSplitter(), stream, piece);
            assertThat(frames).as("pieces of %d bytes", piece).hasSize(3);
            assertThat(frames.get(0)).isEqualTo(A);
            assertThat(frames.get(1)).isEqualTo(B);
            assertThat(frames.get(2)).isEqualTo(C);
        }
    }

    @Test
    void bytesBetweenFramesAreSkipped() {
        // multipart headers as some cameras send them, and noise
        byte[] header = "--frame\r\nContent-Type: image/jpeg\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] stream = concat(header, A, new byte[] {0x00, (byte) 0xFF, 0x12}, header, B);
        List<byte[]> frames = new MjpegSplitter().feed(stream);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isEqualTo(A);
        assertThat(frames.get(1)).isEqualTo(B);
    }

    @Test
    void anExifThumbnailDoesNotEndTheFrame() {
        // an APP1 segment holding a whole JPEG (its own FF D8 … FF D9), as cameras write EXIF thumbnails
        byte[] thumbnail = TestImages.jpeg(TestImages.blank());
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exifHeader.length + thumbnail.length;
        byte[] app1 = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, exifHeader, thumbnail);
        byte[] withExif = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app1, java.util.Arrays.copyOfRange(A, 2, A.length));

        List<byte[]> frames = feedInPieces(new MjpegSplitter(), concat(withExif, B), 3);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isEqualTo(withExif);
        assertThat(frames.get(1)).isEqualTo(B);
    }

    @Test
    void aProgressiveJpegWithSeveralScansIsOneFrame() {
        byte[] progressive = TestImages.jpeg(TestImages.frame(BarcodeFormat.QR_CODE, "P"), true);
        List<byte[]> frames = feedInPieces(new MjpegSplitter(), concat(progressive, A), 5);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isEqualTo(progressive);
    }

    @Test
    void aFrameCutOffByANewStartIsDroppedAndTheNewOneKept() {
        // the camera restarted mid-frame
        byte[] cut = java.util.Arrays.copyOf(A, A.length / 2);
        MjpegSplitter splitter = new MjpegSplitter();
        List<byte[]> frames = splitter.feed(concat(cut, B));
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0)).isEqualTo(B);
        assertThat(splitter.dropped()).isEqualTo(1);
    }

    @Test
    void aFrameLargerThanTheLimitIsDropped() {
        MjpegSplitter splitter = new MjpegSplitter(A.length - 1);
        List<byte[]> frames = splitter.feed(concat(A, C));
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0)).isEqualTo(C);
        assertThat(splitter.dropped()).isEqualTo(1);
    }
}

package org.opackiosk.device.scanner.camera;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Motion-JPEG byte stream (what {@code rpicam-vid --codec mjpeg -o -} or
 * {@code ffmpeg -f mjpeg -} write) into whole JPEG images, however the bytes arrive. It follows the
 * JPEG marker structure — segment lengths, then the entropy-coded data up to EOI — rather than
 * searching for {@code FF D9}, so an EXIF thumbnail inside a frame does not cut it short. Bytes
 * outside a frame (multipart headers, noise) are skipped; a frame that breaks the structure or grows
 * past the limit is dropped and counted. Pure; not thread-safe.
 */
public final class MjpegSplitter {

    /** 1920×1080 MJPEG frames are a few hundred kilobytes; a frame ten times that is not a frame. */
    public static final int DEFAULT_MAX_FRAME = 8 * 1024 * 1024;

    private enum State { SEEK_SOI, MARKER, MARKER_CODE, LENGTH_HIGH, LENGTH_LOW, SEGMENT, ENTROPY, ENTROPY_FF }

    private final int maxFrame;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(64 * 1024);
    private State state = State.SEEK_SOI;
    private boolean previousWasFF;
    private boolean inScanHeader;
    private int lengthHigh;
    private int remaining;
    private long dropped;

    public MjpegSplitter() {
        this(DEFAULT_MAX_FRAME);
    }

    public MjpegSplitter(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    /** Frames dropped so far (broken structure or too large). */
    public long dropped() {
        return dropped;
    }

    /** Feeds bytes; returns the JPEG images they completed, in order. */
    public List<byte[]> feed(byte[] bytes, int offset, int length) {
        List<byte[]> out = new ArrayList<>();
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            int v = b & 0xFF;
            switch (state) {
                case SEEK_SOI -> {
                    if (previousWasFF && v == 0xD8) {
                        frame.reset();
                        frame.write(0xFF);
                        frame.write(0xD8);
                        state = State.MARKER;
                        previousWasFF = false;
                        continue;
                    }
                    previousWasFF = v == 0xFF;
                    continue;
                }
                case SEGMENT -> {
                    // skip a segment's body in one go
                    int n = Math.min(remaining, end - i);
                    frame.write(bytes, i, n);
                    remaining -= n;
                    i += n - 1;
                    if (frame.size() > maxFrame) {
                        drop();
                    } else if (remaining == 0) {
                        state = inScanHeader ? State.ENTROPY : State.MARKER;
                    }
                    continue;
                }
                default -> {
                }
            }
            frame.write(b);
            if (frame.size() > maxFrame) {
                drop();
                continue;
            }
            switch (state) {
                case MARKER -> {
                    if (v == 0xFF) {
                        state = State.MARKER_CODE;
                    } else {
                        drop(); // a segment must start with a marker
                    }
                }
                case MARKER_CODE -> marker(v, out);
                case LENGTH_HIGH -> {
                    lengthHigh = v;
                    state = State.LENGTH_LOW;
                }
                case LENGTH_LOW -> {
                    int segmentLength = lengthHigh << 8 | v;
                    if (segmentLength < 2) {
                        drop();
                    } else {
                        remaining = segmentLength - 2;
                        state = remaining > 0 ? State.SEGMENT : inScanHeader ? State.ENTROPY : State.MARKER;
                    }
                }
                case ENTROPY -> {
                    if (v == 0xFF) {
                        state = State.ENTROPY_FF;
                    }
                }
                case ENTROPY_FF -> {
                    if (v == 0x00 || v >= 0xD0 && v <= 0xD7) {
                        state = State.ENTROPY; // stuffed byte or restart marker: still image data
                    } else if (v != 0xFF) {
                        inScanHeader = false;
                        marker(v, out); // EOI, or the next segment of a progressive JPEG
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return out;
    }

    public List<byte[]> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    private void marker(int code, List<byte[]> out) {
        inScanHeader = false;
        if (code == 0xFF) {
            state = State.MARKER_CODE; // fill byte
        } else if (code == 0xD9) {
            out.add(frame.toByteArray());
            frame.reset();
            state = State.SEEK_SOI;
        } else if (code == 0xD8) {
            // a new frame began before this one ended: the camera restarted; start over with it
            dropped++;
            frame.reset();
            frame.write(0xFF);
            frame.write(0xD8);
            state = State.MARKER;
        } else if (code >= 0xD0 && code <= 0xD7 || code == 0x01) {
            state = State.MARKER; // markers without a length
        } else {
            inScanHeader = code == 0xDA;
            state = State.LENGTH_HIGH;
        }
    }

    private void drop() {
        dropped++;
        frame.reset();
        state = State.SEEK_SOI;
        previousWasFF = false;
    }
}

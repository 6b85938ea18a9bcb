package org.opackiosk.device.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits the byte stream of a serial barcode scanner into codes: {@code [prefix] code terminator}.
 * Bytes may arrive in any pieces — one at a time, two codes in one read, a code split across reads —
 * and the result is the same. What is not a clean code is reported as {@link Frame.Dropped}, never
 * guessed at: control characters or invalid UTF-8 inside a code, a missing prefix, a code longer than
 * the limit (everything up to the next terminator is dropped with it). Control bytes before a code
 * (line noise when a port opens, an LF after a CR terminator) are dropped on their own, so the code
 * after them still counts. Pure: no I/O, no logging, no clock. Not thread-safe: one reader thread feeds it.
 */
public final class ScanFrameParser {

    /** What one terminator-ended piece of the stream was. */
    public sealed interface Frame permits Frame.Code, Frame.Dropped {
        /** A clean code, without prefix and terminator. */
        record Code(String text) implements Frame {
            @Override
            public String toString() {
                // codes may be card numbers
                return "Code[" + text.length() + " chars]";
            }
        }

        /** Bytes that were not a code; {@code length} of them, for the log line. */
        record Dropped(Reason reason, int length) implements Frame {
        }
    }

    public enum Reason {
        /** Control bytes or invalid UTF-8 where a code should be. */
        GARBAGE,
        /** A code without the configured prefix. */
        NO_PREFIX,
        /** No terminator within the maximum length. */
        TOO_LONG
    }

    /** Longer than any barcode a library kiosk reads (a QR code with a URL stays well under it). */
    public static final int DEFAULT_MAX_LENGTH = 512;

    private final byte[] prefix;
    private final byte[] terminator;
    private final int maxLength;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean discarding;
    private int discarded;

    /**
     * @param prefix     bytes before every code (empty for none), e.g. STX
     * @param terminator bytes after every code, e.g. CR; not empty
     * @param maxLength  the longest code accepted, prefix excluded
     */
    public ScanFrameParser(byte[] prefix, byte[] terminator, int maxLength) {
        this.prefix = Objects.requireNonNull(prefix, "prefix").clone();
        this.terminator = Objects.requireNonNull(terminator, "terminator").clone();
        if (terminator.length == 0) {
            throw new IllegalArgumentException("a terminator is needed to split codes");
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.maxLength = maxLength;
    }

    public ScanFrameParser(String prefix, String terminator) {
        this(prefix.getBytes(StandardCharsets.UTF_8), terminator.getBytes(StandardCharsets.UTF_8), DEFAULT_MAX_LENGTH);
    }

    /** Feeds {@code length} bytes from {@code offset}; returns the frames they completed, in order. */
    public List<Frame> feed(byte[] bytes, int offset, int length) {
        List<Frame> frames = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i], frames);
        }
        return frames;
    }

    public List<Frame> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /** Forgets a half-received code (the port was closed and reopened: its rest will never come). */
    public void reset() {
        buffer.reset();
        discarding = false;
        discarded = 0;
    }

    /** Bytes of an unfinished code waiting for their terminator. */
    public int pending() {
        return discarding ? discarded : buffer.size();
    }

    private void accept(byte b, List<Frame> out) {
        if (discarding) {
            discarded++;
            buffer.write(b);
            if (endsWithTerminator()) {
                out.add(new Frame.Dropped(Reason.TOO_LONG, discarded - terminator.length));
                buffer.reset();
                discarding = false;
                discarded = 0;
            } else if (buffer.size() > terminator.length) {
                // keep only what could still be the start of a terminator
                byte[] tail = Arrays.copyOfRange(buffer.toByteArray(), buffer.size() - terminator.length, buffer.size());
                buffer.reset();
                buffer.writeBytes(tail);
            }
            return;
        }
        buffer.write(b);
        if (endsWithTerminator()) {
            byte[] all = buffer.toByteArray();
            buffer.reset();
            frame(Arrays.copyOf(all, all.length - terminator.length), out);
        } else if (buffer.size() > prefix.length + maxLength + terminator.length - 1) {
            discarding = true;
            discarded = buffer.size();
            byte[] tail = Arrays.copyOfRange(buffer.toByteArray(), buffer.size() - (terminator.length - 1), buffer.size());
            buffer.reset();
            buffer.writeBytes(tail);
        }
    }

    private boolean endsWithTerminator() {
        int n = buffer.size();
        if (n < terminator.length) {
            return false;
        }
        byte[] b = buffer.toByteArray();
        for (int i = 0; i < terminator.length; i++) {
            if (b[n - terminator.length + i] != terminator[i]) {
                return false;
            }
        }
        return true;
    }

    private void frame(byte[] f, List<Frame> out) {
        int start = 0;
        // control bytes before a code: noise, or the LF of a CRLF scanner configured as CR. The prefix itself may be a control byte.
        while (start < f.length && isControl(f[start]) && !startsWithPrefix(f, start)) {
            start++;
        }
        if (start > 0 && !isOnlyLineEnds(f, start)) {
            out.add(new Frame.Dropped(Reason.GARBAGE, start));
        }
        if (start == f.length) {
            return;
        }
        if (prefix.length > 0) {
            if (!startsWithPrefix(f, start)) {
                out.add(new Frame.Dropped(Reason.NO_PREFIX, f.length - start));
                return;
            }
            start += prefix.length;
        }
        byte[] code = Arrays.copyOfRange(f, start, f.length);
        if (code.length == 0) {
            return;
        }
        for (byte c : code) {
            if (isControl(c)) {
                out.add(new Frame.Dropped(Reason.GARBAGE, code.length));
                return;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(code)).toString();
            out.add(new Frame.Code(text));
        } catch (CharacterCodingException e) {
            out.add(new Frame.Dropped(Reason.GARBAGE, code.length));
        }
    }

    private boolean startsWithPrefix(byte[] f, int at) {
        if (prefix.length == 0 || f.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (f[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOnlyLineEnds(byte[] f, int end) {
        for (int i = 0; i < end; i++) {
            if (f[i] != '\r' && f[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(byte b) {
        return (b >= 0 && b < 0x20) || b == 0x7F;
    }
}

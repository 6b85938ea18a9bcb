package org.opackiosk.circulation.koha;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Passes at most {@code limit} bytes through and fails with {@link BodyTooLargeException} as soon as
 * the source has more, so a huge or endless response body is never read into memory. Remembers whether
 * the source was read to its end. {@link #close()} does <em>not</em> close the source: closing an HTTP
 * entity stream drains it, which is exactly what must not happen to an oversized body; the caller
 * aborts the connection instead. Not thread-safe (one reader).
 */
final class BoundedInputStream extends InputStream {

    private final InputStream source;
    private final long limit;
    private long remaining;
    private boolean endReached;

    BoundedInputStream(InputStream source, long limit) {
        this.source = Objects.requireNonNull(source, "source");
        this.limit = limit;
        this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (endReached) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            // the limit is reached: one more byte, and the body is too large
            if (source.read() < 0) {
                endReached = true;
                return -1;
            }
            throw new BodyTooLargeException(limit);
        }
        int n = source.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            endReached = true;
            return -1;
        }
        remaining -= n;
        return n;
    }

    /** Whether the source reported its end (the whole body was read, within the limit). */
    boolean endReached() {
        return endReached;
    }

    long bytesRead() {
        return limit - remaining;
    }

    @Override
    public void close() {
        // see the class comment: the source is aborted or released by the caller, never drained here
    }
}

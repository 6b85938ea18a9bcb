package org.opackiosk.circulation.koha;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a JSON array of objects into the same objects one after the other, which is what marc4j's
 * {@code MarcJsonReader} reads: Koha sends a MARC-in-JSON listing as an array. The brackets and the commas
 * between elements become spaces and newlines; everything inside strings passes untouched. A body that is
 * not an array passes unchanged. Works on bytes (UTF-8 continuation bytes never look like JSON syntax).
 * Not thread-safe.
 */
final class JsonArrayStream extends FilterInputStream {

    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean started;
    private boolean array;

    JsonArrayStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        return b < 0 ? b : translate(b);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) translate(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private int translate(int b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return b;
        }
        if (!started) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                return b;
            }
            started = true;
            if (b == '[') {
                array = true;
                depth = 1;
                return ' ';
            }
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[' -> depth++;
            case '}', ']' -> {
                depth--;
                if (array && depth == 0) {
                    return '\n';
                }
            }
            case ',' -> {
                if (array && depth == 1) {
                    return '\n';
                }
            }
            default -> {
                // a value's own character
            }
        }
        return b;
    }
}

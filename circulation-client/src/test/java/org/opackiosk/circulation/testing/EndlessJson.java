package org.opackiosk.circulation.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import com.sun.net.httpserver.HttpExchange;

/**
 * Streams a JSON array of libraries lazily, chunked, until {@code maxBytes} or until the client goes
 * away; {@link #bytesWritten()} completes with how much was written by then.
 */
public final class EndlessJson implements FakeKoha.Responder {

    private final long maxBytes;
    private final CompletableFuture<Long> written = new CompletableFuture<>();

    public EndlessJson(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void respond(HttpExchange exchange) throws IOException {
        StringBuilder block = new StringBuilder();
        while (block.length() < 64 * 1024) {
            block.append("{\"library_id\":\"X\",\"name\":\"").append("a".repeat(200)).append("\",\"pickup_location\":true},");
        }
        byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
        long total = 0;
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write('[');
            total = 1;
            while (total < maxBytes) {
                out.write(bytes);
                total += bytes.length;
            }
            out.write("{}]".getBytes(StandardCharsets.UTF_8));
            out.close();
        } catch (IOException e) {
            // the client stopped reading and dropped the connection: the expected end
        } finally {
            written.complete(total);
        }
    }

    public CompletableFuture<Long> bytesWritten() {
        return written;
    }
}

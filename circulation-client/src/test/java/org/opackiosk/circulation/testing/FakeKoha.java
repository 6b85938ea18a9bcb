package org.opackiosk.circulation.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A scripted Koha on {@code 127.0.0.1}, over real HTTPS with a test certificate. Every request that
 * reaches a handler is recorded (a request refused during the TLS handshake never is). Routes answer
 * with {@link Responder}s; {@code POST /api/v1/oauth/token} issues {@code token-1}, {@code token-2} …
 * unless scripted otherwise; anything unscripted is a Koha-style 404. Thread-safe.
 */
public final class FakeKoha implements AutoCloseable {

    public static final String TOKEN_PATH = "/api/v1/oauth/token";

    /**
     * One request as the server saw it. Header names are case-insensitive; {@code clientPort} tells
     * connections apart.
     */
    public record Recorded(String method, String rawPath, String rawQuery, Map<String, String> headers, String body,
                           int clientPort) {

        public String path() {
            return URI.create(rawPath).getPath();
        }

        public String header(String name) {
            return headers.get(name);
        }

        /** The decoded query parameters, in order. */
        public Map<String, String> query() {
            return decodeForm(rawQuery);
        }

        /** The decoded form fields of an {@code application/x-www-form-urlencoded} body. */
        public Map<String, String> form() {
            return decodeForm(body);
        }

        private static Map<String, String> decodeForm(String encoded) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return fields;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return fields;
        }
    }

    /** Writes one answer. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpsServer server;
    private final ExecutorService executor;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Responder>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile long tokenLifetimeSeconds = 3600;

    private FakeKoha(TestCertificates.Issued identity) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(identity.serverContext()));
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-koha");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        on("POST", TOKEN_PATH, exchange -> json(200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetimeSeconds + "}").respond(exchange));
        server.start();
    }

    /** Starts a server presenting {@code identity}'s chain. */
    public static FakeKoha start(TestCertificates.Issued identity) throws IOException {
        return new FakeKoha(identity);
    }

    /** {@code https://127.0.0.1:<port>}. */
    public URI url() {
        return url("127.0.0.1");
    }

    public URI url(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort());
    }

    /** Answers every {@code method path} request with {@code responder}. */
    public FakeKoha on(String method, String path, Responder responder) {
        return onSequence(method, path, responder);
    }

    /** The n-th request to {@code method path} gets the n-th responder; the last one repeats. */
    public FakeKoha onSequence(String method, String path, Responder... responders) {
        hits.remove(method + " " + path);
        routes.put(method + " " + path, List.of(responders));
        return this;
    }

    public FakeKoha tokenLifetime(Duration lifetime) {
        tokenLifetimeSeconds = lifetime.toSeconds();
        return this;
    }

    /** Every request that reached a handler, in order of arrival. */
    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Recorded> requests(String method, String path) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public List<Recorded> tokenRequests() {
        return requests("POST", TOKEN_PATH);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            requests.add(new Recorded(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body,
                    exchange.getRemoteAddress().getPort()));

            String key = exchange.getRequestMethod() + " " + uri.getPath();
            List<Responder> script = routes.get(key);
            if (script == null) {
                json(404, "{\"error\":\"Not found\",\"error_code\":\"not_found\"}").respond(exchange);
                return;
            }
            int n = hits.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
            script.get(Math.min(n, script.size() - 1)).respond(exchange);
        } catch (IOException e) {
            // the client went away (e.g. it aborted an oversized body); nothing to answer
        }
    }

    // ---- responders ----

    public static Responder json(int status, String body, String... headerNamesAndValues) {
        return text(status, "application/json;charset=UTF-8", body, headerNamesAndValues);
    }

    public static Responder text(int status, String contentType, String body, String... headerNamesAndValues) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
                exchange.getResponseHeaders().set(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    /** Never answers until the server is closed (or 30 s pass): a server that hangs. */
    public Responder hang() {
        return exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Declares {@code declaredLength} bytes, sends {@code sent} and closes the connection. */
    public static Responder cutShort(String sent, int declaredLength) {
        return exchange -> {
            byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, declaredLength);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes);
            out.flush();
            // closing the exchange early makes the JDK server drop the connection
        };
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

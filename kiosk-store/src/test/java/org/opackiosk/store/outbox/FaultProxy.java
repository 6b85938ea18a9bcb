package org.opackiosk.store.outbox;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.opackiosk.demo.tls.ServerIdentity;

/**
 * A proxy on loopback between the kiosk's Koha client and the real demo server, which the fault tests
 * control. It presents the demo server's own key, so the kiosk's pinned TLS accepts it exactly as it
 * accepts the server; behind it a second TLS connection goes to the server. Because it sees whole HTTP
 * exchanges it can fail at the moments that matter: before the server got a request, or after the server
 * acted and before the kiosk heard the answer.
 *
 * <p>Faults are rules "the next N requests whose request line starts with P"; {@link #refuse()} makes it
 * a server that is down (connections refused, open ones reset). Nothing here waits on a timer: a stall
 * lasts until the kiosk's own response timeout gives up and closes the connection.
 *
 * <p>Only what the Koha client sends is understood: requests with a Content-Length (or none), answers
 * with a Content-Length, chunked, or no body. Thread-safe; one thread per connection.
 */
final class FaultProxy implements Closeable {

    /** What happens to a request a rule matches. */
    enum Fault {
        /** The connection is reset while the request arrives; the server never sees it. */
        RESET_MID_REQUEST,
        /** The request is held and never forwarded: the kiosk waits until its response timeout. */
        STALL_BEFORE_SERVER,
        /** The server acts and answers; the answer is held until the kiosk's response timeout, then dropped. */
        STALL_AFTER_SERVER,
        /** The server acts and answers; the answer is dropped and the connection reset (the classic lost reply). */
        DROP_REPLY_AFTER_SERVER,
        /** The proxy answers 503 itself; the server never sees the request. */
        SERVICE_UNAVAILABLE,
        /** The request is held {@link #DELAY} (a slow link), then forwarded and answered normally. */
        DELAY_5S_BEFORE_SERVER
    }

    /** How long {@link Fault#DELAY_5S_BEFORE_SERVER} holds a request: issue 7's "5 s stalls". */
    static final java.time.Duration DELAY = java.time.Duration.ofSeconds(5);

    private record Rule(String requestLinePrefix, Fault fault, AtomicInteger remaining) {
    }

    /** Any request, with {@code probability}, gets one of {@code faults}, chosen by a seeded random. */
    private record Chaos(java.util.Random random, double probability, List<Fault> faults) {
        synchronized Fault next() {
            return random.nextDouble() < probability ? faults.get(random.nextInt(faults.size())) : null;
        }
    }

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private final URI upstream;
    private final SSLContext downstreamTls;
    private final SSLContext upstreamTls;
    private final int port;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile Chaos chaos;
    private volatile boolean closed;

    private FaultProxy(ServerIdentity identity, URI upstream) throws IOException {
        this.upstream = upstream;
        this.downstreamTls = identity.serverContext();
        this.upstreamTls = trusting(identity);
        ServerSocket first = bind(0);
        this.port = first.getLocalPort();
        this.listener = first;
        startAccepting(first);
    }

    /** A proxy in front of {@code upstream} (the demo server at {@code https://127.0.0.1:PORT}) presenting {@code identity}. */
    static FaultProxy start(ServerIdentity identity, URI upstream) throws IOException {
        return new FaultProxy(identity, upstream);
    }

    /** Where the kiosk must connect: {@code https://127.0.0.1:PORT}, the same pin as the server. */
    URI baseUrl() {
        return URI.create("https://127.0.0.1:" + port);
    }

    /** The next {@code times} requests whose request line starts with {@code prefix} ("POST /api/v1/holds", "" = any). */
    void inject(Fault fault, int times, String prefix) {
        rules.add(new Rule(prefix, fault, new AtomicInteger(times)));
    }

    /** From now on every request not matched by a rule fails with {@code probability}, with one of {@code faults}. */
    void chaos(long seed, double probability, Fault... faults) {
        chaos = new Chaos(new java.util.Random(seed), probability, List.of(faults));
    }

    /** Disarms every rule and the chaos: the network is healthy again. */
    void clear() {
        rules.clear();
        chaos = null;
    }

    /** Faults applied so far, as "FAULT request-line", in order. */
    List<String> applied() {
        return List.copyOf(applied);
    }

    /** Requests that reached the server. */
    int forwarded() {
        return forwarded.get();
    }

    /** The server is down: new connections are refused, open ones are reset. */
    synchronized void refuse() throws IOException {
        ServerSocket s = listener;
        listener = null;
        if (s != null) {
            s.close();
        }
        for (Socket socket : List.copyOf(open)) {
            reset(socket);
        }
    }

    /** The server is back, on the same port. */
    synchronized void accept() throws IOException {
        if (listener == null && !closed) {
            ServerSocket s = bind(port);
            listener = s;
            startAccepting(s);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        refuse();
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return s;
    }

    private static SSLContext trusting(ServerIdentity identity) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("demo", identity.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private void startAccepting(ServerSocket s) {
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket raw = s.accept();
                    open.add(raw);
                    Thread c = new Thread(() -> serve(raw), "fault-proxy-connection");
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return; // closed: the server is "down"
                }
            }
        }, "fault-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private void serve(Socket raw) {
        Socket server = null;
        try {
            SSLSocket tls = (SSLSocket) downstreamTls.getSocketFactory().createSocket(raw, null, raw.getPort(), false);
            tls.setUseClientMode(false);
            tls.startHandshake();
            InputStream in = new java.io.BufferedInputStream(tls.getInputStream());
            OutputStream out = tls.getOutputStream();
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    return; // the kiosk closed an idle connection
                }
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String requestLine = text.substring(0, text.indexOf("\r\n"));
                byte[] body = in.readNBytes(contentLength(text));
                Fault fault = take(requestLine);
                if (fault == Fault.RESET_MID_REQUEST) {
                    reset(raw);
                    return;
                }
                if (fault == Fault.STALL_BEFORE_SERVER) {
                    waitForTheKioskToGiveUp(in);
                    return;
                }
                if (fault == Fault.SERVICE_UNAVAILABLE) {
                    byte[] json = "{\"error\":\"Service temporarily unavailable (fault proxy)\"}".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                            + json.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(json);
                    out.flush();
                    continue;
                }
                if (fault == Fault.DELAY_5S_BEFORE_SERVER) {
                    try {
                        Thread.sleep(DELAY); // the slow network itself, not a test waiting for something
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (server == null) {
                    server = upstreamTls.getSocketFactory().createSocket(upstream.getHost(), upstream.getPort());
                    open.add(server);
                }
                OutputStream toServer = server.getOutputStream();
                toServer.write(head);
                toServer.write(body);
                toServer.flush();
                forwarded.incrementAndGet();
                Response response = readResponse(new java.io.BufferedInputStream(server.getInputStream(), 1),
                        requestLine.startsWith("HEAD "));
                if (fault == Fault.DROP_REPLY_AFTER_SERVER) {
                    reset(raw);
                    return;
                }
                if (fault == Fault.STALL_AFTER_SERVER) {
                    waitForTheKioskToGiveUp(in);
                    return;
                }
                out.write(response.bytes());
                out.flush();
                if (response.closes()) {
                    return;
                }
            }
        } catch (IOException e) {
            // a connection ended (the kiosk gave up, the proxy was closed): nothing to do
        } finally {
            closeQuietly(server);
            closeQuietly(raw);
        }
    }

    private Fault take(String requestLine) {
        for (Rule rule : rules) {
            if (requestLine.startsWith(rule.requestLinePrefix())
                    && rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                applied.add(rule.fault() + " " + requestLine);
                return rule.fault();
            }
        }
        Chaos c = chaos;
        Fault random = c == null ? null : c.next();
        if (random != null) {
            applied.add(random + " " + requestLine);
        }
        return random;
    }

    /** Reads (and drops) whatever the kiosk sends until it closes the connection after its timeout. */
    private static void waitForTheKioskToGiveUp(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // keep reading until the kiosk closes
        }
    }

    private record Response(byte[] bytes, boolean closes) {
    }

    private static Response readResponse(InputStream in, boolean head) throws IOException {
        byte[] headBytes = readHead(in);
        if (headBytes == null) {
            throw new EOFException("the server closed the connection without an answer");
        }
        String text = new String(headBytes, StandardCharsets.ISO_8859_1);
        String lower = text.toLowerCase(Locale.ROOT);
        int status = Integer.parseInt(text.substring(9, 12));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(headBytes);
        boolean closes = lower.contains("\r\nconnection: close");
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            return new Response(all.toByteArray(), closes);
        }
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            while (true) {
                String sizeLine = readLine(in);
                all.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = readLine(in);
                        all.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    } while (!trailer.isEmpty());
                    return new Response(all.toByteArray(), closes);
                }
                all.write(in.readNBytes(size + 2));
            }
        }
        if (lower.contains("\r\ncontent-length:")) {
            all.write(in.readNBytes(contentLength(text)));
            return new Response(all.toByteArray(), closes);
        }
        all.write(in.readAllBytes());
        return new Response(all.toByteArray(), true);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).strip());
            }
        }
        return 0;
    }

    /** The bytes up to and including the blank line; null when the stream ends before any byte. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < HEAD_END.length) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("connection ended inside a message head");
            }
            head.write(b);
            matched = b == HEAD_END[matched] ? matched + 1 : (b == HEAD_END[0] ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection ended inside a chunked body");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    /** A TCP reset, without TLS's close_notify: what a dying server or a broken path looks like. */
    private void reset(Socket raw) {
        try {
            raw.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(raw);
    }

    private void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    /** For a failure message: the rules still armed. */
    @Override
    public String toString() {
        List<String> armed = new ArrayList<>();
        rules.forEach(r -> armed.add(r.fault() + " x" + r.remaining().get() + " '" + r.requestLinePrefix() + "'"));
        return "FaultProxy " + baseUrl() + " armed " + armed + " applied " + applied;
    }
}

package org.opackiosk.demo.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK's HTTPS server on 127.0.0.1 only, with a bounded pool of worker threads: when all workers
 * are busy and the queue is full the dispatcher thread runs the request itself, which slows down
 * accepting new connections instead of dropping them.
 */
public final class ApiServer implements AutoCloseable {

    private static final int WORKERS = 8;
    private static final int QUEUE = 64;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final HttpsServer server;
    private final ThreadPoolExecutor executor;
    private final URI baseUri;

    private ApiServer(HttpsServer server, ThreadPoolExecutor executor, URI baseUri) {
        this.server = server;
        this.executor = executor;
        this.baseUri = baseUri;
    }

    /** Binds {@code 127.0.0.1:port} ({@code 0} = any free port) and starts answering. */
    public static ApiServer start(int port, SSLContext tls, Router router, Authentication authentication)
            throws IOException {
        return start(port, tls, router, authentication, null, () -> { });
    }

    /**
     * As {@link #start(int, SSLContext, Router, Authentication)}, recording to {@code recorder} (may be
     * {@code null}) and running {@code beforeEach} before every routed request.
     */
    public static ApiServer start(int port, SSLContext tls, Router router, Authentication authentication,
                                  RequestRecorder recorder, Runnable beforeEach) throws IOException {
        HttpsServer server = HttpsServer.create(
                new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(parameters);
            }
        });
        ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), new NamedThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        URI baseUri = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        server.createContext("/", new ApiHandler(router, authentication, baseUri, recorder, beforeEach));
        server.start();
        return new ApiServer(server, executor, baseUri);
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    /** Stops accepting, closes open connections and ends the workers; waits at most a few seconds. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "demo-server-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

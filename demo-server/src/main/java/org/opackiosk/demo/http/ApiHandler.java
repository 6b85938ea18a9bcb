package org.opackiosk.demo.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link HttpHandler}: routes, authenticates, runs the handler and writes its answer.
 * Unknown paths answer 404 and known paths with another method 405, in the shape Koha's OpenAPI
 * layer uses; a handler's unexpected exception is logged here, once, and answered with 500.
 *
 * <p>Access log lines carry the method, the path without its query (card numbers travel in queries)
 * and the status. {@link Access#LOOPBACK} routes answer 403 to anyone but a loopback address. Before
 * each request the optional {@code beforeEach} hook runs (the demo's daily circulation work); with a
 * {@link RequestRecorder} every exchange is recorded, secrets masked.
 */
public final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Router router;
    private final Authentication authentication;
    private final URI baseUri;
    private final RequestRecorder recorder;
    private final Runnable beforeEach;

    public ApiHandler(Router router, Authentication authentication, URI baseUri) {
        this(router, authentication, baseUri, null, () -> { });
    }

    /** @param recorder {@code null} = nothing recorded */
    public ApiHandler(Router router, Authentication authentication, URI baseUri, RequestRecorder recorder,
                      Runnable beforeEach) {
        this.router = router;
        this.authentication = authentication;
        this.baseUri = baseUri;
        this.recorder = recorder;
        this.beforeEach = beforeEach;
    }

    /** Whether a connection comes from this machine's loopback interface. */
    public static boolean loopback(InetSocketAddress remote) {
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Response response;
        byte[] recordedBody = null;
        boolean bodyLeftUnread = false;
        try {
            // The body is read before any answer, whatever the answer: a 401 written over an unread body
            // left the JDK server's TLS connection in a state where the client's next request on it hung.
            byte[] requestBody = exchange.getRequestBody().readNBytes(Request.MAX_BODY_BYTES + 1);
            if (recorder != null) {
                recordedBody = requestBody;
            }
            bodyLeftUnread = requestBody.length > Request.MAX_BODY_BYTES;
            response = dispatch(exchange, method, path, new ByteArrayInputStream(requestBody));
        } catch (ApiProblem problem) {
            response = problem.response();
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            response = Response.error(500, "Something went wrong, check the logs for details.", "internal_server_error");
        }
        if (bodyLeftUnread) {
            response = response.withHeader("Connection", "close"); // the rest of an oversized body is never read
        }
        if (recorder != null) {
            recorder.record(method, path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().containsKey("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), recordedBody, response);
        }
        try {
            write(exchange, response);
        } catch (IOException e) {
            LOG.debug("{} {}: client went away before the answer was written: {}", method, path, e.getMessage());
        } finally {
            exchange.close();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} ({} ms)", method, path, response.status(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private Response dispatch(HttpExchange exchange, String method, String path, InputStream body) {
        return switch (router.resolve(method, path)) {
            case Router.NoRoute ignored -> Response.validation(404,
                    List.of(new Response.ValidationError("Not Found.", "/")));
            case Router.WrongMethod wrong -> Response.validation(405,
                            List.of(new Response.ValidationError("Method Not Allowed.", "/")))
                    .withHeader("Allow", String.join(", ", wrong.allowed()));
            case Router.Match match -> {
                String clientId = null;
                if (match.route().access() == Access.LOOPBACK && !loopback(exchange.getRemoteAddress())) {
                    yield Response.error(403, "The admin routes answer only on this machine", "loopback_only");
                }
                beforeEach.run();
                if (match.route().access() == Access.API_CLIENT) {
                    Optional<String> client = authentication.authenticate(
                            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
                    if (client.isEmpty()) {
                        yield Response.error(401, "Authentication failure.", null);
                    }
                    clientId = client.get();
                }
                Request request = new Request(method, exchange.getRequestURI(), baseUri,
                        exchange.getRequestHeaders(), body, match.params(), clientId);
                yield match.route().handler().handle(request);
            }
        };
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        byte[] body = response.body();
        if (body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

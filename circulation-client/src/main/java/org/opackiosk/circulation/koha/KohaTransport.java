package org.opackiosk.circulation.koha;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.config.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link KohaRequest}s over one pooled, pinned HTTPS client and turns every outcome into a
 * {@link CallResult}: authentication (OAuth2 token cache or HTTP Basic, one renewal on 401), bounded
 * retries of repeatable requests, bounded JSON bodies, and one log line per failure, written here where
 * the failure is handled.
 *
 * <p>How "was anything sent?" is known: an exec-chain interceptor placed right after the connect step
 * marks the exchange once the TCP connection and TLS handshake are done. An I/O failure before the mark
 * (refused, connect timeout, pin or host mismatch) sent nothing; after it, the request may have reached
 * the server.
 *
 * <p>Thread-safe. Every call blocks for at most about {@code (1 + readRetries) × (connect + response
 * timeout)} plus the backoff waits (a token fetch adds one exchange, a 401 renewal one more).
 */
final class KohaTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KohaTransport.class);

    private static final String MAY_HAVE_BEEN_SENT = "org.opackiosk.koha.may-have-been-sent";
    private static final int MAX_NESTING_DEPTH = 1000;
    private static final int MAX_CONNECTIONS = 8;
    /** The longest {@code Retry-After} a read waits for before its retry; a longer one ends the retries. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);

    /** A 2xx answer whose body parsed as JSON. */
    record Answer(int status, JsonNode body, ClassicHttpResponse response) {
        Optional<String> header(String name) {
            Header h = response.getFirstHeader(name);
            return h == null ? Optional.empty() : Optional.ofNullable(h.getValue());
        }
    }

    /** Maps a successful answer to the value the caller wants. */
    @FunctionalInterface
    interface AnswerMapper<T> {
        T map(Answer answer) throws MalformedResponseException;
    }

    /**
     * A 2xx answer whose body is read as a stream (MARCXML, MARC-in-JSON), at most {@code maxBodyBytes} long.
     * {@code contentType} is the answer's Content-Type header, empty when it has none.
     */
    record StreamAnswer(int status, java.io.InputStream body, String contentType, ClassicHttpResponse response) {
        Optional<String> header(String name) {
            Header h = response.getFirstHeader(name);
            return h == null ? Optional.empty() : Optional.ofNullable(h.getValue());
        }
    }

    /** Reads a streamed answer to its end and maps it; a body it cannot use is a {@link MalformedResponseException}. */
    @FunctionalInterface
    interface StreamMapper<T> {
        T map(StreamAnswer answer) throws IOException;
    }

    /** How a 2xx body is read: as JSON for {@code json}, as a stream for {@code stream} (exactly one is set). */
    private record Mapping<T>(AnswerMapper<T> json, StreamMapper<T> stream) {
    }

    /**
     * The outcome of one attempt, plus what the retry loop and the log need to know about it.
     * {@code retryAfter}: how long the server asked the kiosk to wait ({@code Retry-After} in seconds), when it did.
     */
    private record Attempt<T>(CallResult<T> result, boolean retryable, boolean unauthorized, String logDetail,
                              Optional<Duration> retryAfter) {

        Attempt(CallResult<T> result, boolean retryable, boolean unauthorized, String logDetail) {
            this(result, retryable, unauthorized, logDetail, Optional.empty());
        }

        static <T> Attempt<T> done(CallResult<T> result, String logDetail) {
            return new Attempt<>(result, false, false, logDetail);
        }

        static <T> Attempt<T> ok(T value) {
            return done(CallResult.ok(value), "");
        }

        static <T> Attempt<T> unreachable(String detail, boolean retryable) {
            return new Attempt<>(CallResult.unreachable(detail), retryable, false, detail);
        }

        static <T> Attempt<T> ambiguous(String detail) {
            return done(CallResult.ambiguous(detail), detail);
        }

        static <T> Attempt<T> refused(Refusal refusal, String logDetail) {
            return done(CallResult.refused(refusal), logDetail);
        }

        static <T> Attempt<T> unauthorized(String logDetail) {
            return new Attempt<>(CallResult.refused(KohaRefusals.authenticationFailed()), false, true, logDetail);
        }

        /** The same failure, typed for another caller; never called on an {@code Ok}. */
        <U> Attempt<U> failureAs() {
            CallResult<U> recast = result.map(value -> {
                throw new IllegalStateException("an Ok attempt is not a failure");
            });
            return new Attempt<>(recast, retryable, unauthorized, logDetail, retryAfter);
        }
    }

    private record TokenGrant(String accessToken, Duration lifetime) {
    }

    private final ServerSettings settings;
    private final KohaOptions options;
    private final List<String> basePath;
    private final ObjectMapper json;
    private final TokenCache tokens;
    private final Object tokenFetch = new Object();
    private final RequestConfig defaultRequestConfig;
    private final CloseableHttpClient client;

    KohaTransport(ServerSettings settings, Clock clock, KohaOptions options, SSLContext sslContext) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = Objects.requireNonNull(options, "options");
        if (!"https".equalsIgnoreCase(settings.url().getScheme()) || settings.url().getHost() == null) {
            throw new IllegalArgumentException("server.url: expected an https:// address with a host name");
        }
        this.basePath = Arrays.stream(Objects.requireNonNullElse(settings.url().getPath(), "").split("/"))
                .filter(s -> !s.isEmpty())
                .toList();
        this.json = objectMapper(options.maxBodyBytes());
        this.tokens = new TokenCache(clock, options.tokenRenewalMargin());
        this.defaultRequestConfig = RequestConfig.custom()
                .setResponseTimeout(timeout(settings.responseTimeout()))
                .setConnectionRequestTimeout(timeout(settings.connectTimeout()))
                // the bearer token or Basic credentials must never follow a redirect to another host
                .setRedirectsEnabled(false)
                .setAuthenticationEnabled(false)
                .build();
        this.client = httpClient(settings, sslContext, defaultRequestConfig);
    }

    /** The JSON reader: at most 1,000 levels deep and {@code maxBodyBytes} long, no trailing content. */
    static ObjectMapper objectMapper(long maxBodyBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(maxBodyBytes)
                        .build())
                // closing the entity stream would drain it; JsonBody and the exchange decide instead
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static CloseableHttpClient httpClient(ServerSettings settings, SSLContext sslContext, RequestConfig requestConfig) {
        DefaultClientTlsStrategy tls = new DefaultClientTlsStrategy(sslContext,
                new String[] {TLS.V_1_3.getId(), TLS.V_1_2.getId()}, null, SSLBufferMode.STATIC,
                // BOTH: JSSE checks the host name during the handshake, HttpClient once more after it
                HostnameVerificationPolicy.BOTH, HttpsSupport.getDefaultHostnameVerifier());
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(settings.connectTimeout()))
                        .setSocketTimeout(timeout(settings.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setHandshakeTimeout(timeout(settings.connectTimeout()))
                        .build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requestConfig)
                .disableRedirectHandling()
                // retries are ours: only repeatable requests, counted, with backoff
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("opac-kiosk")
                .addExecInterceptorAfter(ChainElement.CONNECT.name(), "opackiosk-may-have-been-sent", (request, scope, chain) -> {
                    scope.clientContext.setAttribute(MAY_HAVE_BEEN_SENT, Boolean.TRUE);
                    return chain.proceed(request, scope);
                })
                .build();
    }

    /**
     * Sends {@code request} (retrying a repeatable one after transport failures), maps a 2xx JSON answer
     * with {@code mapper} and logs a failure once. Never throws for anything the server or the network does.
     */
    <T> CallResult<T> call(KohaRequest request, AnswerMapper<T> json) {
        return send(request, new Mapping<>(json, null));
    }

    /**
     * Like {@link #call}, for an answer that is not JSON (the request sets its {@code Accept} header): the 2xx
     * body goes to {@code mapper} as a bounded stream. 4xx and 5xx answers are handled as for {@link #call}.
     */
    <T> CallResult<T> stream(KohaRequest request, StreamMapper<T> mapper) {
        return send(request, new Mapping<>(null, mapper));
    }

    private <T> CallResult<T> send(KohaRequest request, Mapping<T> mapper) {
        int retries = request.repeatable() && request.retriesAllowed() ? options.readRetries() : 0;
        Attempt<T> attempt = authenticatedAttempt(request, mapper);
        for (int retry = 1; attempt.retryable() && retry <= retries; retry++) {
            Duration wait = options.backoff().delayBefore(retry);
            if (attempt.retryAfter().isPresent()) {
                if (attempt.retryAfter().get().compareTo(MAX_RETRY_AFTER) > 0) {
                    // a patron is standing at the kiosk: a server that asks for a long pause is unreachable now
                    break;
                }
                wait = attempt.retryAfter().get().compareTo(wait) > 0 ? attempt.retryAfter().get() : wait;
            }
            LOG.debug("{}: {}; retry {} of {} in {} ms", request, attempt.logDetail(), retry, retries, wait.toMillis());
            try {
                options.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            attempt = authenticatedAttempt(request, mapper);
        }
        log(request, attempt);
        return attempt.result();
    }

    private <T> Attempt<T> authenticatedAttempt(KohaRequest request, Mapping<T> mapper) {
        if (!request.authenticated()) {
            Attempt<T> attempt = exchange(request, null, mapper);
            return attempt.unauthorized() ? authenticationFailed("HTTP 401 on a public route") : attempt;
        }
        return switch (settings.auth()) {
            case BASIC -> {
                Attempt<T> attempt = exchange(request, basicAuthorization(), mapper);
                yield attempt.unauthorized()
                        ? authenticationFailed("HTTP 401 for the Basic credentials of client " + settings.clientId())
                        : attempt;
            }
            case OAUTH2 -> {
                Attempt<String> token = bearerToken();
                if (!(token.result() instanceof CallResult.Ok<String> first)) {
                    yield token.failureAs();
                }
                Attempt<T> attempt = exchange(request, "Bearer " + first.value(), mapper);
                if (!attempt.unauthorized()) {
                    yield attempt;
                }
                // revoked, or expired early on the server: one fresh token, one more try — never a loop
                tokens.invalidate(first.value());
                Attempt<String> renewed = bearerToken();
                if (!(renewed.result() instanceof CallResult.Ok<String> second)) {
                    yield renewed.failureAs();
                }
                attempt = exchange(request, "Bearer " + second.value(), mapper);
                yield attempt.unauthorized()
                        ? authenticationFailed("HTTP 401 again with a freshly issued token for client " + settings.clientId())
                        : attempt;
            }
        };
    }

    private Attempt<String> bearerToken() {
        Optional<String> cached = tokens.current();
        if (cached.isPresent()) {
            return Attempt.ok(cached.get());
        }
        synchronized (tokenFetch) {
            // another thread may have fetched one while this one waited
            cached = tokens.current();
            if (cached.isPresent()) {
                return Attempt.ok(cached.get());
            }
            KohaRequest tokenRequest = KohaRequest.repeatablePost("api", "v1", "oauth", "token")
                    .withoutAuthentication()
                    .withForm(List.of(
                            new BasicNameValuePair("grant_type", "client_credentials"),
                            new BasicNameValuePair("client_id", settings.clientId()),
                            new BasicNameValuePair("client_secret", settings.clientSecret().reveal())));
            Attempt<TokenGrant> grant = exchange(tokenRequest, null, new Mapping<>(KohaTransport::tokenGrant, null));
            if (grant.result() instanceof CallResult.Ok<TokenGrant> ok) {
                tokens.store(ok.value().accessToken(), ok.value().lifetime());
                return Attempt.ok(ok.value().accessToken());
            }
            if (grant.unauthorized() || grant.result() instanceof CallResult.Refused<TokenGrant>) {
                return authenticationFailed("the token endpoint refused client " + settings.clientId() + " (" + grant.logDetail() + ")");
            }
            return grant.failureAs();
        }
    }

    private static TokenGrant tokenGrant(Answer answer) throws MalformedResponseException {
        JsonNode token = answer.body().get("access_token");
        JsonNode type = answer.body().get("token_type");
        JsonNode expiresIn = answer.body().get("expires_in");
        if (token == null || !token.isTextual() || token.textValue().isBlank()) {
            throw new MalformedResponseException("token answer without access_token");
        }
        if (type != null && !type.isNull() && !"bearer".equals(type.asText().toLowerCase(Locale.ROOT))) {
            throw new MalformedResponseException("token_type " + type.asText() + " is not Bearer");
        }
        if (expiresIn == null || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
            throw new MalformedResponseException("token answer without a positive expires_in");
        }
        return new TokenGrant(token.textValue(), Duration.ofSeconds(expiresIn.asLong()));
    }

    private String basicAuthorization() {
        String pair = settings.clientId() + ":" + settings.clientSecret().reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> Attempt<T> authenticationFailed(String logDetail) {
        return Attempt.refused(KohaRefusals.authenticationFailed(), logDetail);
    }

    /** One HTTP exchange: send, classify the status, read a bounded body, release or abort the connection. */
    private <T> Attempt<T> exchange(KohaRequest request, String authorization, Mapping<T> mapper) {
        HttpUriRequestBase http = toHttp(request, authorization);
        HttpClientContext context = HttpClientContext.create();
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, http, context);
        } catch (IOException e) {
            return transportFailure(request, context, e);
        } catch (IllegalStateException e) {
            return Attempt.unreachable("the HTTP client is closed: " + e.getMessage(), false);
        }
        JsonBody body = new JsonBody(response.getEntity(), options.maxBodyBytes());
        try {
            return interpret(request, response, body, mapper);
        } finally {
            if (!body.finished()) {
                // closing an unread entity drains it to its end; an oversized or endless body must not be
                // read, so the connection is dropped instead of going back to the pool
                http.cancel();
            }
            try {
                response.close();
            } catch (IOException e) {
                LOG.debug("{}: closing the response failed: {}", request, describe(e));
            }
        }
    }

    private <T> Attempt<T> transportFailure(KohaRequest request, HttpClientContext context, IOException e) {
        boolean mayHaveBeenSent = context.getAttribute(MAY_HAVE_BEEN_SENT) != null;
        if (!mayHaveBeenSent) {
            if (e instanceof SSLException) {
                // wrong pin, expired certificate, wrong host: trying again will not change the answer
                return Attempt.unreachable("TLS handshake failed, nothing sent: " + describe(e), false);
            }
            return Attempt.unreachable("could not connect, nothing sent: " + describe(e), true);
        }
        if (request.repeatable()) {
            return Attempt.unreachable("sent, no answer: " + describe(e), true);
        }
        return Attempt.ambiguous("sent, no answer, so it may have happened: " + describe(e));
    }

    private <T> Attempt<T> interpret(KohaRequest request, ClassicHttpResponse response, JsonBody body, Mapping<T> mapper) {
        int status = response.getCode();
        String http = "HTTP " + status;
        if (status >= 200 && status < 300) {
            try {
                // 204 (and 202 from DELETE /holds) has no body: the mapper gets a missing node
                if (mapper.stream() != null) {
                    Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
                    return Attempt.ok(mapper.stream().map(new StreamAnswer(status, body.stream(),
                            type == null || type.getValue() == null ? "" : type.getValue(), response)));
                }
                JsonNode node = status == 204 || response.getEntity() == null || response.getEntity().getContentLength() == 0
                        ? MissingNode.getInstance() : body.read(json);
                return Attempt.ok(mapper.json().map(new Answer(status, node, response)));
            } catch (MalformedResponseException | JsonProcessingException e) {
                // the same server gives the same answer again: not retried
                String detail = http + " with an unusable body: " + describe(e);
                return request.repeatable() ? Attempt.unreachable(detail, false) : Attempt.ambiguous(detail);
            } catch (IOException e) {
                String detail = http + ", then the body was cut short: " + describe(e);
                return request.repeatable() ? Attempt.unreachable(detail, true) : Attempt.ambiguous(detail);
            }
        }
        if (status == 401) {
            readQuietly(body); // a short JSON error: reading it keeps the connection for the renewed request
            return Attempt.unauthorized(http);
        }
        if (status >= 400 && status < 500 && request.answeredStatuses().contains(status)) {
            JsonNode node = readQuietly(body);
            try {
                if (mapper.json() == null) {
                    throw new MalformedResponseException("HTTP " + status + " on a streamed request");
                }
                return Attempt.ok(mapper.json().map(new Answer(status, node == null ? MissingNode.getInstance() : node, response)));
            } catch (MalformedResponseException e) {
                return Attempt.refused(KohaRefusals.fromAnswer(status, node), http + " " + describe(e));
            }
        }
        if (status == 408 || status == 429) {
            JsonNode error = readQuietly(body);
            if (status == 429 && error != null && error.path("error_code").isTextual()) {
                // Koha-side rate limits with a reason (e.g. too_many_attempts of the identity check): a refusal to explain
                Refusal refusal = KohaRefusals.fromAnswer(status, error);
                return Attempt.refused(refusal, http + " " + refusal.code());
            }
            // the server says it did not process the request
            return new Attempt<>(CallResult.unreachable(http), request.repeatable(), false, http, retryAfter(response));
        }
        if (status >= 400 && status < 500) {
            Refusal refusal = KohaRefusals.fromAnswer(status, readQuietly(body));
            return Attempt.refused(refusal, http + " " + refusal.code());
        }
        if (status >= 500) {
            if (!request.repeatable() && (status == 502 || status == 504)) {
                return Attempt.ambiguous(http + " from a gateway: the server behind it may have acted");
            }
            // a 503 means "not processed": Unreachable even for a mutation, retried only when repeatable
            return new Attempt<>(CallResult.unreachable(http), request.repeatable(), false, http, retryAfter(response));
        }
        // 1xx, 3xx: redirects are not followed (see the request config)
        return Attempt.unreachable("unexpected " + http, false);
    }

    /** {@code Retry-After} in delta-seconds; an HTTP date or garbage is ignored (the backoff applies). */
    private static Optional<Duration> retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.getValue().strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private JsonNode readQuietly(JsonBody body) {
        try {
            return body.read(json);
        } catch (IOException e) {
            return null;
        }
    }

    private HttpUriRequestBase toHttp(KohaRequest request, String authorization) {
        List<String> segments = new ArrayList<>(basePath);
        segments.addAll(request.path());
        URI uri;
        try {
            URIBuilder builder = new URIBuilder(settings.url()).setPathSegments(segments).removeQuery();
            for (NameValuePair parameter : request.query()) {
                builder.addParameter(parameter);
            }
            uri = builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a URL for " + request + ": " + e.getMessage(), e);
        }
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uri);
        http.setHeader(HttpHeaders.ACCEPT, "application/json");
        request.headers().forEach(http::setHeader);
        if (authorization != null) {
            http.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (!request.form().isEmpty()) {
            http.setEntity(new UrlEncodedFormEntity(request.form(), StandardCharsets.UTF_8));
        }
        request.json().ifPresent(body -> http.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON)));
        request.responseTimeout().ifPresent(t ->
                http.setConfig(RequestConfig.copy(defaultRequestConfig).setResponseTimeout(timeout(t)).build()));
        return http;
    }

    private void log(KohaRequest request, Attempt<?> attempt) {
        switch (attempt.result()) {
            case CallResult.Ok<?> ok -> {
                // nothing to report
            }
            case CallResult.Refused<?> refused -> {
                if (KohaRefusals.AUTHENTICATION_FAILED.equals(refused.reason().code())) {
                    LOG.warn("{}: the server refused the kiosk's credentials: {}", request, attempt.logDetail());
                } else {
                    LOG.info("{}: refused: {}", request, attempt.logDetail());
                }
            }
            case CallResult.Unreachable<?> unreachable -> {
                if (request.quiet()) {
                    LOG.debug("{}: circulation server unreachable: {}", request, unreachable.detail());
                } else {
                    LOG.warn("{}: circulation server unreachable: {}", request, unreachable.detail());
                }
            }
            case CallResult.Ambiguous<?> ambiguous ->
                    LOG.warn("{}: outcome unknown: {}", request, ambiguous.detail());
        }
    }

    /**
     * The exception's type and message, and its root cause's when that says more (TLS failures do), on
     * one line: a log entry per failure, never a multi-line one.
     */
    private static String describe(Throwable e) {
        String message = message(e);
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (message != null) {
            text.append(": ").append(message);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = message(root);
        if (root != e && rootMessage != null && (message == null || !message.contains(rootMessage))) {
            text.append(" (").append(root.getClass().getSimpleName()).append(": ").append(rootMessage).append(')');
        }
        return text.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String message(Throwable e) {
        // Jackson appends the location on a second line; the message alone is what a technician needs
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    private static Timeout timeout(Duration duration) {
        return Timeout.ofMilliseconds(Math.max(1, duration.toMillis()));
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}

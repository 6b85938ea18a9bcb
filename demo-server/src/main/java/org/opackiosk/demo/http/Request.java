package org.opackiosk.demo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One incoming request as handlers see it: path parameters, query parameters, headers and the body
 * (read at most once, at most {@link #MAX_BODY_BYTES}).
 */
public final class Request {

    public static final int MAX_BODY_BYTES = 1 << 20;

    private final String method;
    private final URI uri;
    private final URI baseUri;
    private final Headers headers;
    private final InputStream bodyStream;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> queryParams;
    private final String clientId;
    private byte[] body;

    public Request(String method, URI uri, URI baseUri, Headers headers, InputStream body,
                   Map<String, String> pathParams, String clientId) {
        this.method = method;
        this.uri = uri;
        this.baseUri = baseUri;
        this.headers = headers;
        this.bodyStream = body;
        this.pathParams = Map.copyOf(pathParams);
        this.queryParams = parseQuery(uri.getRawQuery());
        this.clientId = clientId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return uri.getPath();
    }

    /** {@code https://127.0.0.1:PORT}, the server's own address. */
    public URI baseUri() {
        return baseUri;
    }

    /** The authenticated API client, empty on public routes. */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no parameter " + name);
        }
        return value;
    }

    /** A path parameter declared as an integer; anything else is Koha's 400 validation error. */
    public int intPathParam(String name) {
        String value = pathParam(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.validation("Expected integer - got string.", "/" + name);
        }
    }

    public Map<String, List<String>> queryParams() {
        return queryParams;
    }

    public Optional<String> query(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public List<String> queryAll(String name) {
        return queryParams.getOrDefault(name, List.of());
    }

    /** An optional integer query parameter; a non-integer is Koha's 400 validation error. */
    public Optional<Integer> intQuery(String name) {
        Optional<String> value = query(name);
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.get().strip()));
        } catch (NumberFormatException e) {
            throw ApiProblem.validation("Expected integer - got string.", "/" + name);
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    /** The values of {@code x-koha-embed}, comma-separated or repeated, lower-cased. */
    public Set<String> embeds() {
        Set<String> embeds = new LinkedHashSet<>();
        for (String value : headers.getOrDefault("x-koha-embed", List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    embeds.add(part.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Collections.unmodifiableSet(embeds);
    }

    public byte[] body() {
        if (body == null) {
            try {
                byte[] read = bodyStream.readNBytes(MAX_BODY_BYTES + 1);
                if (read.length > MAX_BODY_BYTES) {
                    throw ApiProblem.error(413, "Request body too large", "request_too_large");
                }
                body = read;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    /** An {@code application/x-www-form-urlencoded} body; the first value of each field. */
    public Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        parseQuery(new String(body(), StandardCharsets.UTF_8)).forEach((name, values) -> form.put(name, values.getFirst()));
        return form;
    }

    /**
     * A JSON object body checked against {@code schema} the way Koha's OpenAPI layer checks it:
     * unknown, missing or mistyped properties answer 400 with every problem listed.
     */
    public ObjectNode json(BodySchema schema) {
        JsonNode node = null;
        byte[] bytes = body();
        if (bytes.length > 0) {
            try {
                node = Json.mapper().readTree(bytes);
            } catch (JsonProcessingException e) {
                node = null; // Mojolicious reads an unparseable body as null
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema.validate(node);
    }

    /** The absolute URI of this request, for Link headers. */
    public URI requestUri() {
        String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return baseUri.resolve(raw);
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.error(400, "Malformed query string", "invalid_query");
        }
    }
}

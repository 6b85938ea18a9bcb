package org.opackiosk.demo.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --record FILE}: every request and its answer as one JSON line ({@code time, method, path, query,
 * status, authorization, request, response}), appended. Secrets never reach the file: the values of
 * {@link #SECRETS} — in JSON bodies at any depth, in form bodies and in query strings — and the
 * {@code Authorization} header are written as {@code ***}. Thread-safe.
 */
public final class RequestRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRecorder.class);
    public static final String MASK = "***";
    public static final Set<String> SECRETS = Set.of("password", "password_2", "password_repeated", "old_password",
            "client_secret", "access_token");

    private final BufferedWriter out;
    private final Clock clock;

    private RequestRecorder(BufferedWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static RequestRecorder open(Path file, Clock clock) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new RequestRecorder(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), clock);
    }

    /** Records one exchange; a failure to write is logged, never thrown at the request. */
    public void record(String method, String path, String rawQuery, boolean authorization, String requestType,
                       byte[] requestBody, Response response) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("method", method);
        line.put("path", path);
        line.put("query", rawQuery == null ? null : maskForm(rawQuery));
        line.put("status", response.status());
        if (authorization) {
            line.put("authorization", MASK);
        }
        line.set("request", body(requestType, requestBody));
        line.set("response", body(response.contentType(), response.body()));
        try {
            String text = Json.mapper().writeValueAsString(line);
            synchronized (this) {
                out.write(text);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            LOG.warn("Could not write to the record file: {}", e.getMessage());
        }
    }

    private static JsonNode body(String contentType, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Json.mapper().nullNode();
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (type.contains("x-www-form-urlencoded")) {
            return Json.mapper().getNodeFactory().textNode(maskForm(text));
        }
        if (type.contains("json") || type.isEmpty()) {
            try {
                return mask(Json.mapper().readTree(bytes));
            } catch (IOException notJson) {
                // fall through: recorded as text
            }
        }
        if (type.contains("marc") && !type.contains("xml")) {
            return Json.mapper().getNodeFactory().textNode("(" + bytes.length + " bytes of " + contentType + ")");
        }
        return Json.mapper().getNodeFactory().textNode(text);
    }

    /** Replaces the value of every secret key at any depth. */
    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (SECRETS.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                    entry.setValue(Json.mapper().getNodeFactory().textNode(MASK));
                } else {
                    mask(entry.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(RequestRecorder::mask);
        }
        return node;
    }

    /** {@code a=1&client_secret=x} → {@code a=1&client_secret=***}. */
    static String maskForm(String form) {
        StringJoiner joined = new StringJoiner("&");
        for (String pair : form.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = rawName;
            }
            if (eq >= 0 && SECRETS.contains(name.toLowerCase(Locale.ROOT))) {
                joined.add(rawName + "=" + URLEncoder.encode(MASK, StandardCharsets.UTF_8).replace("%2A", "*"));
            } else {
                joined.add(pair);
            }
        }
        return joined.toString();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("Could not close the record file: {}", e.getMessage());
        }
    }
}

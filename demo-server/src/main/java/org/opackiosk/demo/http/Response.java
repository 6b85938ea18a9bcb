package org.opackiosk.demo.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP answer: status, extra headers and body. Immutable; {@code with…} methods return copies.
 *
 * @param body empty for no body
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json;charset=UTF-8";

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response json(int status, Object value) {
        return new Response(status, JSON, Json.bytes(value), Map.of());
    }

    public static Response ok(Object value) {
        return json(200, value);
    }

    /** Koha's error shape: {@code {"error": "...", "error_code": "..."}}. */
    public static Response error(int status, String error, String errorCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (errorCode != null) {
            body.put("error_code", errorCode);
        }
        return json(status, body);
    }

    /**
     * The shape of an OpenAPI validation failure in Koha (Mojolicious::Plugin::OpenAPI):
     * {@code {"errors":[{"message":"...","path":"/body"}],"status":400}}.
     */
    public static Response validation(int status, List<ValidationError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        body.put("status", status);
        return json(status, body);
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of());
    }

    public static Response empty(int status) {
        return new Response(status, null, new byte[0], Map.of());
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, body, copy);
    }

    /** One entry of {@link #validation}. */
    public record ValidationError(String message, String path) {
    }
}

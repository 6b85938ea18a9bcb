package org.opackiosk.circulation.koha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * One request to Koha, described, not yet sent. Whether it may be repeated is explicit and decides how
 * a lost answer is reported: a {@linkplain #read read} that got no answer is {@code Unreachable} and may
 * be retried; a {@linkplain #mutation mutation} that may have been sent and got no answer is
 * {@code Ambiguous} and is never repeated here (the outbox reconciles it).
 *
 * <p>{@link #toString()} is the log label: method and path only — never the query, headers or form,
 * which can hold card numbers or secrets. Immutable and thread-safe.
 *
 * @param path            path segments below the server URL, each encoded on its own
 * @param repeatable      whether sending it twice has the effect of sending it once
 * @param authenticated   whether it carries the device credential (public routes do not need it)
 * @param retriesAllowed  whether a repeatable request may be retried after a transport failure
 * @param quiet           failures are logged at debug level (the connectivity probe fails often while offline)
 */
record KohaRequest(String method, List<String> path, List<NameValuePair> query, Map<String, String> headers,
                   List<NameValuePair> form, boolean repeatable, boolean authenticated, boolean retriesAllowed,
                   Optional<Duration> responseTimeout, boolean quiet) {

    KohaRequest {
        Objects.requireNonNull(method, "method");
        path = List.copyOf(path);
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
        form = List.copyOf(form);
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /** A GET: idempotent, so retried after transport failures and reported {@code Unreachable} when no answer came. */
    static KohaRequest read(String... path) {
        return new KohaRequest("GET", List.of(path), List.of(), Map.of(), List.of(), true, true, true, Optional.empty(), false);
    }

    /**
     * A request that changes something on the server: never repeated once it may have been sent, and
     * {@code Ambiguous} when it was sent and no answer came.
     */
    static KohaRequest mutation(String method, String... path) {
        return new KohaRequest(method, List.of(path), List.of(), Map.of(), List.of(), false, true, false, Optional.empty(), false);
    }

    /**
     * A POST that is safe to repeat although it is a POST (e.g. fetching an OAuth2 token: a second token
     * changes nothing anyone relies on).
     */
    static KohaRequest repeatablePost(String... path) {
        return new KohaRequest("POST", List.of(path), List.of(), Map.of(), List.of(), true, true, true, Optional.empty(), false);
    }

    KohaRequest withQuery(String name, String value) {
        List<NameValuePair> q = new ArrayList<>(query);
        q.add(new BasicNameValuePair(name, value));
        return new KohaRequest(method, path, q, headers, form, repeatable, authenticated, retriesAllowed, responseTimeout, quiet);
    }

    KohaRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new KohaRequest(method, path, query, h, form, repeatable, authenticated, retriesAllowed, responseTimeout, quiet);
    }

    KohaRequest withForm(List<NameValuePair> fields) {
        return new KohaRequest(method, path, query, headers, fields, repeatable, authenticated, retriesAllowed, responseTimeout, quiet);
    }

    KohaRequest withoutAuthentication() {
        return new KohaRequest(method, path, query, headers, form, repeatable, false, retriesAllowed, responseTimeout, quiet);
    }

    /** A single attempt, quietly logged, with its own response timeout: what a connectivity probe needs. */
    KohaRequest asProbe(Duration timeout) {
        return new KohaRequest(method, path, query, headers, form, repeatable, authenticated, false, Optional.of(timeout), true);
    }

    @Override
    public String toString() {
        // a path segment may come from a scan or a screen: no control character reaches a log line
        return (method + " /" + String.join("/", path)).replaceAll("\\p{Cntrl}", "?");
    }
}

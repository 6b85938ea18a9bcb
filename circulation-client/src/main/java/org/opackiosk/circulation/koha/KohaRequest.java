package org.opackiosk.circulation.koha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * One request to Koha, described, not yet sent. Whether it may be repeated is explicit and decides how
 * a lost answer is reported: a {@linkplain #read read} that got no answer is {@code Unreachable} and may
 * be retried; a {@linkplain #mutation mutation} that may have been sent and got no answer is
 * {@code Ambiguous} and is never repeated here (the outbox reconciles it).
 *
 * <p>{@link #toString()} is the log label: method and path only — never the query, headers, form or JSON
 * body, which can hold card numbers, passwords or secrets. Immutable and thread-safe.
 *
 * @param path            path segments below the server URL, each encoded on its own
 * @param repeatable      whether sending it twice has the effect of sending it once
 * @param authenticated   whether it carries the device credential (public routes do not need it)
 * @param retriesAllowed  whether a repeatable request may be retried after a transport failure
 * @param quiet           failures are logged at debug level (the connectivity probe fails often while offline)
 * @param json            the JSON body, already serialized (sent as {@code application/json}), when there is one
 * @param answeredStatuses 4xx statuses whose answer goes to the caller's mapper (with its JSON body, or a missing
 *                        node) instead of becoming a {@code Refused}: for routes whose refusals need their body read
 */
record KohaRequest(String method, List<String> path, List<NameValuePair> query, Map<String, String> headers,
                   List<NameValuePair> form, boolean repeatable, boolean authenticated, boolean retriesAllowed,
                   Optional<Duration> responseTimeout, boolean quiet, Optional<String> json, Set<Integer> answeredStatuses) {

    KohaRequest {
        Objects.requireNonNull(method, "method");
        path = List.copyOf(path);
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
        form = List.copyOf(form);
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(json, "json");
        answeredStatuses = Set.copyOf(answeredStatuses);
    }

    /** A GET: idempotent, so retried after transport failures and reported {@code Unreachable} when no answer came. */
    static KohaRequest read(String... path) {
        return new KohaRequest("GET", List.of(path), List.of(), Map.of(), List.of(), true, true, true, Optional.empty(), false, Optional.empty(), Set.of());
    }

    /**
     * A request that changes something on the server: never repeated once it may have been sent, and
     * {@code Ambiguous} when it was sent and no answer came.
     */
    static KohaRequest mutation(String method, String... path) {
        return new KohaRequest(method, List.of(path), List.of(), Map.of(), List.of(), false, true, false, Optional.empty(), false, Optional.empty(), Set.of());
    }

    /**
     * A POST that is safe to repeat although it is a POST (e.g. fetching an OAuth2 token: a second token
     * changes nothing anyone relies on).
     */
    static KohaRequest repeatablePost(String... path) {
        return new KohaRequest("POST", List.of(path), List.of(), Map.of(), List.of(), true, true, true, Optional.empty(), false, Optional.empty(), Set.of());
    }

    /**
     * A POST that changes nothing on the server and only asks a question (e.g. "is this the patron's
     * password?"): when no answer comes it is {@code Unreachable}, not {@code Ambiguous} — nothing can have
     * happened. It is still never retried automatically: Koha counts failed password checks per patron
     * ({@code login_attempts}, {@code FailedLoginAttempts}), and a repeated check of a wrong password could
     * lock the patron's account sooner.
     */
    static KohaRequest readLikePost(String... path) {
        return new KohaRequest("POST", List.of(path), List.of(), Map.of(), List.of(), true, true, false, Optional.empty(), false,
                Optional.empty(), Set.of());
    }

    /** The same request with a JSON body (already serialized; never logged). */
    KohaRequest withJson(String body) {
        return new KohaRequest(method, path, query, headers, form, repeatable, authenticated, retriesAllowed, responseTimeout, quiet,
                Optional.of(body), answeredStatuses);
    }

    /** Lets the caller's mapper read these 4xx answers itself (see {@link #answeredStatuses()}). */
    KohaRequest answering(Integer... statuses) {
        return new KohaRequest(method, path, query, headers, form, repeatable, authenticated, retriesAllowed, responseTimeout, quiet,
                json, Set.of(statuses));
    }

    KohaRequest withQuery(String name, String value) {
        List<NameValuePair> q = new ArrayList<>(query);
        q.add(new BasicNameValuePair(name, value));
        return new KohaRequest(method, path, q, headers, form, repeatable, authenticated, retriesAllowed, responseTimeout, quiet, json, answeredStatuses);
    }

    KohaRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new KohaRequest(method, path, query, h, form, repeatable, authenticated, retriesAllowed, responseTimeout, quiet, json, answeredStatuses);
    }

    KohaRequest withForm(List<NameValuePair> fields) {
        return new KohaRequest(method, path, query, headers, fields, repeatable, authenticated, retriesAllowed, responseTimeout, quiet, json, answeredStatuses);
    }

    KohaRequest withoutAuthentication() {
        return new KohaRequest(method, path, query, headers, form, repeatable, false, retriesAllowed, responseTimeout, quiet, json, answeredStatuses);
    }

    /** A single attempt, quietly logged, with its own response timeout: what a connectivity probe needs. */
    KohaRequest asProbe(Duration timeout) {
        return new KohaRequest(method, path, query, headers, form, repeatable, authenticated, false, Optional.of(timeout), true, json, answeredStatuses);
    }

    @Override
    public String toString() {
        // a path segment may come from a scan or a screen: no control character reaches a log line
        return (method + " /" + String.join("/", path)).replaceAll("\\p{Cntrl}", "?");
    }
}

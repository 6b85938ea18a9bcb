package org.opackiosk.demo.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Method + path pattern → handler. Patterns are literal segments and {@code {name}} placeholders
 * ({@code /api/v1/biblios/{biblio_id}/items}); a literal segment wins over a placeholder.
 *
 * <p>Built once at start-up, then only read: safe for concurrent {@link #resolve}.
 */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Access access, Handler handler) {
        return add("GET", pattern, access, handler);
    }

    public Router post(String pattern, Access access, Handler handler) {
        return add("POST", pattern, access, handler);
    }

    public Router put(String pattern, Access access, Handler handler) {
        return add("PUT", pattern, access, handler);
    }

    public Router patch(String pattern, Access access, Handler handler) {
        return add("PATCH", pattern, access, handler);
    }

    public Router delete(String pattern, Access access, Handler handler) {
        return add("DELETE", pattern, access, handler);
    }

    public Router add(String method, String pattern, Access access, Handler handler) {
        Route route = new Route(method, segments(pattern), pattern, access, handler);
        for (Route existing : routes) {
            if (existing.method().equals(method) && shape(existing.segments()).equals(shape(route.segments()))) {
                throw new IllegalArgumentException("route defined twice: " + method + " " + pattern);
            }
        }
        routes.add(route);
        return this;
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    public Resolution resolve(String method, String path) {
        List<String> requested = segments(path);
        Match best = null;
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), requested);
            if (params == null) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            Match candidate = new Match(route, params);
            if (best == null || candidate.literalScore() > best.literalScore()) {
                best = candidate;
            }
        }
        if (best != null) {
            return best;
        }
        return allowed.isEmpty() ? new NoRoute() : new WrongMethod(allowed);
    }

    private static Map<String, String> match(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            String actual = path.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                params.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return params;
    }

    /** The segments with every placeholder alike: {@code /a/{x}} and {@code /a/{y}} are the same route. */
    private static List<String> shape(List<String> segments) {
        return segments.stream().map(s -> s.startsWith("{") ? "{}" : s).toList();
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return List.of(trimmed.split("/", -1));
    }

    /** One registered route. */
    public record Route(String method, List<String> segments, String pattern, Access access, Handler handler) {
    }

    /** What a method and path lead to. */
    public sealed interface Resolution permits Match, WrongMethod, NoRoute {
    }

    /** A route matched; {@code params} holds the placeholder values, still percent-decoded by the server. */
    public record Match(Route route, Map<String, String> params) implements Resolution {
        int literalScore() {
            int score = 0;
            for (String segment : route.segments()) {
                if (!segment.startsWith("{")) {
                    score++;
                }
            }
            return score;
        }
    }

    /** The path exists with other methods. */
    public record WrongMethod(Set<String> allowed) implements Resolution {
    }

    /** No route has this path. */
    public record NoRoute() implements Resolution {
    }
}

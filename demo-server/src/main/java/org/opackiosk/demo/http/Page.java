package org.opackiosk.demo.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Koha's paging: {@code _page} (from 1) and {@code _per_page} (default 20, {@code -1} for everything),
 * answered with {@code X-Total-Count}, {@code X-Base-Total-Count} and a {@code Link} header with
 * {@code prev}, {@code next}, {@code first} and {@code last} like Koha's pagination plugin.
 */
public record Page(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 20;

    public static Page of(Request request) {
        int page = request.intQuery("_page").orElse(1);
        int perPage = request.intQuery("_per_page").orElse(DEFAULT_PER_PAGE);
        if (perPage == 0 || perPage < -1) {
            perPage = DEFAULT_PER_PAGE;
        }
        return new Page(Math.max(page, 1), perPage);
    }

    public boolean all() {
        return perPage == -1;
    }

    /** {@code LIMIT … OFFSET …}, empty when everything was asked for. */
    public String limitSql() {
        if (all()) {
            return "";
        }
        long offset = (long) (page - 1) * perPage;
        return " LIMIT " + perPage + " OFFSET " + offset;
    }

    /** Adds the paging headers for a listing of {@code total} matches ({@code baseTotal} unfiltered). */
    public Response decorate(Response response, Request request, long total, long baseTotal) {
        Response result = response
                .withHeader("X-Total-Count", Long.toString(total))
                .withHeader("X-Base-Total-Count", Long.toString(baseTotal));
        int pages = all() ? 1 : (int) ((total + perPage - 1) / perPage);
        int current = all() ? 1 : page;
        List<String> links = new ArrayList<>();
        if (!all() && pages > 1 && current > 1) {
            links.add(link(request, current - 1, "prev"));
        }
        if (!all() && current < pages) {
            links.add(link(request, current + 1, "next"));
        }
        links.add(link(request, 1, "first"));
        links.add(link(request, Math.max(pages, 1), "last"));
        return result.withHeader("Link", String.join(", ", links));
    }

    private String link(Request request, int target, String rel) {
        URI uri = request.requestUri();
        StringBuilder query = new StringBuilder();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equals("_page") && !name.equals("_per_page")) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append("_page=").append(target).append("&_per_page=").append(perPage);
        return "<" + request.baseUri().resolve(uri.getRawPath() + "?" + query) + ">; rel=\"" + rel + "\"";
    }
}

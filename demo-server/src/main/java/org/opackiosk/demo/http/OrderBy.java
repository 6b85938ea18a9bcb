package org.opackiosk.demo.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Koha's {@code _order_by}: {@code +field} or {@code field} ascending, {@code -field} descending,
 * several comma-separated or repeated. A {@code +} sent unencoded arrives as a space and still means
 * ascending. The key column is appended last so pages never overlap.
 */
public final class OrderBy {

    private OrderBy() {
    }

    /** {@code ORDER BY …} for the request's {@code _order_by} values over {@code fields}. */
    public static String sql(List<String> values, Fields fields, String keyColumn) {
        List<String> terms = new ArrayList<>();
        for (String value : values) {
            for (String raw : value.split(",")) {
                String term = raw.strip();
                if (term.isEmpty()) {
                    continue;
                }
                boolean descending = term.startsWith("-");
                if (descending || term.startsWith("+")) {
                    term = term.substring(1).strip();
                }
                String name = term;
                Fields.Field field = fields.find(name)
                        .orElseThrow(() -> ApiProblem.invalidQuery("cannot order by '" + name + "'"));
                terms.add(field.column() + (descending ? " DESC" : " ASC"));
            }
        }
        terms.add(keyColumn + " ASC");
        return " ORDER BY " + String.join(", ", terms);
    }
}

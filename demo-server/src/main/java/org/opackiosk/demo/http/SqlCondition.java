package org.opackiosk.demo.http;

import java.util.ArrayList;
import java.util.List;

/** A parameterised SQL boolean expression; {@code params} bind its {@code ?} in order. */
public record SqlCondition(String sql, List<Object> params) {

    public static final SqlCondition TRUE = new SqlCondition("1=1", List.of());

    public SqlCondition {
        params = java.util.Collections.unmodifiableList(new ArrayList<>(params));
    }

    public SqlCondition and(SqlCondition other) {
        if (this == TRUE) {
            return other;
        }
        if (other == TRUE) {
            return this;
        }
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlCondition("(" + sql + ") AND (" + other.sql + ")", all);
    }
}

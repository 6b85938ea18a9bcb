package org.opackiosk.demo.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API field names a listing may be filtered ({@code q=}) and ordered ({@code _order_by}) by, and
 * the SQL column each stands for. Only declared fields reach SQL, so a query cannot name arbitrary
 * columns. Immutable.
 */
public final class Fields {

    /** How a field's values are compared and converted from JSON. */
    public enum Kind { INTEGER, STRING, BOOLEAN, DATE, DATE_TIME }

    /** One filterable field. */
    public record Field(String name, String column, Kind kind) {
    }

    private final Map<String, Field> fields;

    private Fields(Map<String, Field> fields) {
        this.fields = Map.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The field for an API name, with or without Koha's {@code me.} prefix. */
    public Optional<Field> find(String apiName) {
        String name = apiName.startsWith("me.") ? apiName.substring(3) : apiName;
        return Optional.ofNullable(fields.get(name));
    }

    /** Declares fields. */
    public static final class Builder {
        private final Map<String, Field> fields = new LinkedHashMap<>();

        public Builder add(String name, String column, Kind kind) {
            fields.put(name, new Field(name, column, kind));
            return this;
        }

        public Builder integer(String name, String column) {
            return add(name, column, Kind.INTEGER);
        }

        public Builder string(String name, String column) {
            return add(name, column, Kind.STRING);
        }

        public Builder bool(String name, String column) {
            return add(name, column, Kind.BOOLEAN);
        }

        public Builder date(String name, String column) {
            return add(name, column, Kind.DATE);
        }

        public Builder dateTime(String name, String column) {
            return add(name, column, Kind.DATE_TIME);
        }

        public Fields build() {
            return new Fields(fields);
        }
    }
}

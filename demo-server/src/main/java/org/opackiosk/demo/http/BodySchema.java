package org.opackiosk.demo.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The body of a Koha write operation: an object with known properties ({@code additionalProperties:
 * false}), some required, each of one type and optionally nullable. Failures are reported the way
 * Koha's OpenAPI validator reports them, e.g.
 * {@code {"errors":[{"message":"Properties not allowed: foo.","path":"/body"}],"status":400}}.
 *
 * <pre>{@code
 * static final BodySchema HOLD = BodySchema.object()
 *         .required("patron_id", Type.INTEGER)
 *         .required("pickup_library_id", Type.STRING)
 *         .nullable("biblio_id", Type.INTEGER)
 *         .build();
 * }</pre>
 *
 * Immutable and thread-safe once built.
 */
public final class BodySchema {

    /** JSON types, and the two string formats Koha's definitions use. */
    public enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"),
        DATE("string"), DATE_TIME("string"), OBJECT("object"), ARRAY("array");

        private final String jsonName;

        Type(String jsonName) {
            this.jsonName = jsonName;
        }
    }

    private record Property(Type type, boolean required, boolean nullable) {
    }

    private final Map<String, Property> properties;

    private BodySchema(Map<String, Property> properties) {
        this.properties = Map.copyOf(properties);
    }

    public static Builder object() {
        return new Builder();
    }

    /** The validated object, or {@link ApiProblem} (400) listing every problem found. */
    public ObjectNode validate(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw ApiProblem.validation("Expected object - got " + typeOf(body) + ".", "/body");
        }
        List<Response.ValidationError> errors = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!properties.containsKey(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new Response.ValidationError(
                    "Properties not allowed: " + String.join(", ", unknown) + ".", "/body"));
        }
        properties.forEach((name, property) -> {
            String path = "/body/" + name;
            JsonNode value = object.get(name);
            if (value == null) {
                if (property.required()) {
                    errors.add(new Response.ValidationError("Missing property.", path));
                }
                return;
            }
            if (value.isNull() && property.nullable()) {
                return;
            }
            if (!hasType(value, property.type())) {
                String expected = property.type().jsonName + (property.nullable() ? "/null" : "");
                errors.add(new Response.ValidationError(
                        "Expected " + expected + " - got " + typeOf(value) + ".", path));
            } else if (property.type() == Type.DATE && !isDate(value.asText())) {
                errors.add(new Response.ValidationError("Does not match date format.", path));
            } else if (property.type() == Type.DATE_TIME && !isDateTime(value.asText())) {
                errors.add(new Response.ValidationError("Does not match date-time format.", path));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return object;
    }

    private static boolean hasType(JsonNode value, Type type) {
        return switch (type) {
            case STRING, DATE, DATE_TIME -> value.isTextual();
            case INTEGER -> value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case OBJECT -> value.isObject();
            case ARRAY -> value.isArray();
        };
    }

    private static String typeOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isIntegralNumber() ? "integer" : "number";
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text.replace(' ', 'T'));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Declares the properties of a body. */
    public static final class Builder {
        private final Map<String, Property> properties = new LinkedHashMap<>();
        private final Set<String> names = new LinkedHashSet<>();

        public Builder required(String name, Type type) {
            return add(name, new Property(type, true, false));
        }

        public Builder optional(String name, Type type) {
            return add(name, new Property(type, false, false));
        }

        /** Optional and may be {@code null} ({@code type: [T, "null"]}). */
        public Builder nullable(String name, Type type) {
            return add(name, new Property(type, false, true));
        }

        private Builder add(String name, Property property) {
            if (!names.add(name)) {
                throw new IllegalArgumentException("property declared twice: " + name);
            }
            properties.put(name, property);
            return this;
        }

        public BodySchema build() {
            return new BodySchema(properties);
        }
    }
}

package org.opackiosk.demo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Koha's {@code q=} parameter: a JSON filter in SQL::Abstract's notation, translated to SQL over
 * declared {@link Fields} only.
 *
 * <ul>
 *   <li>{@code {"biblio_id": 5}} equality, {@code {"x": null}} IS NULL, {@code {"x": [1, 2]}} any of;</li>
 *   <li>{@code {"timestamp": {">": "2026-01-01T00:00:00"}}} with {@code = != <> < > <= >=},
 *       {@code -like}, {@code -not_like} (case-insensitive, like Koha on MySQL), {@code -in},
 *       {@code -not_in}, {@code -between};</li>
 *   <li>several keys in one object are ANDed; a top-level array is ORed; {@code -and} / {@code -or}
 *       take an array or an object;</li>
 *   <li>several {@code q} parameters are ANDed.</li>
 * </ul>
 * Date-times without an offset are read in the server's zone, like Koha reads them in its own.
 * Anything else answers 400 {@code invalid_query}.
 */
public final class QueryFilter {

    private final Fields fields;
    private final ZoneId zone;

    public QueryFilter(Fields fields, ZoneId zone) {
        this.fields = fields;
        this.zone = zone;
    }

    public SqlCondition parse(List<String> queries) {
        SqlCondition condition = SqlCondition.TRUE;
        for (String query : queries) {
            if (query == null || query.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(query);
            } catch (JsonProcessingException e) {
                throw ApiProblem.invalidQuery("q is not JSON");
            }
            condition = condition.and(node(node));
        }
        return condition;
    }

    private SqlCondition node(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object(object, " AND ");
        }
        if (node instanceof ArrayNode array) {
            List<SqlCondition> parts = new ArrayList<>();
            array.forEach(element -> parts.add(node(element)));
            return join(parts, " OR ");
        }
        throw ApiProblem.invalidQuery("expected a JSON object or array, got " + node.getNodeType());
    }

    private SqlCondition object(ObjectNode object, String joiner) {
        List<SqlCondition> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("-and") || key.equals("-or")) {
                String inner = key.equals("-and") ? " AND " : " OR ";
                if (value instanceof ArrayNode array) {
                    List<SqlCondition> group = new ArrayList<>();
                    array.forEach(element -> group.add(node(element)));
                    parts.add(join(group, inner));
                } else if (value instanceof ObjectNode nested) {
                    parts.add(object(nested, inner));
                } else {
                    throw ApiProblem.invalidQuery(key + " needs an array or an object");
                }
            } else {
                Fields.Field field = fields.find(key)
                        .orElseThrow(() -> ApiProblem.invalidQuery("unknown field '" + key + "'"));
                parts.add(field(field, value));
            }
        }
        return join(parts, joiner);
    }

    private SqlCondition field(Fields.Field field, JsonNode value) {
        String column = field.column();
        if (value == null || value.isNull()) {
            return new SqlCondition(column + " IS NULL", List.of());
        }
        if (value instanceof ArrayNode array) {
            boolean scalars = true;
            for (JsonNode element : array) {
                scalars &= element.isValueNode() && !element.isNull();
            }
            if (scalars) {
                return in(field, array, false);
            }
            List<SqlCondition> parts = new ArrayList<>();
            array.forEach(element -> parts.add(field(field, element)));
            return join(parts, " OR ");
        }
        if (value instanceof ObjectNode operators) {
            List<SqlCondition> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = operators.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                parts.add(operator(field, entry.getKey().toLowerCase(java.util.Locale.ROOT), entry.getValue()));
            }
            return join(parts, " AND ");
        }
        return new SqlCondition(column + " = ?", List.of(value(field, value)));
    }

    private SqlCondition operator(Fields.Field field, String operator, JsonNode operand) {
        String column = field.column();
        return switch (operator) {
            case "=", "==", "-eq" -> operand.isNull()
                    ? new SqlCondition(column + " IS NULL", List.of())
                    : new SqlCondition(column + " = ?", List.of(value(field, operand)));
            case "!=", "<>", "-ne" -> operand.isNull()
                    ? new SqlCondition(column + " IS NOT NULL", List.of())
                    : new SqlCondition(column + " <> ?", List.of(value(field, operand)));
            case "<", ">", "<=", ">=" -> new SqlCondition(column + " " + operator + " ?", List.of(value(field, operand)));
            case "-like", "like" -> like(field, operand, false);
            case "-not_like", "not like" -> like(field, operand, true);
            case "-in" -> in(field, array(operator, operand), false);
            case "-not_in" -> in(field, array(operator, operand), true);
            case "-between" -> {
                ArrayNode bounds = array(operator, operand);
                if (bounds.size() != 2) {
                    throw ApiProblem.invalidQuery("-between needs two values");
                }
                yield new SqlCondition(column + " BETWEEN ? AND ?",
                        List.of(value(field, bounds.get(0)), value(field, bounds.get(1))));
            }
            default -> throw ApiProblem.invalidQuery("unsupported operator '" + operator + "'");
        };
    }

    private static ArrayNode array(String operator, JsonNode operand) {
        if (operand instanceof ArrayNode array) {
            return array;
        }
        throw ApiProblem.invalidQuery(operator + " needs an array");
    }

    private SqlCondition like(Fields.Field field, JsonNode operand, boolean negated) {
        if (field.kind() != Fields.Kind.STRING || !operand.isTextual()) {
            throw ApiProblem.invalidQuery("-like needs a text field and a text pattern");
        }
        String sql = field.column() + (negated ? " NOT ILIKE ?" : " ILIKE ?");
        return new SqlCondition(sql, List.of(operand.asText()));
    }

    private SqlCondition in(Fields.Field field, ArrayNode values, boolean negated) {
        if (values.isEmpty()) {
            return new SqlCondition(negated ? "1=1" : "1=0", List.of());
        }
        StringJoiner marks = new StringJoiner(", ", field.column() + (negated ? " NOT IN (" : " IN ("), ")");
        List<Object> params = new ArrayList<>();
        for (JsonNode element : values) {
            marks.add("?");
            params.add(value(field, element));
        }
        return new SqlCondition(marks.toString(), params);
    }

    private Object value(Fields.Field field, JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            throw ApiProblem.invalidQuery("field '" + field.name() + "' needs a single value");
        }
        String text = node.asText();
        try {
            return switch (field.kind()) {
                case INTEGER -> {
                    if (node.isIntegralNumber()) {
                        yield node.longValue();
                    }
                    yield Long.parseLong(text.strip());
                }
                case STRING -> text;
                case BOOLEAN -> {
                    if (node.isBoolean()) {
                        yield node.booleanValue();
                    }
                    yield switch (text.strip()) {
                        case "1", "true" -> true;
                        case "0", "false" -> false;
                        default -> throw new IllegalArgumentException(text);
                    };
                }
                case DATE -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
                case DATE_TIME -> instant(text.strip());
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ApiProblem.invalidQuery("'" + text + "' is not a valid value for " + field.name());
        }
    }

    private Instant instant(String text) {
        String iso = text.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException noOffset) {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        }
    }

    private static SqlCondition join(List<SqlCondition> parts, String joiner) {
        if (parts.isEmpty()) {
            return new SqlCondition("1=1", List.of());
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        StringJoiner sql = new StringJoiner(joiner);
        List<Object> params = new ArrayList<>();
        for (SqlCondition part : parts) {
            sql.add("(" + part.sql() + ")");
            params.addAll(part.params());
        }
        return new SqlCondition(sql.toString(), params);
    }
}

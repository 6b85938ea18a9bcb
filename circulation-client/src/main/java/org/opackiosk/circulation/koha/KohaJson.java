package org.opackiosk.circulation.koha;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.ItemState;
import org.opackiosk.core.circulation.Library;

/**
 * Maps Koha's JSON (snake_case, nullable fields) to the kiosk's records. Missing optional fields become
 * empty strings or empty optionals; a missing id or a value of the wrong shape is a
 * {@link MalformedResponseException}. Stateless and thread-safe.
 */
final class KohaJson {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private KohaJson() {
    }

    static List<Library> libraries(JsonNode body) throws MalformedResponseException {
        List<Library> libraries = new ArrayList<>();
        for (JsonNode library : array(body, "libraries")) {
            libraries.add(new Library(requiredId(library, "library_id"), text(library, "name"),
                    bool(library, "pickup_location")));
        }
        return List.copyOf(libraries);
    }

    static List<CatalogueRecord> biblios(JsonNode body, ZoneId zone) throws MalformedResponseException {
        List<CatalogueRecord> records = new ArrayList<>();
        for (JsonNode biblio : array(body, "biblios")) {
            records.add(biblio(biblio, zone));
        }
        return List.copyOf(records);
    }

    static CatalogueRecord biblio(JsonNode biblio, ZoneId zone) throws MalformedResponseException {
        object(biblio, "biblio");
        Integer year = year(biblio.get("copyright_date"));
        if (year == null) {
            year = year(biblio.get("publication_year"));
        }
        return new CatalogueRecord(requiredId(biblio, "biblio_id"), text(biblio, "title"), text(biblio, "subtitle"),
                text(biblio, "author"), text(biblio, "publisher"), year, text(biblio, "isbn"),
                text(biblio, "item_type"), instant(biblio, "timestamp", zone));
    }

    /**
     * Items fetched with {@code x-koha-embed: checkout} (and {@code _status} where asked): {@code checkout} is an
     * object when the item is on loan; {@code _status} — Koha's list of what keeps the item from the shelf, as
     * an array or a comma-separated string — gives 予約確保 ({@code waiting}) and 回送中 ({@code in_transit}).
     */
    static List<Item> items(JsonNode body) throws MalformedResponseException {
        List<Item> items = new ArrayList<>();
        for (JsonNode item : array(body, "items")) {
            items.add(new Item(requiredId(item, "item_id"), text(item, "external_id"), text(item, "home_library_id"),
                    text(item, "holding_library_id"), text(item, "callnumber"), text(item, "location"),
                    text(item, "item_type_id"), notForLoan(item.get("not_for_loan_status")), dueDate(item.get("checkout")),
                    state(item.get("_status"))));
        }
        return List.copyOf(items);
    }

    private static ItemState state(JsonNode status) throws MalformedResponseException {
        if (status == null || status.isNull()) {
            return ItemState.ORDINARY;
        }
        List<String> words = new ArrayList<>();
        if (status.isArray()) {
            for (JsonNode word : status) {
                words.add(word.asText());
            }
        } else if (status.isTextual()) {
            words.addAll(List.of(status.textValue().split(",")));
        } else {
            throw new MalformedResponseException("_status is neither a list nor a string");
        }
        // waiting first: a copy on the hold shelf that is also listed in transit has arrived
        if (words.stream().anyMatch(w -> w.strip().equals("waiting"))) {
            return ItemState.WAITING_FOR_PICKUP;
        }
        if (words.stream().anyMatch(w -> w.strip().equals("in_transit"))) {
            return ItemState.IN_TRANSIT;
        }
        return ItemState.ORDINARY;
    }

    static Iterable<JsonNode> array(JsonNode body, String what) throws MalformedResponseException {
        if (!body.isArray()) {
            throw new MalformedResponseException("expected a JSON array of " + what + ", got " + body.getNodeType());
        }
        List<JsonNode> elements = new ArrayList<>(body.size());
        for (JsonNode element : body) {
            object(element, what);
            elements.add(element);
        }
        return elements;
    }

    static void object(JsonNode node, String what) throws MalformedResponseException {
        if (!node.isObject()) {
            throw new MalformedResponseException("expected JSON objects for " + what + ", got " + node.getNodeType());
        }
    }

    static String requiredId(JsonNode node, String field) throws MalformedResponseException {
        JsonNode id = node.get(field);
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new MalformedResponseException("missing or invalid " + field);
        }
        return id.asText();
    }

    static String text(JsonNode node, String field) throws MalformedResponseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isContainerNode()) {
            throw new MalformedResponseException(field + " is not a plain value");
        }
        return value.asText();
    }

    static boolean bool(JsonNode node, String field) throws MalformedResponseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.intValue() != 0; // Koha's older answers carry MySQL tinyints
        }
        throw new MalformedResponseException(field + " is not a boolean");
    }

    private static boolean notForLoan(JsonNode value) throws MalformedResponseException {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isIntegralNumber()) {
            return value.intValue() != 0; // 0 = loanable; positive and negative (e.g. "on order") values are not
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.textValue().strip()) != 0;
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("not_for_loan_status is not a number", e);
            }
        }
        throw new MalformedResponseException("not_for_loan_status is not a number");
    }

    /** Catalogue dates are messy ("c2019", "[2019]", "2019-"): the first four digits, or nothing. */
    private static Integer year(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            int year = value.intValue();
            return year > 0 ? year : null;
        }
        if (value.isTextual()) {
            Matcher m = YEAR.matcher(value.textValue());
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }
        return null;
    }

    private static Optional<LocalDate> dueDate(JsonNode checkout) throws MalformedResponseException {
        if (checkout == null || checkout.isNull()) {
            return Optional.empty();
        }
        object(checkout, "checkout");
        JsonNode due = checkout.get("due_date");
        if (due == null || !due.isTextual()) {
            throw new MalformedResponseException("checkout without due_date");
        }
        String text = due.textValue().strip().replace(' ', 'T');
        try {
            if (text.indexOf('T') < 0) {
                return Optional.of(LocalDate.parse(text));
            }
            // the library's own date, in the offset Koha wrote: a loan due 23:59 JST is due that day
            return Optional.of(parseDateTime(text).toLocalDate());
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException("due_date is not a date: " + due.textValue(), e);
        }
    }

    static Instant instant(JsonNode node, String field, ZoneId zone) throws MalformedResponseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedResponseException(field + " is not a date-time");
        }
        String text = value.textValue().strip().replace(' ', 'T');
        try {
            LocalDateTime local = parseDateTime(text);
            return hasOffset(text) ? OffsetDateTime.parse(text).toInstant() : local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(field + " is not a date-time: " + value.textValue(), e);
        }
    }

    /** The local date-time Koha wrote, with or without an offset. */
    static LocalDateTime parseDateTime(String text) {
        return hasOffset(text) ? OffsetDateTime.parse(text).toLocalDateTime() : LocalDateTime.parse(text);
    }

    private static boolean hasOffset(String text) {
        int t = text.indexOf('T');
        return t >= 0 && (text.endsWith("Z") || text.indexOf('+', t) >= 0 || text.indexOf('-', t) >= 0);
    }
}

package org.opackiosk.circulation.koha;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.HoldStatus;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.SuspensionCategory;

/**
 * Reads the fields of Koha's patrons, checkouts and holds, and of the kiosk's contrib routes, that the
 * circulation port needs. A missing id or a value of the wrong shape is a {@link MalformedResponseException}
 * (the answer is then unusable: {@code Unreachable}). Stateless and thread-safe.
 */
final class KohaCirculationJson {

    private KohaCirculationJson() {
    }

    /** {@code {"capabilities": ["ordered_series_holds", …]}}: the names, lower-cased; unknown ones are kept. */
    static Set<String> capabilities(JsonNode body) throws MalformedResponseException {
        JsonNode list = body.get("capabilities");
        if (list == null || !list.isArray()) {
            throw new MalformedResponseException("capabilities answer without a capabilities list");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode name : list) {
            if (name.isTextual()) {
                names.add(name.textValue().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(names);
    }

    static PasswordPolicy passwordPolicy(JsonNode body) throws MalformedResponseException {
        KohaJson.object(body, "password_policy");
        JsonNode min = body.get("min_length");
        JsonNode max = body.get("max_length");
        if (min == null || !min.canConvertToInt() || max == null || !max.canConvertToInt()) {
            throw new MalformedResponseException("password_policy without min_length and max_length");
        }
        try {
            return new PasswordPolicy(min.intValue(), max.intValue(), KohaJson.bool(body, "letters_and_digits_only"),
                    KohaJson.bool(body, "require_letters_and_digits"), KohaJson.bool(body, "require_upper_and_lower_case"));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("password_policy is inconsistent: " + e.getMessage(), e);
        }
    }

    /**
     * Koha's restriction type ({@code borrower_debarments.type}, or a library-defined restriction type code) as a
     * category the kiosk can say in words. Koha's own types are {@code OVERDUES}, {@code SUSPENSION} (suspended
     * for a while after a late return), {@code MANUAL} and {@code DISCHARGE}; unpaid fines or replacements are not
     * a Koha type, so the codes libraries commonly define for them ({@code DEBT}, {@code FINES}, {@code CHARGES},
     * {@code LOST}) are read as {@link SuspensionCategory#FINES}. Anything else is {@link SuspensionCategory#OTHER}.
     */
    static SuspensionCategory suspensionCategory(String type) {
        return switch (type.strip().toUpperCase(Locale.ROOT)) {
            case "OVERDUES" -> SuspensionCategory.OVERDUES;
            case "SUSPENSION" -> SuspensionCategory.LATE_RETURNS;
            case "DEBT", "FINES", "CHARGES", "LOST" -> SuspensionCategory.FINES;
            case "MANUAL" -> SuspensionCategory.MANUAL;
            default -> SuspensionCategory.OTHER;
        };
    }

    /** The elements of a JSON array of objects. */
    static List<JsonNode> objects(JsonNode body, String what) throws MalformedResponseException {
        List<JsonNode> list = new ArrayList<>();
        KohaJson.array(body, what).forEach(list::add);
        return list;
    }

    static String id(JsonNode node, String field) throws MalformedResponseException {
        return KohaJson.requiredId(node, field);
    }

    static String text(JsonNode node, String field) throws MalformedResponseException {
        return KohaJson.text(node, field);
    }

    /** A text field that is absent, null or blank is empty. */
    static Optional<String> optionalText(JsonNode node, String field) throws MalformedResponseException {
        String value = KohaJson.text(node, field).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A date ({@code 2026-04-01}) or the date part of a date-time Koha wrote, in the library's own offset. */
    static Optional<LocalDate> date(JsonNode node, String field) throws MalformedResponseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MalformedResponseException(field + " is not a date");
        }
        String text = value.textValue().strip().replace(' ', 'T');
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(text.indexOf('T') < 0 ? LocalDate.parse(text) : KohaJson.parseDateTime(text).toLocalDate());
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(field + " is not a date: " + value.textValue(), e);
        }
    }

    static Optional<Integer> integer(JsonNode node, String field) throws MalformedResponseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new MalformedResponseException(field + " is not an integer");
        }
        return Optional.of(value.intValue());
    }

    /** An embedded object ({@code x-koha-embed}), when present. */
    static Optional<JsonNode> embedded(JsonNode node, String field) throws MalformedResponseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        KohaJson.object(value, field);
        return Optional.of(value);
    }

    /** Koha's hold {@code status}: null waiting in the queue, T in transit, P in processing, W waiting for pickup. */
    static HoldStatus holdStatus(JsonNode hold) throws MalformedResponseException {
        String status = KohaJson.text(hold, "status").strip();
        return switch (status) {
            case "" -> HoldStatus.WAITING;
            case "T" -> HoldStatus.IN_TRANSIT;
            case "W" -> HoldStatus.READY;
            // P, and any letter a newer Koha adds: something staff handle, not for the patron to change
            default -> HoldStatus.IN_PROCESSING;
        };
    }

    static ContactMethod contactMethod(String value) throws MalformedResponseException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "email" -> ContactMethod.EMAIL;
            case "phone" -> ContactMethod.PHONE;
            case "none" -> ContactMethod.NONE;
            default -> throw new MalformedResponseException("unknown contact_method " + value);
        };
    }

    static String contactMethodName(ContactMethod method) {
        return method.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Why an old hold was cancelled. Koha records {@code cancellation_reason} from the library's own
     * {@code HOLD_CANCELLATION} authorised values (free codes) and {@code EXPIRED} when the expiry job cancels a
     * hold; a hold that was waiting for pickup ({@code W}) and expired was not picked up. Without a reason
     * the dates tell: cancelled after its expiry date means it expired. Anything else: the library cancelled it.
     */
    static CancelledHold.Reason cancellationReason(JsonNode hold, LocalDate cancelledOn) throws MalformedResponseException {
        String reason = KohaJson.text(hold, "cancellation_reason").strip().toUpperCase(Locale.ROOT);
        boolean wasReady = "W".equals(KohaJson.text(hold, "status").strip());
        Optional<LocalDate> expiry = date(hold, "expiration_date");
        return switch (reason) {
            case "EXPIRED" -> wasReady ? CancelledHold.Reason.NOT_PICKED_UP : CancelledHold.Reason.EXPIRED;
            case "NOT_PICKED_UP", "NOTPICKEDUP", "NOT_COLLECTED" -> CancelledHold.Reason.NOT_PICKED_UP;
            case "PATRON", "BY_PATRON", "CANCELLED_BY_PATRON", "PATRON_REQUEST", "OPAC" -> CancelledHold.Reason.CANCELLED_BY_PATRON;
            case "" -> {
                if (expiry.isPresent() && !cancelledOn.isBefore(expiry.get())) {
                    yield wasReady ? CancelledHold.Reason.NOT_PICKED_UP : CancelledHold.Reason.EXPIRED;
                }
                yield CancelledHold.Reason.CANCELLED_BY_LIBRARY;
            }
            default -> CancelledHold.Reason.CANCELLED_BY_LIBRARY;
        };
    }
}

package org.opackiosk.provisioning.queue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.privacy.CardNumbers;

/**
 * How {@code kioskctl queue} shows an entry, as text or JSON. Personal data: the card number masked, and
 * nothing else — a logged-in patron's id is not shown at all; records, branches, hold and checkout ids are
 * what staff need to act on the operation. Stateless.
 */
final class QueueEntries {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private QueueEntries() {
    }

    /** {@code ****0001} for a scanned card; "(logged in)" for a patron known by the server's id. */
    static String patron(OutboxEntry entry) {
        return switch (entry.operation().patron()) {
            case PatronRef.Card card -> CardNumbers.mask(card.cardNumber());
            case PatronRef.Id id -> "(logged in)";
        };
    }

    static String shortId(OutboxEntry entry) {
        return entry.id().toString().substring(0, QueueSubcommand.MIN_PREFIX);
    }

    static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    /** The state, with the refusal's code when there is one: {@code REFUSED (discarded_by_staff)}. */
    static String state(OutboxEntry entry) {
        return entry.state() + entry.refusal().map(r -> " (" + r.code() + ")").orElse("");
    }

    /** What a row of {@code list --json} holds. */
    static ObjectNode summary(OutboxEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", entry.id().toString());
        node.put("sequence", entry.sequence());
        node.put("kind", entry.kind().name());
        node.put("state", entry.state().name());
        node.put("created", entry.createdAt().toString());
        node.put("attempts", entry.attempts());
        if (entry.operation().patron() instanceof PatronRef.Card) {
            node.put("card", patron(entry));
        } else {
            node.putNull("card");
        }
        node.put("last_error", entry.lastError().orElse(null));
        node.put("refusal", entry.refusal().map(r -> r.code()).orElse(null));
        return node;
    }

    /** {@code show --json}: the summary, when it is due, and what the operation does. */
    static ObjectNode details(OutboxEntry entry) {
        ObjectNode node = summary(entry);
        node.put("next_attempt", entry.nextAttemptAt().toString());
        ObjectNode op = node.putObject("operation");
        operation(entry.operation()).forEach(op::put);
        return node;
    }

    /** The operation's own fields, in the order {@code show} prints them. */
    static Map<String, String> operation(Operation operation) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (operation) {
            case Operation.PlaceHold h -> {
                fields.put("records", String.join(", ", h.recordIds()));
                fields.put("pickup_library", h.pickupLibraryId());
                fields.put("contact_method", h.contactMethod().map(Enum::name).orElse("patron's default"));
            }
            case Operation.CancelHold c -> fields.put("hold", c.holdId());
            case Operation.ChangePickupLibrary c -> {
                fields.put("hold", c.holdId());
                fields.put("pickup_library", c.libraryId());
            }
            case Operation.ChangeContactMethod c -> {
                fields.put("hold", c.holdId());
                fields.put("contact_method", c.method().name());
            }
            case Operation.DismissCancelledHold d -> fields.put("hold", d.holdId());
            case Operation.RenewLoan r -> {
                fields.put("checkout", r.checkoutId());
                fields.put("due_date_before", r.dueDateBefore().toString());
            }
        }
        return fields;
    }
}

package org.opackiosk.store.outbox;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OperationKind;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.patron.PatronId;

/**
 * The stored form of an {@link Operation}: a small JSON object with only the fields the server
 * needs. Written by hand, field by field, so that nothing a later record component adds (a name, a
 * password) can slip onto the disk without someone writing it here. Version 1.
 */
final class OperationJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int VERSION = 1;

    private OperationJson() {
    }

    static String write(Operation op) {
        ObjectNode node = JSON.createObjectNode().put("v", VERSION);
        ObjectNode patron = node.putObject("patron");
        switch (op.patron()) {
            case PatronRef.Card card -> patron.put("card", card.cardNumber());
            case PatronRef.Id id -> patron.put("id", id.patronId().value());
        }
        switch (op) {
            case Operation.PlaceHold h -> {
                h.recordIds().forEach(node.putArray("records")::add);
                node.put("pickup", h.pickupLibraryId());
                h.contactMethod().ifPresent(m -> node.put("contact", m.name()));
            }
            case Operation.CancelHold c -> node.put("hold", c.holdId());
            case Operation.ChangePickupLibrary c -> node.put("hold", c.holdId()).put("pickup", c.libraryId());
            case Operation.ChangeContactMethod c -> node.put("hold", c.holdId()).put("contact", c.method().name());
            case Operation.DismissCancelledHold d -> node.put("hold", d.holdId());
            case Operation.RenewLoan r -> node.put("checkout", r.checkoutId()).put("due_before", r.dueDateBefore().toString());
        }
        return node.toString();
    }

    /** @throws IOException when the text is not an operation of {@code kind} this version can read */
    static Operation read(OperationKind kind, String text) throws IOException {
        JsonNode node = JSON.readTree(text);
        if (node == null || !node.isObject() || node.path("v").asInt() != VERSION) {
            throw new IOException("not a version " + VERSION + " operation");
        }
        try {
            PatronRef patron = patron(node.path("patron"));
            return switch (kind) {
                case PLACE_HOLD -> {
                    List<String> records = new ArrayList<>();
                    node.path("records").forEach(r -> records.add(r.asText()));
                    Optional<ContactMethod> contact = node.hasNonNull("contact")
                            ? Optional.of(ContactMethod.valueOf(node.get("contact").asText())) : Optional.empty();
                    yield new Operation.PlaceHold(patron, records, text(node, "pickup"), contact);
                }
                case CANCEL_HOLD -> new Operation.CancelHold(patron, text(node, "hold"));
                case CHANGE_PICKUP_LIBRARY -> new Operation.ChangePickupLibrary(patron, text(node, "hold"), text(node, "pickup"));
                case CHANGE_CONTACT_METHOD -> new Operation.ChangeContactMethod(patron, text(node, "hold"),
                        ContactMethod.valueOf(text(node, "contact")));
                case DISMISS_CANCELLED_HOLD -> new Operation.DismissCancelledHold(patron, text(node, "hold"));
                case RENEW_LOAN -> new Operation.RenewLoan(patron, text(node, "checkout"),
                        LocalDate.parse(text(node, "due_before")));
            };
        } catch (RuntimeException e) {
            throw new IOException("unreadable " + kind + " operation: " + e.getMessage(), e);
        }
    }

    private static PatronRef patron(JsonNode node) throws IOException {
        if (node.hasNonNull("card")) {
            return PatronRef.card(node.get("card").asText());
        }
        if (node.hasNonNull("id")) {
            return PatronRef.id(new PatronId(node.get("id").asText()));
        }
        throw new IOException("no patron");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }
}

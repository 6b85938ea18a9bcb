package org.opackiosk.demo.holds;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opackiosk.demo.http.Json;

/** A hold as Koha's API shows it ({@code definitions/hold.yaml}). */
public final class HoldJson {

    private HoldJson() {
    }

    public static Map<String, Object> of(Hold hold, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hold_id", hold.holdId());
        json.put("patron_id", hold.patronId());
        json.put("hold_date", Json.date(hold.holdDate()));
        json.put("biblio_id", hold.biblioId());
        json.put("item_group_id", null);
        json.put("pickup_library_id", hold.pickupLibraryId());
        json.put("desk_id", null);
        json.put("cancellation_date", Json.date(hold.cancellationDate()));
        json.put("cancellation_reason", hold.cancellationReason());
        json.put("notes", hold.notes());
        json.put("priority", hold.priority());
        json.put("status", hold.status());
        json.put("timestamp", Json.dateTime(hold.updatedAt(), zone));
        json.put("item_id", hold.itemId());
        json.put("waiting_date", Json.date(hold.waitingDate()));
        json.put("expiration_date", Json.date(hold.expirationDate()));
        json.put("lowest_priority", hold.lowestPriority());
        json.put("suspended", hold.suspended());
        json.put("suspended_until", Json.dateTime(hold.suspendedUntil(), zone));
        json.put("non_priority", hold.nonPriority());
        json.put("item_type", hold.itemType());
        json.put("item_level", hold.itemLevel());
        return json;
    }
}

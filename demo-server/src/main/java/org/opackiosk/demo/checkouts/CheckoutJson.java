package org.opackiosk.demo.checkouts;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opackiosk.demo.http.Json;

/** A checkout as Koha's API shows it ({@code definitions/checkout.yaml}). */
public final class CheckoutJson {

    private CheckoutJson() {
    }

    /** @param barcode the item's barcode, Koha's {@code external_id} */
    public static Map<String, Object> of(Checkout checkout, String barcode, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkout_id", checkout.checkoutId());
        json.put("patron_id", checkout.patronId());
        json.put("item_id", checkout.itemId());
        json.put("external_id", barcode);
        json.put("due_date", Json.dateTime(checkout.dueDate(), zone));
        json.put("library_id", checkout.libraryId());
        json.put("issuer_id", null);
        json.put("checkin_date", Json.dateTime(checkout.checkinDate(), zone));
        json.put("checkin_library_id", checkout.checkinLibraryId());
        json.put("last_renewed_date", Json.dateTime(checkout.lastRenewedDate(), zone));
        json.put("renewals_count", checkout.renewalsCount());
        json.put("unseen_renewals", checkout.unseenRenewals());
        json.put("auto_renew", checkout.autoRenew());
        json.put("auto_renew_error", null);
        json.put("timestamp", Json.dateTime(checkout.updatedAt(), zone));
        json.put("checkout_date", Json.dateTime(checkout.checkoutDate(), zone));
        json.put("onsite_checkout", checkout.onsiteCheckout());
        json.put("note", checkout.note());
        json.put("note_date", null);
        json.put("note_seen", null);
        return json;
    }
}

package org.opackiosk.demo.items;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opackiosk.demo.checkouts.Checkout;
import org.opackiosk.demo.http.Json;
import org.opackiosk.demo.holds.Hold;

/** An item as Koha's API shows it ({@code definitions/item.yaml}). */
public final class ItemJson {

    private ItemJson() {
    }

    /**
     * @param checkout the current loan, or {@code null}. Koha's {@code checked_out_date} is its
     *                 {@code items.onloan} column, which holds the <em>due</em> date of the loan.
     */
    public static Map<String, Object> of(Item item, Checkout checkout, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item_id", item.itemId());
        json.put("biblio_id", item.biblioId());
        json.put("external_id", item.barcode());
        json.put("acquisition_date", Json.date(item.acquisitionDate()));
        json.put("home_library_id", item.homeLibraryId());
        json.put("holding_library_id", item.holdingLibraryId());
        json.put("callnumber", item.callnumber());
        json.put("location", item.location());
        json.put("permanent_location", item.permanentLocation());
        json.put("item_type_id", item.itemType());
        json.put("effective_item_type_id", item.itemType());
        json.put("collection_code", item.collectionCode());
        json.put("copy_number", item.copyNumber());
        json.put("serial_issue_number", item.serialIssueNumber());
        json.put("public_notes", item.publicNotes());
        json.put("not_for_loan_status", item.notForLoan());
        json.put("effective_not_for_loan_status", item.notForLoan());
        json.put("lost_status", item.lost());
        json.put("withdrawn", item.withdrawn());
        json.put("damaged_status", item.damaged());
        json.put("restricted_status", item.restricted());
        json.put("checked_out_date", checkout == null ? null
                : Json.date(LocalDate.ofInstant(checkout.dueDate(), zone)));
        json.put("checkouts_count", item.checkoutsCount());
        json.put("renewals_count", item.renewalsCount());
        json.put("holds_count", item.holdsCount());
        json.put("last_seen_date", Json.dateTime(item.lastSeenDate(), zone));
        json.put("timestamp", Json.dateTime(item.updatedAt(), zone));
        json.put("bookable", false);
        json.put("exclude_from_local_holds_priority", false);
        return json;
    }

    /**
     * The {@code _status} embed: what keeps the item from the shelf, or {@code ["available"]}.
     * Order follows Koha's {@code Koha::Item->_status}.
     */
    public static List<String> status(Item item, Checkout checkout, Hold firstHold) {
        List<String> statuses = new ArrayList<>();
        if (checkout != null) {
            statuses.add(checkout.onsiteCheckout() ? "local_use" : "checked_out");
        }
        if (item.lost() != 0) {
            statuses.add("lost");
        } else if (item.withdrawn() != 0) {
            statuses.add("withdrawn");
        } else if (item.damaged() != 0) {
            statuses.add("damaged");
        } else if (item.notForLoan() != 0) {
            statuses.add("not_for_loan");
        }
        if (firstHold != null) {
            String status = firstHold.status() == null ? "" : firstHold.status();
            statuses.add(switch (status) {
                case "W" -> "waiting";
                case "T" -> "in_transit";
                case "P" -> "in_processing";
                default -> "on_hold";
            });
        }
        if (statuses.isEmpty()) {
            statuses.add("available");
        }
        return statuses;
    }
}

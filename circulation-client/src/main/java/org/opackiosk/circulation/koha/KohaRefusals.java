package org.opackiosk.circulation.koha;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.opackiosk.core.circulation.Refusal;

/**
 * Turns Koha's 4xx answers ({@code {"error": "...", "error_code": "..."}}) into {@link Refusal}s. A code the
 * kiosk has a sentence for gets the message key {@code refusal.<code>}; any other keeps its code for the
 * log and gets {@code refusal.generic}. Stateless and thread-safe.
 */
final class KohaRefusals {

    static final String NOT_FOUND = "not_found";
    static final String AUTHENTICATION_FAILED = "authentication_failed";
    static final String GENERIC_MESSAGE_KEY = "refusal.generic";

    /** The codes of koha-api.md (holds, pickup changes) and the kiosk's own; each has a {@code refusal.<code>} sentence. */
    static final Set<String> KNOWN_CODES = Set.of(
            NOT_FOUND, AUTHENTICATION_FAILED,
            // POST /holds, 403
            "too_many_reserves", "too_many_holds_for_this_record", "too_many_reserves_today", "no_reserves_allowed",
            "not_reservable", "item_already_on_hold", "already_possession", "cannot_reserve_from_other_branches",
            "library_not_pickup_location", "no_items", "age_restricted", "damaged",
            // POST /holds, 409
            "expired", "debt_limit", "bad_address", "card_lost", "restricted", "hold_limit",
            // POST /holds, 400
            "patron_not_found", "invalid_pickup_location", "missing_biblio_or_item", "item_biblio_mismatch",
            // PUT /holds/{id}/pickup_location, 409
            "hold_waiting", "hold_in_transit", "hold_in_processing");

    private KohaRefusals() {
    }

    static Refusal of(String code) {
        return new Refusal(code, KNOWN_CODES.contains(code) ? "refusal." + code : GENERIC_MESSAGE_KEY);
    }

    /**
     * @param body the answer's JSON, or {@code null} when it had none or it was unreadable
     */
    static Refusal fromAnswer(int status, JsonNode body) {
        JsonNode code = body == null ? null : body.get("error_code");
        if (code != null && code.isTextual() && !code.textValue().isBlank()) {
            return of(code.textValue());
        }
        return of(status == 404 ? NOT_FOUND : "http_" + status);
    }

    static Refusal authenticationFailed() {
        return of(AUTHENTICATION_FAILED);
    }
}

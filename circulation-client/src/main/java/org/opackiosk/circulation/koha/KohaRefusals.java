package org.opackiosk.circulation.koha;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    static final String INVALID_CREDENTIALS = "invalid_credentials";
    static final String PATRON_NOT_FOUND = "patron_not_found";
    static final String SERIES_HOLDS_UNSUPPORTED = "series_holds_unsupported";
    static final String FEATURE_UNSUPPORTED = "feature_unsupported";
    static final String GENERIC = "generic";
    static final String GENERIC_MESSAGE_KEY = "refusal.generic";
    static final String RENEWAL_PREFIX = "refusal.renewal.";

    /**
     * The codes of koha-api.md and contrib-api.md and the kiosk's own; each has a {@code refusal.<code>}
     * sentence in {@code org/opackiosk/core/circulation/refusals*.properties}.
     */
    static final Set<String> KNOWN_CODES = Set.of(
            NOT_FOUND, AUTHENTICATION_FAILED, GENERIC,
            // POST /holds, 403
            "too_many_reserves", "too_many_holds_for_this_record", "too_many_reserves_today", "no_reserves_allowed",
            "not_reservable", "item_already_on_hold", "already_possession", "cannot_reserve_from_other_branches",
            "library_not_pickup_location", "no_items", "age_restricted", "damaged",
            // POST /holds, 409
            "expired", "debt_limit", "bad_address", "card_lost", "restricted", "hold_limit",
            // POST /holds, 400
            PATRON_NOT_FOUND, "invalid_pickup_location", "missing_biblio_or_item", "item_biblio_mismatch",
            // PUT /holds/{id}/pickup_location and the contrib contact method, 409
            "hold_waiting", "hold_in_transit", "hold_in_processing",
            // patron passwords (the demo server's codes; Koha's own messages are mapped by passwordRefusal)
            "password_too_short", "password_too_long", "password_has_whitespace", "password_too_weak",
            "password_invalid_characters",
            // patron authentication and the contrib identity check
            INVALID_CREDENTIALS, "identity_not_confirmed", "password_already_set", "too_many_attempts",
            // the kiosk's own
            SERIES_HOLDS_UNSUPPORTED, FEATURE_UNSUPPORTED, "overdue_items");

    /**
     * Koha's {@code allows_renewal.error} values (C4::Circulation::CanBookBeRenewed) the kiosk has a sentence for,
     * each under {@code refusal.renewal.<error>}; any other gets {@code refusal.renewal.generic}.
     */
    static final Set<String> RENEWAL_CODES = Set.of(
            "too_many", "too_unseen", "on_reserve", "overdue", "restriction", "card_expired", "too_soon",
            "auto_too_soon", "auto_too_late", "auto_too_much_oweing", "auto_account_expired", "auto_renew_final",
            "auto_unseen_final", "onsite_checkout", "item_denied_renewal", "booked", "recalled", "no_checkout",
            "item_issued_to_other_patron");

    private static final Pattern PARENTHESISED_CODE = Pattern.compile("\\(([a-z_]+)\\)");

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

    /** Why a loan cannot be renewed, from {@code allows_renewal.error} or a renewal's 403. */
    static Refusal renewal(String error) {
        String code = error == null || error.isBlank() ? GENERIC : error;
        return new Refusal(code, RENEWAL_PREFIX + (RENEWAL_CODES.contains(code) ? code : GENERIC));
    }

    /**
     * A renewal's 403: Koha answers {@code {"error": "Renewal not authorized (too_many)"}} without an
     * {@code error_code}; the code in parentheses is the {@code allows_renewal} error.
     */
    static Refusal renewalFromAnswer(JsonNode body) {
        JsonNode code = body == null ? null : body.get("error_code");
        if (code != null && code.isTextual() && !code.textValue().isBlank()) {
            return renewal(code.textValue());
        }
        JsonNode error = body == null ? null : body.get("error");
        if (error != null && error.isTextual()) {
            Matcher m = PARENTHESISED_CODE.matcher(error.textValue());
            if (m.find()) {
                return renewal(m.group(1));
            }
        }
        return renewal(GENERIC);
    }

    /**
     * A password refused by Koha. The demo server (and a future plugin) send an {@code error_code}; Koha's own
     * {@code POST /patrons/{id}/password} answers 400 with the exception's text only ("Password length (2) is
     * shorter than required (4)", "Password contains leading/trailing whitespace character(s)", "Password is
     * too weak"), so the text is read as a last resort.
     */
    static Refusal passwordRefusal(int status, JsonNode body) {
        JsonNode code = body == null ? null : body.get("error_code");
        if (code != null && code.isTextual() && !code.textValue().isBlank()) {
            return of(code.textValue());
        }
        String error = body == null ? "" : body.path("error").asText("").toLowerCase(Locale.ROOT);
        if (error.contains("shorter") || error.contains("too short")) {
            return of("password_too_short");
        }
        if (error.contains("longer") || error.contains("too long")) {
            return of("password_too_long");
        }
        if (error.contains("whitespace")) {
            return of("password_has_whitespace");
        }
        if (error.contains("weak")) {
            return of("password_too_weak");
        }
        if (error.contains("invalid character")) {
            return of("password_invalid_characters");
        }
        return fromAnswer(status, body);
    }

    static Refusal authenticationFailed() {
        return of(AUTHENTICATION_FAILED);
    }
}

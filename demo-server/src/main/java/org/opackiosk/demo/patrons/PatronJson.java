package org.opackiosk.demo.patrons;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opackiosk.demo.http.Json;

/** A patron as Koha's API shows it ({@code definitions/patron.yaml}, the fields the demo keeps). */
public final class PatronJson {

    private PatronJson() {
    }

    public static Map<String, Object> of(Patron patron, boolean restrictedNow, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("patron_id", patron.patronId());
        json.put("cardnumber", patron.cardnumber());
        json.put("userid", patron.userid());
        json.put("surname", patron.surname());
        json.put("firstname", patron.firstname());
        json.put("email", patron.email());
        json.put("secondary_email", patron.secondaryEmail());
        json.put("phone", patron.phone());
        json.put("mobile", patron.mobile());
        json.put("date_of_birth", Json.date(patron.dateOfBirth()));
        json.put("library_id", patron.libraryId());
        json.put("category_id", patron.categoryId());
        json.put("date_enrolled", Json.date(patron.dateEnrolled()));
        json.put("expiry_date", Json.date(patron.expiryDate()));
        json.put("restricted", restrictedNow);
        json.put("lang", patron.lang());
        json.put("privacy", patron.privacy());
        json.put("updated_on", Json.dateTime(patron.updatedAt(), zone));
        return json;
    }
}

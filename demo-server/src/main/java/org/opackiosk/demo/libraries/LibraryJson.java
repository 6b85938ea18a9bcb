package org.opackiosk.demo.libraries;

import java.util.LinkedHashMap;
import java.util.Map;

/** A library as Koha's API shows it ({@code definitions/library.yaml}). */
public final class LibraryJson {

    private LibraryJson() {
    }

    public static Map<String, Object> of(Library library) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("library_id", library.libraryId());
        json.put("name", library.name());
        json.put("address1", library.address1());
        json.put("address2", library.address2());
        json.put("address3", library.address3());
        json.put("postal_code", library.postalCode());
        json.put("city", library.city());
        json.put("state", library.state());
        json.put("country", library.country());
        json.put("phone", library.phone());
        json.put("fax", library.fax());
        json.put("email", library.email());
        json.put("url", library.url());
        json.put("notes", library.notes());
        json.put("marc_org_code", library.marcOrgCode());
        json.put("pickup_location", library.pickupLocation());
        json.put("public", library.isPublic());
        return json;
    }
}

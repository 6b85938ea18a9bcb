package org.opackiosk.demo.libraries;

/** A row of {@code libraries}: a branch, or a bookmobile (移動図書館) which is a library in Koha too. */
public record Library(String libraryId, String name, String nameEn, String address1, String address2,
                      String address3, String postalCode, String city, String state, String country,
                      String phone, String fax, String email, String url, String notes, String marcOrgCode,
                      boolean pickupLocation, boolean isPublic, boolean bookmobile, int sortOrder) {

    /** A library known only by its code, e.g. a branch named in an imported record's 952 field. */
    public static Library minimal(String libraryId) {
        return new Library(libraryId, libraryId, libraryId, null, null, null, null, null, null, null, null, null,
                null, null, null, null, false, true, false, 1000);
    }
}

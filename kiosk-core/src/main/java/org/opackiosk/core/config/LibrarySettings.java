package org.opackiosk.core.config;

import java.util.Objects;

/**
 * Who the kiosk belongs to.
 *
 * @param nameJa      the library's name as shown in Japanese
 * @param nameEn      the library's name as shown in English
 * @param branchId    the server's id of the branch this kiosk stands in (Koha {@code library_id})
 * @param accentColor the library's colour, {@code #RRGGBB}
 */
public record LibrarySettings(String nameJa, String nameEn, String branchId, String accentColor) {

    public static final LibrarySettings DEMO =
            new LibrarySettings("みどり市立図書館", "Midori City Library", "CEN", "#1F6F8B");

    public LibrarySettings {
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(accentColor, "accentColor");
    }
}

package org.opackiosk.core.config;

import java.util.Objects;

/**
 * Who the kiosk belongs to.
 *
 * @param nameJa      the library's name as shown in Japanese
 * @param nameEn      the library's name as shown in English
 * @param branchId    the server's id of the branch this kiosk stands in (Koha {@code library_id})
 * @param accentColor the library's colour, {@code #RRGGBB}
 * @param maxHolds    the most current holds a patron may have (the library's circulation rule), checked by the kiosk
 *                    before it asks the server to place one; empty: the server alone decides (ADR 0111)
 */
public record LibrarySettings(String nameJa, String nameEn, String branchId, String accentColor,
                              java.util.OptionalInt maxHolds) {

    public static final LibrarySettings DEMO =
            new LibrarySettings("みどり市立図書館", "Midori City Library", "CEN", "#1F6F8B");

    public LibrarySettings {
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(accentColor, "accentColor");
        Objects.requireNonNull(maxHolds, "maxHolds");
    }

    /** A library without a hold limit of its own on the kiosk. */
    public LibrarySettings(String nameJa, String nameEn, String branchId, String accentColor) {
        this(nameJa, nameEn, branchId, accentColor, java.util.OptionalInt.empty());
    }
}

package org.opackiosk.core.catalogue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One bibliographic record as the kiosk indexes and shows it: everything the search and the record page
 * need offline. Richer than the circulation server's biblio listing ({@code CatalogueRecord}): readings
 * (ヨミ), series, subjects, NDC and the copies' branches come from the record's MARC.
 *
 * <p>Text fields the record does not have are empty strings; lists are empty. Readings are as the record
 * gives them (full-width katakana, possibly with spaces and commas); empty when the record has none —
 * the index derives them then. Immutable.
 *
 * @param volume        the volume of this title (245 $n), e.g. "第2巻"
 * @param authors       creators in the record's order (100, then 700)
 * @param authorReadings readings of {@code authors}, index by index; shorter or empty when missing
 * @param isbns         as catalogued (with or without hyphens, ISBN-10 or -13)
 * @param ndc           Nippon Decimal Classification number, e.g. "913.6"
 * @param itemTypeId    the server's item type code (Koha's 942 $c), e.g. "BK", "DVD"
 * @param description   physical description and notes for the record page (300, 500, 520)
 * @param holdings      the copies as catalogued: branch, call number, shelf location (no live status)
 * @param changedAt     when the server last changed the record; null when it does not say
 */
public record CatalogueEntry(String id, String title, String subtitle, String titleReading, String volume,
                             String seriesTitle, String seriesVolume, List<String> authors, List<String> authorReadings,
                             String publisher, String publicationPlace, OptionalInt year, String edition,
                             List<String> subjects, String ndc, List<String> isbns, String itemTypeId, String language,
                             String description, List<Holding> holdings, Instant changedAt) {

    public CatalogueEntry {
        Objects.requireNonNull(id, "id");
        title = text(title);
        subtitle = text(subtitle);
        titleReading = text(titleReading);
        volume = text(volume);
        seriesTitle = text(seriesTitle);
        seriesVolume = text(seriesVolume);
        authors = List.copyOf(authors);
        authorReadings = List.copyOf(authorReadings);
        publisher = text(publisher);
        publicationPlace = text(publicationPlace);
        Objects.requireNonNull(year, "year");
        edition = text(edition);
        subjects = List.copyOf(subjects);
        ndc = text(ndc);
        isbns = List.copyOf(isbns);
        itemTypeId = text(itemTypeId);
        language = text(language);
        description = text(description);
        holdings = List.copyOf(holdings);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** The branches holding a copy, in catalogue order, each once. */
    public Set<String> branches() {
        Set<String> branches = new LinkedHashSet<>();
        for (Holding holding : holdings) {
            if (!holding.branchId().isEmpty()) {
                branches.add(holding.branchId());
            }
        }
        return branches;
    }

    /** The first author, or an empty string. */
    public String mainAuthor() {
        return authors.isEmpty() ? "" : authors.getFirst();
    }

    /** A minimal entry, for tests and for records the server describes only briefly. */
    public static CatalogueEntry of(String id, String title, List<String> authors) {
        return new CatalogueEntry(id, title, "", "", "", "", "", authors, List.of(), "", "", OptionalInt.empty(), "",
                List.of(), "", List.of(), "", "", "", List.of(), null);
    }

    /**
     * One copy as catalogued (Koha's 952): where it belongs and where it stands.
     *
     * @param branchId   the home library (952 $a)
     * @param callNumber e.g. "913.6/ナ"
     * @param location   shelf location, e.g. "開架", "児童書"
     */
    public record Holding(String itemId, String branchId, String callNumber, String location) {
        public Holding {
            itemId = text(itemId);
            branchId = text(branchId);
            callNumber = text(callNumber);
            location = text(location);
        }
    }
}

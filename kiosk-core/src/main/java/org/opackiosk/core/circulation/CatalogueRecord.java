package org.opackiosk.core.circulation;

import java.time.Instant;
import java.util.Objects;

/**
 * A bibliographic record as the circulation server describes it (Koha's biblio). Fields the
 * server does not have are empty strings or {@code null} for {@code year}.
 */
public record CatalogueRecord(String id, String title, String subtitle, String author,
                              String publisher, Integer year, String isbn, String itemTypeId,
                              Instant changedAt) {
    public CatalogueRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        author = author == null ? "" : author;
        publisher = publisher == null ? "" : publisher;
        isbn = isbn == null ? "" : isbn;
        itemTypeId = itemTypeId == null ? "" : itemTypeId;
    }
}

package org.opackiosk.app.browse;

import java.util.Objects;
import java.util.OptionalInt;

import org.opackiosk.core.circulation.CatalogueRecord;

/** One line of the catalogue listing, as the browse screen shows it. Empty strings for what the server does not have. */
public record RecordRow(String id, String title, String subtitle, String author, String publisher,
                        OptionalInt year, MaterialType material) {

    public RecordRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(material, "material");
    }

    public static RecordRow of(CatalogueRecord r) {
        return new RecordRow(r.id(), r.title().strip(), r.subtitle().strip(), r.author().strip(), r.publisher().strip(),
                r.year() == null ? OptionalInt.empty() : OptionalInt.of(r.year()), MaterialType.ofItemType(r.itemTypeId()));
    }
}

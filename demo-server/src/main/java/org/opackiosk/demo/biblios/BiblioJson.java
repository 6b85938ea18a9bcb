package org.opackiosk.demo.biblios;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opackiosk.demo.http.Json;

/**
 * A record as Koha's {@code Koha::Biblio->to_api} shows it: the biblio and biblioitem columns under
 * their API names. Koha has no field for readings, NDC or subjects beyond these; they travel in the
 * MARC formats (see {@link MarcMapping}). NDC is Koha's classification {@code cn_class} with
 * {@code cn_source} "ndc".
 */
public final class BiblioJson {

    private BiblioJson() {
    }

    public static Map<String, Object> of(Biblio biblio, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("biblio_id", biblio.biblioId());
        json.put("framework_id", "");
        json.put("author", biblio.author());
        json.put("title", biblio.title());
        json.put("medium", null);
        json.put("subtitle", biblio.subtitle());
        json.put("part_number", biblio.partNumber());
        json.put("part_name", biblio.partName());
        json.put("uniform_title", null);
        json.put("notes", biblio.notes());
        json.put("serial", biblio.serial());
        json.put("series_title", biblio.seriesTitle());
        json.put("copyright_date", biblio.copyrightDate());
        json.put("timestamp", Json.dateTime(biblio.updatedAt(), zone));
        json.put("creation_date", Json.date(biblio.creationDate()));
        json.put("abstract", biblio.abstractText());
        json.put("opac_suppressed", false);
        json.put("volume", biblio.seriesVolume());
        json.put("number", null);
        json.put("item_type", biblio.itemType());
        json.put("isbn", biblio.isbn());
        json.put("issn", biblio.issn());
        json.put("ean", null);
        json.put("publication_year", biblio.publicationYear());
        json.put("publisher", biblio.publisher());
        json.put("volume_date", null);
        json.put("volume_description", null);
        json.put("collection_title", null);
        json.put("collection_issn", null);
        json.put("collection_volume", null);
        json.put("edition_statement", biblio.editionStatement());
        json.put("illustrations", null);
        json.put("pages", biblio.pages());
        json.put("material_size", biblio.materialSize());
        json.put("publication_place", biblio.publicationPlace());
        json.put("lc_control_number", biblio.lcControlNumber());
        json.put("url", biblio.url());
        json.put("cn_source", biblio.ndc() == null ? null : "ndc");
        json.put("cn_class", biblio.ndc());
        json.put("cn_item", null);
        json.put("cn_suffix", null);
        json.put("cn_sort", null);
        json.put("age_restriction", null);
        json.put("serial_total_issues", null);
        return json;
    }
}

package org.opackiosk.demo.biblios;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code biblios}: Koha's biblio and biblioitem in one, plus readings (ヨミ), NDC, subjects,
 * the demo's material type and flags, and where the record came from.
 *
 * @param biblioId       {@code null} before insertion when the database should choose it
 * @param materialType   a {@code MaterialType} name of the demo catalogue ({@code BOOK} for imports
 *                       whose item type is unknown)
 * @param publicationYear text, as Koha's {@code biblioitems.publicationyear}
 * @param marcxml        the record as imported from MARC, served back (with this server's 999) instead
 *                       of a record built from the columns; {@code null} otherwise
 */
public record Biblio(Integer biblioId, String materialType, String itemType, String language, String title,
                     String titleReading, String subtitle, String partNumber, String partName, String seriesTitle,
                     String seriesVolume, String author, String authorReading, String publisher,
                     String publicationPlace, String publicationYear, Integer copyrightDate,
                     String editionStatement, String isbn, String issn, String ndc, List<String> subjects,
                     String notes, String abstractText, String pages, String materialSize,
                     String lcControlNumber, String url, boolean serial, boolean newestIssue,
                     boolean referenceOnly, boolean notForLoan, String source, String sourceId, String marcxml,
                     LocalDate creationDate, Instant updatedAt) {

    public Biblio {
        Objects.requireNonNull(materialType, "materialType");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(updatedAt, "updatedAt");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy with another id. */
    public Biblio withId(int id) {
        return toBuilder().biblioId(id).build();
    }

    public Builder toBuilder() {
        return new Builder().biblioId(biblioId).materialType(materialType).itemType(itemType).language(language)
                .title(title).titleReading(titleReading).subtitle(subtitle).partNumber(partNumber).partName(partName)
                .seriesTitle(seriesTitle).seriesVolume(seriesVolume).author(author).authorReading(authorReading)
                .publisher(publisher).publicationPlace(publicationPlace).publicationYear(publicationYear)
                .copyrightDate(copyrightDate).editionStatement(editionStatement).isbn(isbn).issn(issn).ndc(ndc)
                .subjects(subjects).notes(notes).abstractText(abstractText).pages(pages).materialSize(materialSize)
                .lcControlNumber(lcControlNumber).url(url).serial(serial).newestIssue(newestIssue)
                .referenceOnly(referenceOnly).notForLoan(notForLoan).source(source).sourceId(sourceId)
                .marcxml(marcxml).creationDate(creationDate).updatedAt(updatedAt);
    }

    /** Builds a {@link Biblio} field by field (importers fill what their source has). */
    public static final class Builder {
        private Integer biblioId;
        private String materialType = "BOOK";
        private String itemType;
        private String language;
        private String title;
        private String titleReading;
        private String subtitle;
        private String partNumber;
        private String partName;
        private String seriesTitle;
        private String seriesVolume;
        private String author;
        private String authorReading;
        private String publisher;
        private String publicationPlace;
        private String publicationYear;
        private Integer copyrightDate;
        private String editionStatement;
        private String isbn;
        private String issn;
        private String ndc;
        private List<String> subjects = List.of();
        private String notes;
        private String abstractText;
        private String pages;
        private String materialSize;
        private String lcControlNumber;
        private String url;
        private boolean serial;
        private boolean newestIssue;
        private boolean referenceOnly;
        private boolean notForLoan;
        private String source;
        private String sourceId;
        private String marcxml;
        private LocalDate creationDate;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder biblioId(Integer v) { biblioId = v; return this; }
        public Builder materialType(String v) { materialType = v; return this; }
        public Builder itemType(String v) { itemType = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder titleReading(String v) { titleReading = v; return this; }
        public Builder subtitle(String v) { subtitle = v; return this; }
        public Builder partNumber(String v) { partNumber = v; return this; }
        public Builder partName(String v) { partName = v; return this; }
        public Builder seriesTitle(String v) { seriesTitle = v; return this; }
        public Builder seriesVolume(String v) { seriesVolume = v; return this; }
        public Builder author(String v) { author = v; return this; }
        public Builder authorReading(String v) { authorReading = v; return this; }
        public Builder publisher(String v) { publisher = v; return this; }
        public Builder publicationPlace(String v) { publicationPlace = v; return this; }
        public Builder publicationYear(String v) { publicationYear = v; return this; }
        public Builder copyrightDate(Integer v) { copyrightDate = v; return this; }
        public Builder editionStatement(String v) { editionStatement = v; return this; }
        public Builder isbn(String v) { isbn = v; return this; }
        public Builder issn(String v) { issn = v; return this; }
        public Builder ndc(String v) { ndc = v; return this; }
        public Builder subjects(List<String> v) { subjects = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder abstractText(String v) { abstractText = v; return this; }
        public Builder pages(String v) { pages = v; return this; }
        public Builder materialSize(String v) { materialSize = v; return this; }
        public Builder lcControlNumber(String v) { lcControlNumber = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder serial(boolean v) { serial = v; return this; }
        public Builder newestIssue(boolean v) { newestIssue = v; return this; }
        public Builder referenceOnly(boolean v) { referenceOnly = v; return this; }
        public Builder notForLoan(boolean v) { notForLoan = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder sourceId(String v) { sourceId = v; return this; }
        public Builder marcxml(String v) { marcxml = v; return this; }
        public Builder creationDate(LocalDate v) { creationDate = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        public String title() {
            return title;
        }

        public String sourceId() {
            return sourceId;
        }

        public Biblio build() {
            return new Biblio(biblioId, materialType, itemType, language, title, titleReading, subtitle, partNumber,
                    partName, seriesTitle, seriesVolume, author, authorReading, publisher, publicationPlace,
                    publicationYear, copyrightDate, editionStatement, isbn, issn, ndc, subjects, notes, abstractText,
                    pages, materialSize, lcControlNumber, url, serial, newestIssue, referenceOnly, notForLoan, source,
                    sourceId, marcxml, creationDate, updatedAt);
        }
    }
}

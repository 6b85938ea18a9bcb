package org.opackiosk.demo.catalogue;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One bibliographic record of the demo catalogue (a row of records.tsv).
 *
 * <p>Empty cells are empty strings, never {@code null}. {@code titleReading} and {@code authorReading} are
 * full-width katakana (words separated by a space, family and given name by a comma, several authors by
 * {@code " ; "}); English records may leave them empty. {@code isbn} is 13 digits or empty.
 */
public record DemoRecord(
        int number,
        MaterialType type,
        String language,
        String title,
        String titleReading,
        String subtitle,
        String series,
        String volume,
        String author,
        String authorReading,
        String publisher,
        int year,
        String isbn,
        String ndc,
        List<String> subjects,
        Set<RecordFlag> flags) {

    public DemoRecord {
        Objects.requireNonNull(type, "type");
        language = Objects.requireNonNull(language, "language");
        title = Objects.requireNonNull(title, "title");
        titleReading = Objects.requireNonNull(titleReading, "titleReading");
        subtitle = Objects.requireNonNull(subtitle, "subtitle");
        series = Objects.requireNonNull(series, "series");
        volume = Objects.requireNonNull(volume, "volume");
        author = Objects.requireNonNull(author, "author");
        authorReading = Objects.requireNonNull(authorReading, "authorReading");
        publisher = Objects.requireNonNull(publisher, "publisher");
        isbn = Objects.requireNonNull(isbn, "isbn");
        ndc = Objects.requireNonNull(ndc, "ndc");
        subjects = List.copyOf(subjects);
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** Whether a patron may place a hold on this record: not a newest issue, not reference, not "not for loan". */
    public boolean holdable() {
        return !flags.contains(RecordFlag.NEWEST_ISSUE)
                && !flags.contains(RecordFlag.REFERENCE)
                && !flags.contains(RecordFlag.NOT_FOR_LOAN);
    }
}

package org.opackiosk.core.catalogue;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the patron asked for: free text typed into the one box, or the advanced form's fields, with
 * filters, sort order and the page wanted. Text is always searched as text, never parsed as query
 * syntax. Immutable.
 *
 * @param text     the one search box; blank means "no free text"
 * @param advanced the advanced form's fields; {@link Advanced#NONE} when not used
 * @param filters  material types and branches to keep; empty sets keep everything
 * @param offset   hits to skip (paging), from 0
 * @param limit    hits wanted on this page
 */
public record SearchQuery(String text, Advanced advanced, Filters filters, Sort sort, int offset, int limit) {

    /** The longest input the index reads; longer input is cut (a patron never types more, a scanner might). */
    public static final int MAX_INPUT_LENGTH = 200;

    public SearchQuery {
        text = text == null ? "" : text;
        Objects.requireNonNull(advanced, "advanced");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** Free text, relevance order, first {@code limit} hits, no filters. */
    public static SearchQuery text(String text, int limit) {
        return new SearchQuery(text, Advanced.NONE, Filters.NONE, Sort.RELEVANCE, 0, limit);
    }

    public SearchQuery withPage(int newOffset, int newLimit) {
        return new SearchQuery(text, advanced, filters, sort, newOffset, newLimit);
    }

    public SearchQuery withSort(Sort newSort) {
        return new SearchQuery(text, advanced, filters, newSort, offset, limit);
    }

    public SearchQuery withFilters(Filters newFilters) {
        return new SearchQuery(text, advanced, newFilters, sort, offset, limit);
    }

    /** Whether there is anything to search for (filters alone do not make a search). */
    public boolean isBlank() {
        return text.isBlank() && advanced.isBlank();
    }

    /** The hit order. Every order puts newer records first among equals. */
    public enum Sort {
        /** Exact title matches, then titles that start with the query, then matches in the title, then the rest; newest first within each. */
        RELEVANCE,
        NEWEST,
        OLDEST,
        /** By the title's reading (五十音順). */
        TITLE,
        /** By the first author's reading. */
        AUTHOR
    }

    /**
     * The advanced search form. Every non-blank field must match; the years are inclusive.
     */
    public record Advanced(String title, String author, String publisher, String isbn, String subject, String ndc,
                           OptionalInt yearFrom, OptionalInt yearTo) {

        public static final Advanced NONE = new Advanced("", "", "", "", "", "", OptionalInt.empty(), OptionalInt.empty());

        public Advanced {
            title = title == null ? "" : title;
            author = author == null ? "" : author;
            publisher = publisher == null ? "" : publisher;
            isbn = isbn == null ? "" : isbn;
            subject = subject == null ? "" : subject;
            ndc = ndc == null ? "" : ndc;
            Objects.requireNonNull(yearFrom, "yearFrom");
            Objects.requireNonNull(yearTo, "yearTo");
        }

        public boolean isBlank() {
            return title.isBlank() && author.isBlank() && publisher.isBlank() && isbn.isBlank() && subject.isBlank()
                    && ndc.isBlank() && yearFrom.isEmpty() && yearTo.isEmpty();
        }
    }

    /** Facet filters: item type codes and branch ids to keep (any of each set). */
    public record Filters(Set<String> itemTypes, Set<String> branches) {

        public static final Filters NONE = new Filters(Set.of(), Set.of());

        public Filters {
            itemTypes = Set.copyOf(itemTypes);
            branches = Set.copyOf(branches);
        }
    }
}

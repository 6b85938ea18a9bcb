package org.opackiosk.store.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.opackiosk.core.catalogue.Isbn;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.store.catalogue.analysis.CatalogueAnalyzers;
import org.opackiosk.store.catalogue.analysis.Kana;
import org.opackiosk.store.catalogue.analysis.TextNormalizer;

import static org.opackiosk.store.catalogue.CatalogueDocuments.*;

/**
 * Turns what the patron typed into Lucene queries, never by parsing query syntax: the input is
 * normalized, cut into words at spaces, and each word must match somewhere — in the title (Kuromoji
 * words, CJK bigrams, or the reading when the word is kana), an author, the publisher, a subject, an
 * ISBN in either form, or an NDC class. A word that makes no term at all (a lone {@code *} or {@code :})
 * is left out. Hits are ranked in tiers — exact title, title prefix, every word in the title, the rest —
 * by constant scores, so the sort can put newer records first within a tier. Thread-safe.
 */
final class CatalogueQueries {

    /** Words beyond this many are ignored: nobody types more, and each word is a clause. */
    static final int MAX_WORDS = 12;
    private static final Pattern NDC_CLASS = Pattern.compile("[0-9]{3}(\\.[0-9]*)?");

    private final CatalogueAnalyzers analyzers;

    CatalogueQueries(CatalogueAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The patron's text, capped and normalized. */
    static String normalizedInput(String text) {
        String capped = text.length() > SearchQuery.MAX_INPUT_LENGTH ? text.substring(0, SearchQuery.MAX_INPUT_LENGTH) : text;
        return TextNormalizer.normalize(capped);
    }

    static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        for (String w : normalized.split(" ")) {
            if (!w.isEmpty() && words.size() < MAX_WORDS) {
                words.add(w);
            }
        }
        return words;
    }

    /** The matching query (text and advanced fields, no facet filters, no ranking); empty when nothing is searchable. */
    Optional<Query> match(SearchQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words(normalizedInput(query.text()))) {
            Optional<Query> clause = anywhere(word);
            if (clause.isPresent()) {
                all.add(clause.get(), BooleanClause.Occur.MUST);
                clauses++;
            }
        }
        SearchQuery.Advanced a = query.advanced();
        clauses += fieldWords(all, a.title(), this::inTitle);
        clauses += fieldWords(all, a.author(), this::inAuthor);
        clauses += fieldWords(all, a.publisher(), w -> grams(PUBLISHER_GRAMS, w));
        clauses += fieldWords(all, a.subject(), w -> grams(SUBJECT_GRAMS, w));
        if (!a.isbn().isBlank()) {
            all.add(isbn(a.isbn()).orElse(new MatchNoDocsQuery("not an ISBN")), BooleanClause.Occur.MUST);
            clauses++;
        }
        if (!a.ndc().isBlank()) {
            String ndc = normalizedInput(a.ndc()).replace(" ", "");
            all.add(ndc.isEmpty() ? new MatchNoDocsQuery() : new PrefixQuery(new Term(NDC, ndc)), BooleanClause.Occur.MUST);
            clauses++;
        }
        if (a.yearFrom().isPresent() || a.yearTo().isPresent()) {
            all.add(IntPoint.newRangeQuery(YEAR, a.yearFrom().orElse(Integer.MIN_VALUE), a.yearTo().orElse(Integer.MAX_VALUE)),
                    BooleanClause.Occur.MUST);
            clauses++;
        }
        return clauses == 0 ? Optional.empty() : Optional.of(all.build());
    }

    /** {@code match} with the relevance tiers as constant scores: 1 + (3 exact title, 2 title prefix, 1 all in title). */
    Query ranked(Query match, SearchQuery query) {
        String text = query.text().isBlank() ? query.advanced().title() : query.text();
        String normalized = normalizedInput(text);
        String key = normalized.replace(" ", "");
        List<Query> tiers = new ArrayList<>();
        if (!key.isEmpty()) {
            boolean kana = Kana.isKanaOnly(normalized);
            String folded = kana ? Kana.fold(key) : "";
            BooleanQuery.Builder exact = new BooleanQuery.Builder();
            exact.add(new TermQuery(new Term(TITLE_KEY, key)), BooleanClause.Occur.SHOULD);
            if (!folded.isEmpty()) {
                exact.add(new TermQuery(new Term(READING_KEY, folded)), BooleanClause.Occur.SHOULD);
            }
            tiers.add(tier(exact.build(), 3));
            BooleanQuery.Builder prefix = new BooleanQuery.Builder();
            prefix.add(prefix(TITLE_EDGE, TITLE_KEY, key), BooleanClause.Occur.SHOULD);
            if (!folded.isEmpty()) {
                prefix.add(prefix(READING_EDGE, READING_KEY, folded), BooleanClause.Occur.SHOULD);
            }
            tiers.add(tier(prefix.build(), 2));
            BooleanQuery.Builder inTitle = new BooleanQuery.Builder();
            int n = fieldWords(inTitle, normalized, this::inTitle);
            if (n > 0) {
                tiers.add(tier(inTitle.build(), 1));
            }
        }
        BooleanQuery.Builder ranked = new BooleanQuery.Builder();
        ranked.add(new ConstantScoreQuery(match), BooleanClause.Occur.MUST);
        if (!tiers.isEmpty()) {
            ranked.add(new DisjunctionMaxQuery(tiers, 0f), BooleanClause.Occur.SHOULD);
        }
        return ranked.build();
    }

    static Sort sort(SearchQuery.Sort sort) {
        SortField newest = new SortField(YEAR, SortField.Type.INT, true);
        newest.setMissingValue(Integer.MIN_VALUE);
        SortField oldest = new SortField(YEAR, SortField.Type.INT, false);
        oldest.setMissingValue(Integer.MAX_VALUE);
        SortField title = new SortField(SORT_TITLE, SortField.Type.STRING);
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newest, title);
            case NEWEST -> new Sort(newest, title);
            case OLDEST -> new Sort(oldest, title);
            case TITLE -> new Sort(title, newest);
            case AUTHOR -> new Sort(new SortField(SORT_AUTHOR, SortField.Type.STRING), title, newest);
        };
    }

    /** Where a prefix of {@code key} is looked up: the edge field while short, a prefix query on the key beyond. */
    static Query prefix(String edgeField, String keyField, String key) {
        return key.codePointCount(0, key.length()) <= EDGE
                ? new TermQuery(new Term(edgeField, key))
                : new PrefixQuery(new Term(keyField, key));
    }

    private static Query tier(Query query, float boost) {
        return new BoostQuery(new ConstantScoreQuery(query), boost);
    }

    private interface WordClause {
        Optional<Query> of(String word);
    }

    private static int fieldWords(BooleanQuery.Builder all, String text, WordClause clause) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int n = 0;
        for (String word : words(normalizedInput(text))) {
            Optional<Query> q = clause.of(word);
            if (q.isPresent()) {
                all.add(q.get(), BooleanClause.Occur.MUST);
                n++;
            }
        }
        return n;
    }

    private Optional<Query> anywhere(String word) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int n = 0;
        n += add(any, inTitle(word));
        n += add(any, inAuthor(word));
        n += add(any, grams(PUBLISHER_GRAMS, word));
        n += add(any, grams(SUBJECT_GRAMS, word));
        n += add(any, isbn(word));
        if (NDC_CLASS.matcher(word).matches()) {
            n += add(any, Optional.of(new PrefixQuery(new Term(NDC, word))));
        }
        return n == 0 ? Optional.empty() : Optional.of(any.build());
    }

    private Optional<Query> inTitle(String word) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int n = add(any, kuromojiWords(word)) + add(any, grams(TITLE_GRAMS, word)) + add(any, reading(TITLE_READING, word))
                + add(any, oneKanaReading(word));
        return n == 0 ? Optional.empty() : Optional.of(any.build());
    }

    private Optional<Query> inAuthor(String word) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int n = add(any, grams(AUTHOR_GRAMS, word)) + add(any, reading(AUTHOR_READING, word));
        return n == 0 ? Optional.empty() : Optional.of(any.build());
    }

    private static int add(BooleanQuery.Builder any, Optional<Query> clause) {
        clause.ifPresent(q -> any.add(q, BooleanClause.Occur.SHOULD));
        return clause.isPresent() ? 1 : 0;
    }

    /** Every Kuromoji word of {@code word} in the title's words. */
    private Optional<Query> kuromojiWords(String word) {
        List<CatalogueAnalyzers.Term> terms = CatalogueAnalyzers.terms(analyzers.morphological(), TITLE_WORDS, word);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        if (terms.size() == 1) {
            return Optional.of(new TermQuery(new Term(TITLE_WORDS, terms.getFirst().text())));
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        terms.stream().map(CatalogueAnalyzers.Term::text).distinct()
                .forEach(t -> all.add(new TermQuery(new Term(TITLE_WORDS, t)), BooleanClause.Occur.MUST));
        return Optional.of(all.build());
    }

    /** {@code word} as a phrase of CJK bigrams (and other words) in {@code field}. */
    private Optional<Query> grams(String field, String word) {
        return phrase(field, CatalogueAnalyzers.terms(analyzers.bigramQuery(), field, Kana.toKatakana(word)));
    }

    /** A kana word as a phrase of reading bigrams. */
    private Optional<Query> reading(String field, String word) {
        if (!Kana.isKanaOnly(word)) {
            return Optional.empty();
        }
        String folded = Kana.fold(word);
        if (folded.length() < 2) {
            return Optional.empty();
        }
        return phrase(field, CatalogueAnalyzers.terms(analyzers.readingGrams(), field, folded));
    }

    /**
     * A one-kana word as a whole title reading: a reading bigram needs two kana, and a title read with one
     * (屁 ヘ, 木 キ) is found only by its reading.
     */
    private static Optional<Query> oneKanaReading(String word) {
        if (!Kana.isKanaOnly(word)) {
            return Optional.empty();
        }
        String folded = Kana.fold(word);
        return folded.length() == 1 ? Optional.of(new TermQuery(new Term(READING_KEY, folded))) : Optional.empty();
    }

    private static Optional<Query> phrase(String field, List<CatalogueAnalyzers.Term> terms) {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        if (terms.size() == 1) {
            return Optional.of(new TermQuery(new Term(field, terms.getFirst().text())));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (CatalogueAnalyzers.Term t : terms) {
            phrase.add(new Term(field, t.text()), t.position());
        }
        return Optional.of(phrase.build());
    }

    private static Optional<Query> isbn(String word) {
        List<String> forms = Isbn.forms(word);
        if (forms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        forms.forEach(f -> any.add(new TermQuery(new Term(ISBN, f)), BooleanClause.Occur.SHOULD));
        return Optional.of(any.build());
    }

}

package org.opackiosk.store.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.Isbn;
import org.opackiosk.store.catalogue.analysis.CatalogueAnalyzers;
import org.opackiosk.store.catalogue.analysis.Kana;
import org.opackiosk.store.catalogue.analysis.TextNormalizer;

/**
 * One catalogue record as a Lucene document. Field names are the contract with {@link CatalogueQueries}.
 * Text fields keep no norms (hits are ordered by tiers and year, never by BM25), the Kuromoji field no
 * positions; only the bigram and reading fields keep positions, for phrase matching. Thread-safe.
 */
final class CatalogueDocuments {

    static final String ID = "id";
    static final String ENTRY = "entry";
    /** Kuromoji words of title, subtitle, volume and series (with its volume). */
    static final String TITLE_WORDS = "title_ja";
    /** CJK bigrams (and single characters) of the same. */
    static final String TITLE_GRAMS = "title_bi";
    static final String AUTHOR_GRAMS = "author_bi";
    static final String PUBLISHER_GRAMS = "publisher_bi";
    static final String SUBJECT_GRAMS = "subject_bi";
    /** Folded readings (record's and derived) as kana bigrams. */
    static final String TITLE_READING = "title_yomi";
    static final String AUTHOR_READING = "author_yomi";
    /** The whole normalized title, no spaces: exact-title matches. */
    static final String TITLE_KEY = "title_key";
    static final String READING_KEY = "yomi_key";
    /** Prefixes of the keys (1 to {@link #EDGE} characters): title-prefix matches and suggestions. */
    static final String TITLE_EDGE = "title_edge";
    static final String READING_EDGE = "yomi_edge";
    static final String AUTHOR_EDGE = "author_edge";
    static final String ISBN = "isbn";
    static final String NDC = "ndc";
    static final String YEAR = "year";
    static final String ITEM_TYPE = "type";
    static final String BRANCH = "branch";
    static final String SORT_TITLE = "sort_title";
    static final String SORT_AUTHOR = "sort_author";

    static final int EDGE = 12;

    private static final FieldType WORDS = type(IndexOptions.DOCS);
    private static final FieldType GRAMS = type(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    private static FieldType type(IndexOptions options) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }

    private final CatalogueAnalyzers analyzers;

    CatalogueDocuments(CatalogueAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The key a title is compared by: normalized, without spaces. */
    static String key(String text) {
        return TextNormalizer.normalize(text).replace(" ", "");
    }

    Document document(CatalogueEntry e) {
        Document doc = new Document();
        doc.add(new StringField(ID, e.id(), Field.Store.NO));
        doc.add(new StoredField(ENTRY, EntryCodec.encode(e)));

        List<String> titleTexts = new ArrayList<>();
        // the series with its number (490 $v) as one value, so "岩波少年文庫 7" is a phrase a patron can type
        String series = (e.seriesTitle() + " " + e.seriesVolume()).strip();
        for (String s : List.of(e.title(), e.subtitle(), e.volume(), series)) {
            String n = TextNormalizer.normalize(s);
            if (!n.isEmpty()) {
                titleTexts.add(n);
            }
        }
        for (String t : titleTexts) {
            doc.add(new Field(TITLE_WORDS, t, WORDS));
            doc.add(new Field(TITLE_GRAMS, Kana.toKatakana(t), GRAMS));
        }
        for (String a : e.authors()) {
            String name = Kana.toKatakana(TextNormalizer.normalize(a));
            doc.add(new Field(AUTHOR_GRAMS, name, GRAMS));
            // "芥川, 竜之介" as patrons type it: family and given name run together
            String joined = name.replaceAll("[,、・ ]", "");
            if (!joined.equals(name) && joined.codePoints().anyMatch(Character::isIdeographic)) {
                doc.add(new Field(AUTHOR_GRAMS, joined, GRAMS));
            }
        }
        if (!e.publisher().isEmpty()) {
            doc.add(new Field(PUBLISHER_GRAMS, Kana.toKatakana(TextNormalizer.normalize(e.publisher())), GRAMS));
        }
        for (String s : e.subjects()) {
            doc.add(new Field(SUBJECT_GRAMS, Kana.toKatakana(TextNormalizer.normalize(s)), GRAMS));
        }

        // readings: the record's where it has them, Kuromoji's always (the record's ヨミ spells particles as
        // pronounced, ワ for は, a patron types them as written)
        String titleKey = key(e.title());
        String recordReading = Kana.fold(TextNormalizer.normalize(e.titleReading()));
        String derivedReading = Kana.fold(analyzers.reading(TextNormalizer.normalize(e.title()).replace(" ", "")));
        String readingKey = recordReading.isEmpty() ? derivedReading : recordReading;
        Set<String> titleReadings = new LinkedHashSet<>();
        titleReadings.add(readingKey);
        titleReadings.add(derivedReading);
        if (!e.subtitle().isEmpty()) {
            titleReadings.add(Kana.fold(analyzers.reading(TextNormalizer.normalize(e.subtitle()).replace(" ", ""))));
        }
        titleReadings.remove("");
        for (String r : titleReadings) {
            doc.add(new Field(TITLE_READING, r, GRAMS));
        }
        Set<String> authorReadings = new LinkedHashSet<>();
        for (int i = 0; i < e.authors().size(); i++) {
            String given = i < e.authorReadings().size() ? Kana.fold(TextNormalizer.normalize(e.authorReadings().get(i))) : "";
            String derived = Kana.fold(analyzers.reading(key(e.authors().get(i))));
            authorReadings.add(given.isEmpty() ? derived : given);
            authorReadings.add(derived);
        }
        authorReadings.remove("");
        for (String r : authorReadings) {
            doc.add(new Field(AUTHOR_READING, r, GRAMS));
        }

        if (!titleKey.isEmpty()) {
            doc.add(new StringField(TITLE_KEY, titleKey, Field.Store.NO));
            edges(doc, TITLE_EDGE, titleKey);
        }
        if (!readingKey.isEmpty()) {
            doc.add(new StringField(READING_KEY, readingKey, Field.Store.NO));
            edges(doc, READING_EDGE, readingKey);
        }
        Set<String> authorEdges = new LinkedHashSet<>();
        for (String a : e.authors()) {
            authorEdges.add(key(a));
        }
        authorEdges.addAll(authorReadings);
        authorEdges.remove("");
        Set<String> seen = new LinkedHashSet<>();
        for (String a : authorEdges) {
            for (String prefix : prefixes(a)) {
                if (seen.add(prefix)) {
                    doc.add(new StringField(AUTHOR_EDGE, prefix, Field.Store.NO));
                }
            }
        }

        Set<String> isbns = new LinkedHashSet<>();
        for (String isbn : e.isbns()) {
            isbns.addAll(Isbn.forms(isbn));
        }
        for (String isbn : isbns) {
            doc.add(new StringField(ISBN, isbn, Field.Store.NO));
        }
        if (!e.ndc().isEmpty()) {
            doc.add(new StringField(NDC, TextNormalizer.normalize(e.ndc()), Field.Store.NO));
        }
        if (e.year().isPresent()) {
            doc.add(new IntPoint(YEAR, e.year().getAsInt()));
            doc.add(new NumericDocValuesField(YEAR, e.year().getAsInt()));
        }
        String type = e.itemTypeId().isEmpty() ? "" : e.itemTypeId();
        doc.add(new StringField(ITEM_TYPE, type, Field.Store.NO));
        doc.add(new SortedDocValuesField(ITEM_TYPE, new BytesRef(type)));
        for (String branch : e.branches()) {
            doc.add(new StringField(BRANCH, branch, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(BRANCH, new BytesRef(branch)));
        }
        doc.add(new SortedDocValuesField(SORT_TITLE, new BytesRef(readingKey.isEmpty() ? titleKey : readingKey)));
        String authorSort = e.authors().isEmpty() ? "" : authorReadings.stream().findFirst().orElse(key(e.mainAuthor()));
        doc.add(new SortedDocValuesField(SORT_AUTHOR, new BytesRef(authorSort)));
        return doc;
    }

    private static void edges(Document doc, String field, String key) {
        for (String prefix : prefixes(key)) {
            doc.add(new StringField(field, prefix, Field.Store.NO));
        }
    }

    /** The first 1 to {@link #EDGE} characters of {@code key}, never cutting a surrogate pair. */
    static List<String> prefixes(String key) {
        List<String> prefixes = new ArrayList<>(EDGE);
        int end = 0;
        for (int n = 0; n < EDGE && end < key.length(); n++) {
            end += Character.charCount(key.codePointAt(end));
            prefixes.add(key.substring(0, end));
        }
        return prefixes;
    }
}

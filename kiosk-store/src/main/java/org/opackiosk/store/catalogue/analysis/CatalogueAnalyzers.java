package org.opackiosk.store.catalogue.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analyzers of the catalogue index. Every input has been through {@link TextNormalizer} first (and,
 * for the bigram and reading analyzers, through {@link Kana#toKatakana} or {@link Kana#fold}), so the
 * analyzers only cut text into terms:
 * <ul>
 *   <li>{@link #morphological()}: Kuromoji (search mode: compounds and their parts), base forms,
 *       particles and auxiliaries dropped — words as a dictionary knows them;</li>
 *   <li>{@link #bigramIndex()} / {@link #bigramQuery()}: CJK characters as overlapping bigrams (with single
 *       characters too, at index time), other scripts as words — finds any substring, whatever the
 *       dictionary thinks of it;</li>
 *   <li>{@link #readingGrams()}: folded readings as kana bigrams.</li>
 * </ul>
 * Values of a multi-valued field are 100 positions apart, so no phrase spans two values. Thread-safe
 * (Lucene analyzers keep one token stream per thread).
 */
public final class CatalogueAnalyzers implements AutoCloseable {

    private static final int GAP = 100;

    private final Analyzer morphological = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
            TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
            stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
            stream = new JapaneseKatakanaStemFilter(stream);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        public int getPositionIncrementGap(String field) {
            return GAP;
        }
    };

    private final Analyzer bigramIndex = bigrams(true);
    private final Analyzer bigramQuery = bigrams(false);

    private final Analyzer readingGrams = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            return new TokenStreamComponents(new KanaGramTokenizer());
        }

        @Override
        public int getPositionIncrementGap(String field) {
            return GAP;
        }
    };

    /** Kuromoji with nothing dropped, for readings. */
    private final Analyzer readingSource = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            return new TokenStreamComponents(new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));
        }
    };

    private static Analyzer bigrams(boolean unigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            public int getPositionIncrementGap(String field) {
                return GAP;
            }
        };
    }

    public Analyzer morphological() {
        return morphological;
    }

    public Analyzer bigramIndex() {
        return bigramIndex;
    }

    public Analyzer bigramQuery() {
        return bigramQuery;
    }

    public Analyzer readingGrams() {
        return readingGrams;
    }

    /**
     * A reading for normalized text as Kuromoji reads it, in katakana: words the dictionary knows by their
     * reading, kana as written, anything else (Latin, digits, unknown kanji) as written.
     */
    public String reading(String normalized) {
        if (normalized.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(normalized.length() * 2);
        try (TokenStream stream = readingSource.tokenStream("reading", normalized)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            ReadingAttribute reading = stream.addAttribute(ReadingAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String r = reading.getReading();
                out.append(r != null ? r : Kana.toKatakana(term.toString()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The terms and their positions (0-based, gaps kept) {@code analyzer} makes of {@code text}. */
    public static List<Term> terms(Analyzer analyzer, String field, String text) {
        List<Term> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(new Term(term.toString(), Math.max(position, 0)));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** A term and its position in the analyzed text. */
    public record Term(String text, int position) {
    }

    @Override
    public void close() {
        morphological.close();
        bigramIndex.close();
        bigramQuery.close();
        readingGrams.close();
        readingSource.close();
    }
}

package org.opackiosk.store.catalogue.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Cuts a folded reading key (see {@link Kana#fold}) into overlapping two-character grams, one position
 * each, so a phrase of grams finds the reading anywhere inside a longer one: ナツメソウセキ →
 * ナツ ツメ メソ ソウ ウセ セキ. A one-character input gives that one character. The input is expected
 * short (a title's or a name's reading) and is read whole. Not thread-safe (one per analyzer thread).
 */
final class KanaGramTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private int next;
    private boolean single;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (text.length() == 1 && !single) {
            single = true;
            term.append(text);
            offset.setOffset(correctOffset(0), correctOffset(1));
            return true;
        }
        if (text.length() < 2 || next + 2 > text.length()) {
            return false;
        }
        term.append(text, next, next + 2);
        offset.setOffset(correctOffset(next), correctOffset(next + 2));
        position.setPositionIncrement(1);
        next++;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text.setLength(0);
        char[] buffer = new char[256];
        int n;
        while ((n = input.read(buffer)) > 0) {
            text.append(buffer, 0, n);
        }
        next = 0;
        single = false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(text.length());
        offset.setOffset(end, end);
    }
}

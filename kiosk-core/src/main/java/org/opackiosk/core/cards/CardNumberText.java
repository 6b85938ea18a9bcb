package org.opackiosk.core.cards;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Cleans what a scanner or a patron typed before a profile looks at it: full-width characters
 * become ASCII (１２３ → 123, ＡＢ → AB), every kind of hyphen, dash and the long-vowel mark are
 * dropped, and so is white space. Pure and thread-safe.
 */
public final class CardNumberText {

    // Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus,
    // katakana long-vowel mark (often typed for a hyphen), small hyphen-minus and the halfwidth long-vowel mark.
    private static final String DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFE63\uFF70";

    private CardNumberText() {
    }

    /** NFKC, upper case, without hyphens, dashes or white space. */
    public static String normalize(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (DASHES.indexOf(c) < 0 && !Character.isWhitespace(c) && !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Without Codabar (NW-7) start and stop characters: many scanners send them, e.g. {@code A01000001B}
     * (also as lower case, normalised before). Only a pair is stripped, so a number that merely begins
     * with A–D keeps it.
     */
    public static String stripCodabarStartStop(String normalized) {
        if (normalized.length() >= 3 && isStartStop(normalized.charAt(0)) && isStartStop(normalized.charAt(normalized.length() - 1))) {
            return normalized.substring(1, normalized.length() - 1);
        }
        return normalized;
    }

    private static boolean isStartStop(char c) {
        return c >= 'A' && c <= 'D';
    }
}

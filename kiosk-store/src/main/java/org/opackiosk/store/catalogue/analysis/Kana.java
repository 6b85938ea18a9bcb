package org.opackiosk.store.catalogue.analysis;

import java.text.Normalizer;

/**
 * Kana as catalogue readings (ヨミ) are compared: hiragana and katakana are one script, voicing marks,
 * small kana and long vowels are folded the way sort readings are written, so ウェストミンスター,
 * うえすとみんすたあ and ウエストミンスタア are one key. Stateless and thread-safe.
 */
public final class Kana {

    private static final String SMALL = "ァィゥェォッャュョヮヵヶ";
    private static final String LARGE = "アイウエオツヤユヨワカケ";
    private static final String A_ROW = "アカサタナハマヤラワ";
    private static final String I_ROW = "イキシチニヒミリヰ";
    private static final String U_ROW = "ウクスツヌフムユル";
    private static final String E_ROW = "エケセテネヘメレヱ";
    private static final String O_ROW = "オコソトノホモヨロヲ";

    private Kana() {
    }

    public static boolean isHiragana(int cp) {
        return cp >= 0x3041 && cp <= 0x3096;
    }

    public static boolean isKatakana(int cp) {
        return (cp >= 0x30A1 && cp <= 0x30FA);
    }

    /**
     * Whether {@code text} (normalized) is a reading as a patron types one: kana and ー, with spaces and
     * punctuation (「」・、 …) around them, but no kanji, Latin letters or digits.
     */
    public static boolean isKanaOnly(String text) {
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHiragana(c) || isKatakana(c)) {
                any = true;
            } else if (c == 'ー' || c == '々' || !Character.isLetterOrDigit(c)) {
                continue;
            } else {
                return false;
            }
        }
        return any;
    }

    /** Hiragana become katakana; everything else is kept. */
    public static String toKatakana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isHiragana(c) ? (char) (c + 0x60) : c);
        }
        return out.toString();
    }

    /**
     * The sort-reading key of {@code reading} (normalized text): katakana, no voicing marks, no small kana,
     * ー spelled as the vowel before it, ヰヱヲ as イエオ, no spaces or punctuation; Latin letters and
     * digits are kept.
     */
    public static String fold(String reading) {
        String katakana = toKatakana(reading);
        String bare = Normalizer.normalize(katakana, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (c == '\u3099' || c == '\u309A') {
                continue;
            }
            int small = SMALL.indexOf(c);
            if (small >= 0) {
                c = LARGE.charAt(small);
            }
            switch (c) {
                case 'ヰ' -> c = 'イ';
                case 'ヱ' -> c = 'エ';
                case 'ヲ' -> c = 'オ';
                case 'ヴ' -> c = 'ウ';
                default -> {
                    // kept
                }
            }
            if (c == 'ー') {
                if (!out.isEmpty()) {
                    char vowel = vowelOf(out.charAt(out.length() - 1));
                    if (vowel != 0) {
                        out.append(vowel);
                    }
                }
                continue;
            }
            if (isKatakana(c) || Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static int unvoiced(int cp) {
        String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        return s.codePointAt(0);
    }

    static int voiced(int cp) {
        String s = Normalizer.normalize(new String(Character.toChars(cp)) + "\u3099", Normalizer.Form.NFC);
        return s.codePointCount(0, s.length()) == 1 ? s.codePointAt(0) : cp;
    }

    private static char vowelOf(char c) {
        if (A_ROW.indexOf(c) >= 0) {
            return 'ア';
        }
        if (I_ROW.indexOf(c) >= 0) {
            return 'イ';
        }
        if (U_ROW.indexOf(c) >= 0) {
            return 'ウ';
        }
        if (E_ROW.indexOf(c) >= 0) {
            return 'エ';
        }
        if (O_ROW.indexOf(c) >= 0) {
            return 'オ';
        }
        return 0;
    }
}

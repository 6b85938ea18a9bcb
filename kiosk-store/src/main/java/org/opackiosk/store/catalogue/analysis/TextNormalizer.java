package org.opackiosk.store.catalogue.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What every piece of text goes through before it is indexed or searched, so that the patron's input
 * and the catalogue meet in one form:
 * <ol>
 *   <li>separate voicing marks (゛゜ﾞﾟ) join the kana before them (か + ゛ → が);</li>
 *   <li>NFKC: full-width Latin and digits become ASCII, half-width katakana full-width, compatibility
 *       ideographs (神, 都 …) their unified form;</li>
 *   <li>old kanji forms become new ones (國 → 国, 學 → 学, 澤 → 沢 …, the table in {@code kanji-old-new.txt});</li>
 *   <li>iteration marks are spelled out: 々 repeats the kanji before it, ゝゞヽヾ the kana (ゞヾ voiced);</li>
 *   <li>lower case; runs of white space become one space; stray combining marks and control characters go.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class TextNormalizer {

    private static final String TABLE = "kanji-old-new.txt";
    private static final Map<Integer, Integer> NEW_FORMS = loadTable();

    private TextNormalizer() {
    }

    /** The normal form of {@code text}; {@code null} is an empty string. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String joined = text.replace('゛', '\u3099').replace('゜', '\u309A')
                .replace('ﾞ', '\u3099').replace('ﾟ', '\u309A');
        String nfkc = Normalizer.normalize(joined, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (cp == 0x3099 || cp == 0x309A || Character.getType(cp) == Character.CONTROL
                    || Character.getType(cp) == Character.FORMAT) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            cp = NEW_FORMS.getOrDefault(cp, cp);
            cp = iterationMark(cp, out);
            out.appendCodePoint(Character.toLowerCase(cp));
        }
        return out.toString();
    }

    /** The new form of one old-form kanji, or the kanji itself. */
    public static int newForm(int codePoint) {
        return NEW_FORMS.getOrDefault(codePoint, codePoint);
    }

    private static int iterationMark(int cp, StringBuilder before) {
        if (before.isEmpty()) {
            return cp;
        }
        int previous = before.codePointBefore(before.length());
        return switch (cp) {
            case '々' -> Character.isIdeographic(previous) ? previous : cp;
            case 'ゝ' -> Kana.isHiragana(previous) ? Kana.unvoiced(previous) : cp;
            case 'ゞ' -> Kana.isHiragana(previous) ? Kana.voiced(Kana.unvoiced(previous)) : cp;
            case 'ヽ' -> Kana.isKatakana(previous) ? Kana.unvoiced(previous) : cp;
            case 'ヾ' -> Kana.isKatakana(previous) ? Kana.voiced(Kana.unvoiced(previous)) : cp;
            default -> cp;
        };
    }

    private static Map<Integer, Integer> loadTable() {
        Map<Integer, Integer> table = new HashMap<>();
        try (InputStream in = Objects.requireNonNull(TextNormalizer.class.getResourceAsStream(TABLE), TABLE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] pair = line.split("\\s+");
                if (pair.length != 2 || pair[0].codePointCount(0, pair[0].length()) != 1
                        || pair[1].codePointCount(0, pair[1].length()) != 1) {
                    throw new IllegalStateException(TABLE + ": not a pair of single kanji: " + line);
                }
                table.put(pair[0].codePointAt(0), pair[1].codePointAt(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        return Map.copyOf(table);
    }

    /** For log lines and tests: the lower-case of {@code s} in the root locale. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

package org.opackiosk.app.keyboard;

import java.text.Normalizer;

/**
 * How the 50音 keyboard's modifier keys change what was typed, the way OPAC terminals do it without an IME:
 * 濁点 voices the last kana (か → が, う → ゔ), 半濁点 makes は-row kana p-sounds (は → ぱ), 小 turns the last
 * kana small (つ → っ, や → ゃ) and back. A modifier that cannot apply changes nothing. Stateless.
 */
public final class KanaInput {

    public static final String DAKUTEN = "゛";
    public static final String HANDAKUTEN = "゜";
    public static final String SMALL = "小";

    private static final String LARGE = "あいうえおつやゆよわかけアイウエオツヤユヨワカケ";
    private static final String SMALLS = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ";

    private KanaInput() {
    }

    /** {@code text} after the key {@code key}: modifiers change the last character, other keys are appended. */
    public static String apply(String text, String key) {
        if (!key.equals(DAKUTEN) && !key.equals(HANDAKUTEN) && !key.equals(SMALL)) {
            return text + key;
        }
        if (text.isEmpty()) {
            return text;
        }
        char last = text.charAt(text.length() - 1);
        String head = text.substring(0, text.length() - 1);
        return head + switch (key) {
            case DAKUTEN -> mark(last, '\u3099');
            case HANDAKUTEN -> mark(last, '\u309A');
            default -> small(last);
        };
    }

    private static String mark(char c, char combining) {
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).substring(0, 1);
        String composed = Normalizer.normalize(base + combining, Normalizer.Form.NFC);
        if (composed.length() == 1) {
            // a second press takes the mark off again: が + ゛ → か
            return composed.equals(String.valueOf(c)) ? base : composed;
        }
        return String.valueOf(c);
    }

    private static String small(char c) {
        int large = LARGE.indexOf(c);
        if (large >= 0) {
            return String.valueOf(SMALLS.charAt(large));
        }
        int small = SMALLS.indexOf(c);
        return small >= 0 ? String.valueOf(LARGE.charAt(small)) : String.valueOf(c);
    }
}

package org.opackiosk.app.keyboard;

import java.util.List;

/**
 * The layouts of the one on-screen keyboard ({@link OnScreenKeyboard}): search, passwords and e-mail pick the ones
 * they need. No IME is assumed: each key types exactly its letters.
 * Rows are read left to right; a blank key ({@code ""}) keeps a cell empty so the 50音 table stays a table.
 */
public enum KeyboardLayout {
    /**
     * 50音: the kana table Japanese OPAC terminals show, columns あ か さ … わ read right to left in rows, with
     * 濁点・半濁点・小 (applied to the last kana by {@link KanaInput}), ー and the punctuation of titles.
     */
    KANA("keyboard.layout.kana", List.of(
            List.of("わ", "ら", "や", "ま", "は", "な", "た", "さ", "か", "あ"),
            List.of("を", "り", "", "み", "ひ", "に", "ち", "し", "き", "い"),
            List.of("ん", "る", "ゆ", "む", "ふ", "ぬ", "つ", "す", "く", "う"),
            List.of("ー", "れ", "", "め", "へ", "ね", "て", "せ", "け", "え"),
            List.of("", "ろ", "よ", "も", "ほ", "の", "と", "そ", "こ", "お"),
            List.of(KanaInput.DAKUTEN, KanaInput.HANDAKUTEN, KanaInput.SMALL, "、", "・"))),
    /** ABC: QWERTY letters; the shift key switches case. */
    ABC("keyboard.layout.abc", List.of(
            List.of("q", "w", "e", "r", "t", "y", "u", "i", "o", "p"),
            List.of("a", "s", "d", "f", "g", "h", "j", "k", "l"),
            List.of("z", "x", "c", "v", "b", "n", "m"))),
    /** @ and the other characters of e-mail addresses, with the most common Japanese domains as single keys. */
    SYMBOLS("keyboard.layout.symbols", List.of(
            List.of("@", ".", "-", "_", "+"),
            List.of("docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp"),
            List.of("gmail.com", "yahoo.co.jp", "icloud.com", ".jp", ".com"))),
    /** 123: digits, for passwords and telephone numbers. */
    DIGITS("keyboard.layout.digits", List.of(
            List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"))),
    /** 123 of the search: digits as a telephone pad with the hyphen and X of ISBNs, for ISBNs, years and NDC. */
    NUMBERS("keyboard.layout.digits", List.of(
            List.of("1", "2", "3"),
            List.of("4", "5", "6"),
            List.of("7", "8", "9"),
            List.of("-", "0", "X")));

    private final String messageKey;
    private final List<List<String>> rows;

    KeyboardLayout(String messageKey, List<List<String>> rows) {
        this.messageKey = messageKey;
        this.rows = rows;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** Whether the shift key means anything on this layout. */
    public boolean hasCase() {
        return this == ABC;
    }
}

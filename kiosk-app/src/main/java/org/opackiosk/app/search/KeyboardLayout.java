package org.opackiosk.app.search;

import java.util.List;

/**
 * The search screen's on-screen keyboards. No IME is assumed: each key types exactly its characters.
 * An empty string keeps a cell empty so the 50音 table stays a table.
 */
public enum KeyboardLayout {
    /** 50音: columns あ か さ … わ read right to left, as Japanese OPAC terminals show them, with 濁点・半濁点・小・ー. */
    KANA("search.keyboard.kana", List.of(
            List.of("わ", "ら", "や", "ま", "は", "な", "た", "さ", "か", "あ"),
            List.of("を", "り", "", "み", "ひ", "に", "ち", "し", "き", "い"),
            List.of("ん", "る", "ゆ", "む", "ふ", "ぬ", "つ", "す", "く", "う"),
            List.of("ー", "れ", "", "め", "へ", "ね", "て", "せ", "け", "え"),
            List.of("", "ろ", "よ", "も", "ほ", "の", "と", "そ", "こ", "お"),
            List.of(KanaInput.DAKUTEN, KanaInput.HANDAKUTEN, KanaInput.SMALL, "、", "・"))),
    /** ABC: QWERTY. */
    ABC("search.keyboard.abc", List.of(
            List.of("Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"),
            List.of("A", "S", "D", "F", "G", "H", "J", "K", "L", "'"),
            List.of("Z", "X", "C", "V", "B", "N", "M", ",", ".", "&"))),
    /** 123: digits, for ISBNs, years and volume numbers. */
    DIGITS("search.keyboard.digits", List.of(
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
}

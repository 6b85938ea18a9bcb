package org.opackiosk.demo.support;

/** Card numbers never appear whole in a log line. */
public final class CardNumbers {

    private static final int VISIBLE = 4;

    private CardNumbers() {
    }

    /** {@code "1234567890"} → {@code "****7890"}; short or empty input is fully masked. */
    public static String mask(String cardNumber) {
        if (cardNumber == null || cardNumber.length() <= VISIBLE) {
            return "****";
        }
        return "****" + cardNumber.substring(cardNumber.length() - VISIBLE);
    }
}

package org.opackiosk.demo.catalogue;

/** ISBN-13 check digit. */
final class Isbn {

    private Isbn() {
    }

    /** Whether {@code digits} is 13 digits whose last is the correct ISBN-13 / EAN-13 check digit. */
    static boolean validIsbn13(String digits) {
        if (digits.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }
}

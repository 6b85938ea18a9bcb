package org.opackiosk.core.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ISBN-10 and ISBN-13 as a patron types or a scanner reads them: hyphens and spaces ignored, both forms
 * of one book treated as the same. Stateless.
 */
public final class Isbn {

    private Isbn() {
    }

    /** Digits (and a final X) without hyphens, spaces or full-width forms; empty when that is not 10 or 13 long. */
    public static Optional<String> compact(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(13);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            } else if (c == 'ｘ' || c == 'Ｘ' || c == 'x') {
                c = 'X';
            }
            if ((c >= '0' && c <= '9') || c == 'X') {
                digits.append(c);
            } else if (c != '-' && c != ' ' && c != '‐' && c != '－' && c != 'ー' && c != '　') {
                return Optional.empty();
            }
            if (digits.length() > 13) {
                return Optional.empty();
            }
        }
        String s = digits.toString();
        int x = s.indexOf('X');
        if (s.length() == 10 && (x < 0 || x == 9)) {
            return Optional.of(s);
        }
        if (s.length() == 13 && x < 0) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /** Whether {@code compact} (10 or 13 characters) has a correct check digit. */
    public static boolean valid(String compact) {
        if (compact.length() == 10) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                char c = compact.charAt(i);
                int v = c == 'X' ? 10 : c - '0';
                sum += v * (10 - i);
            }
            return sum % 11 == 0;
        }
        if (compact.length() == 13) {
            return compact.charAt(12) - '0' == check13(compact.substring(0, 12));
        }
        return false;
    }

    /**
     * Every form of the ISBN in {@code text}: the compact form as given, and the other form (ISBN-13 of an
     * ISBN-10; ISBN-10 of a 978 ISBN-13). Empty when {@code text} is not an ISBN.
     */
    public static List<String> forms(String text) {
        Optional<String> compact = compact(text);
        List<String> forms = new ArrayList<>(2);
        if (compact.isEmpty()) {
            return forms;
        }
        String s = compact.get();
        forms.add(s);
        if (s.length() == 10) {
            String body = "978" + s.substring(0, 9);
            forms.add(body + check13(body));
        } else if (s.startsWith("978")) {
            String body = s.substring(3, 12);
            forms.add(body + check10(body));
        }
        return forms;
    }

    /** Whether a scanned EAN-13 is a book's ISBN (Bookland 978/979), not the price barcode (192…) or another product. */
    public static boolean isBookland(String ean13) {
        return compact(ean13).filter(s -> s.length() == 13 && (s.startsWith("978") || s.startsWith("979")) && valid(s)).isPresent();
    }

    private static int check13(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = twelve.charAt(i) - '0';
            sum += (i % 2 == 0) ? d : 3 * d;
        }
        return (10 - sum % 10) % 10;
    }

    private static char check10(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (twelveDigit(nine.charAt(i))) * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static int twelveDigit(char c) {
        return c - '0';
    }
}

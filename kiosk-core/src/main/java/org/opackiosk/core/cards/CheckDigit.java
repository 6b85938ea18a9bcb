package org.opackiosk.core.cards;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A check-digit algorithm over a number whose <em>last</em> character is the check digit. The
 * algorithms are those Japanese library systems print on NW-7 (Codabar) cards. Weights always
 * run from the rightmost <em>data</em> digit leftwards, repeating when the number is longer than
 * the weights. Immutable and thread-safe.
 */
public sealed interface CheckDigit
        permits CheckDigit.None, CheckDigit.Modulus10, CheckDigit.Modulus11, CheckDigit.SevenDr, CheckDigit.SevenDsr {

    /** The short name used in configuration and logs, e.g. {@code mod11}. */
    String name();

    /** The check character for {@code data} (digits only); never called for {@link None}. */
    char compute(String data);

    /** True when {@code number}'s last character is the right check digit for the rest. */
    default boolean isValid(String number) {
        if (number.length() < 2 || !number.chars().allMatch(c -> c >= '0' && c <= '9' || c == 'X')) {
            return false;
        }
        String data = number.substring(0, number.length() - 1);
        if (!data.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return compute(data) == number.charAt(number.length() - 1);
    }

    /** No check digit: every number passes. */
    None NONE = new None();

    /** Luhn (ISO/IEC 7812): modulus 10, weights 2-1, the digits of each product summed. */
    Modulus10 LUHN = new Modulus10(new int[] {2, 1}, true);

    /** Modulus 10 weight 3-1 (JAN / EAN-13 / ISBN-13). */
    Modulus10 MOD10_WEIGHT3 = new Modulus10(new int[] {3, 1}, false);

    /**
     * Modulus 11, weights 2–9 (ISBN-10 style from the right): check = 11 − (sum mod 11); a remainder of
     * 0 or 1 gives check digit 0, so a number stays all digits (the convention of Japanese numbering
     * schemes such as the Individual Number). The demo's {@code nine-digits-check-digit} profile uses it:
     * {@code 12345678} → {@code 9}.
     */
    Modulus11 MOD11 = new Modulus11(new int[] {2, 3, 4, 5, 6, 7, 8, 9}, '0');

    /** 7DR: the data read as one number, modulo 7 (check digit 0–6). */
    SevenDr SEVEN_DR = new SevenDr();

    /** 7DSR: 7 minus (the data modulo 7) (check digit 1–7). */
    SevenDsr SEVEN_DSR = new SevenDsr();

    record None() implements CheckDigit {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public char compute(String data) {
            throw new UnsupportedOperationException("no check digit");
        }

        @Override
        public boolean isValid(String number) {
            return true;
        }
    }

    /**
     * Modulus 10 with repeating weights from the right: check = (10 − sum mod 10) mod 10.
     *
     * @param weights          e.g. {@code {3, 1}} for JAN, {@code {2, 1}} for Luhn
     * @param sumProductDigits add the digits of each product (Luhn: 7 × 2 = 14 counts 1 + 4)
     */
    record Modulus10(int[] weights, boolean sumProductDigits) implements CheckDigit {
        public Modulus10 {
            weights = validWeights(weights);
        }

        @Override
        public String name() {
            if (sumProductDigits && Arrays.equals(weights, new int[] {2, 1})) {
                return "luhn";
            }
            return "mod10" + (sumProductDigits ? "-digitsum" : "") + weightsSuffix(weights);
        }

        @Override
        public char compute(String data) {
            int sum = 0;
            for (int i = 0; i < data.length(); i++) {
                int digit = data.charAt(data.length() - 1 - i) - '0';
                int product = digit * weights[i % weights.length];
                sum += sumProductDigits ? product / 10 + product % 10 : product;
            }
            return (char) ('0' + (10 - sum % 10) % 10);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Modulus10 m && m.sumProductDigits == sumProductDigits && Arrays.equals(m.weights, weights);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sumProductDigits, Arrays.hashCode(weights));
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /**
     * Modulus 11 with repeating weights from the right: check = 11 − (sum mod 11); 11 becomes 0, and 10
     * becomes {@code whenTen} ({@code 'X'} as ISBN-10 does, or {@code '0'} to stay all digits).
     */
    record Modulus11(int[] weights, char whenTen) implements CheckDigit {
        public Modulus11 {
            weights = validWeights(weights);
            if (whenTen != '0' && whenTen != 'X') {
                throw new IllegalArgumentException("whenTen must be '0' or 'X'");
            }
        }

        @Override
        public String name() {
            return "mod11" + weightsSuffix(weights) + (whenTen == 'X' ? "-x" : "");
        }

        @Override
        public char compute(String data) {
            int sum = 0;
            for (int i = 0; i < data.length(); i++) {
                sum += (data.charAt(data.length() - 1 - i) - '0') * weights[i % weights.length];
            }
            int check = 11 - sum % 11;
            return check == 11 ? '0' : check == 10 ? whenTen : (char) ('0' + check);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Modulus11 m && m.whenTen == whenTen && Arrays.equals(m.weights, weights);
        }

        @Override
        public int hashCode() {
            return Objects.hash(whenTen, Arrays.hashCode(weights));
        }

        @Override
        public String toString() {
            return name();
        }
    }

    record SevenDr() implements CheckDigit {
        @Override
        public String name() {
            return "7dr";
        }

        @Override
        public char compute(String data) {
            return (char) ('0' + mod7(data));
        }
    }

    record SevenDsr() implements CheckDigit {
        @Override
        public String name() {
            return "7dsr";
        }

        @Override
        public char compute(String data) {
            return (char) ('0' + 7 - mod7(data));
        }
    }

    /**
     * The algorithm a configuration names: {@code none}, {@code luhn}, {@code mod10}, {@code mod11},
     * {@code 7dr}, {@code 7dsr}; {@code weights} overrides the default weights of {@code mod10} (3-1)
     * and {@code mod11} (2–9).
     *
     * @throws IllegalArgumentException for an unknown name or weights given to an algorithm without them
     */
    static CheckDigit named(String name, int[] weights) {
        String n = name.toLowerCase(Locale.ROOT);
        if (weights != null && !(n.equals("mod10") || n.equals("mod11"))) {
            throw new IllegalArgumentException("weights apply only to mod10 and mod11");
        }
        return switch (n) {
            case "none" -> NONE;
            case "luhn" -> LUHN;
            case "mod10" -> weights == null ? MOD10_WEIGHT3 : new Modulus10(weights, false);
            case "mod11" -> weights == null ? MOD11 : new Modulus11(weights, '0');
            case "7dr" -> SEVEN_DR;
            case "7dsr" -> SEVEN_DSR;
            default -> throw new IllegalArgumentException("unknown check digit " + name);
        };
    }

    /** The names {@link #named} accepts. */
    java.util.List<String> NAMES = java.util.List.of("none", "mod10", "mod11", "7dr", "7dsr", "luhn");

    private static int mod7(String data) {
        int r = 0;
        for (int i = 0; i < data.length(); i++) {
            r = (r * 10 + data.charAt(i) - '0') % 7;
        }
        return r;
    }

    private static int[] validWeights(int[] weights) {
        if (weights == null || weights.length == 0 || Arrays.stream(weights).anyMatch(w -> w < 1 || w > 99)) {
            throw new IllegalArgumentException("weights must be 1–99, at least one");
        }
        return weights.clone();
    }

    private static String weightsSuffix(int[] weights) {
        return "-w" + String.join("", Arrays.stream(weights).mapToObj(w -> w > 9 ? "(" + w + ")" : Integer.toString(w)).toList());
    }
}

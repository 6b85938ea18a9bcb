package org.opackiosk.core.cards;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How one library's card numbers look: the lengths allowed (check digit included), a required
 * prefix, the characters allowed, whether Codabar start/stop characters are stripped, the check
 * digit, and how the number is shown to the patron. Immutable and thread-safe.
 *
 * @param name         the profile's name (a built-in one, or {@code custom})
 * @param lengths      allowed lengths of the normalised number, check digit included
 * @param prefix       what every number starts with; empty for none
 * @param allowed      the characters a number may hold (after normalisation), e.g. {@link #DIGITS}
 * @param stripCodabar drop a leading and trailing A–D (NW-7 start/stop) before checking
 * @param checkDigit   the algorithm of the last character
 * @param display      how the number is shown: {@code #} stands for one character of the number, anything
 *                     else is printed as it is, e.g. {@code ########-#}; empty to show it as it is
 */
public record CardProfile(String name, SortedSet<Integer> lengths, String prefix, String allowed, boolean stripCodabar,
                          CheckDigit checkDigit, Optional<String> display) {

    public static final String DIGITS = "0123456789";
    public static final String ALPHANUMERIC = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public CardProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(checkDigit, "checkDigit");
        Objects.requireNonNull(display, "display");
        lengths = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(lengths, "lengths")));
        if (lengths.isEmpty() || lengths.first() < 1 || lengths.last() > 64) {
            throw new IllegalArgumentException("lengths must be 1–64, at least one");
        }
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no characters allowed");
        }
        if (!prefix.chars().allMatch(c -> allowed.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("the prefix " + prefix + " holds characters the profile does not allow");
        }
    }

    public CardProfile(String name, Set<Integer> lengths, String prefix, String allowed, boolean stripCodabar,
                       CheckDigit checkDigit, Optional<String> display) {
        this(name, new TreeSet<>(lengths), prefix, allowed, stripCodabar, checkDigit, display);
    }

    /** Normalises {@code raw} (full-width, hyphens, Codabar start/stop) and checks it against this profile. */
    public CardCheck check(String raw) {
        String n = CardNumberText.normalize(Objects.requireNonNull(raw, "raw"));
        if (stripCodabar) {
            n = CardNumberText.stripCodabarStartStop(n);
        }
        if (n.isEmpty()) {
            return new CardCheck.Rejected(CardCheck.Reason.EMPTY);
        }
        if (!n.chars().allMatch(c -> allowed.indexOf(c) >= 0)) {
            return new CardCheck.Rejected(CardCheck.Reason.CHARACTERS);
        }
        if (!lengths.contains(n.length())) {
            return new CardCheck.Rejected(CardCheck.Reason.LENGTH);
        }
        if (!n.startsWith(prefix)) {
            return new CardCheck.Rejected(CardCheck.Reason.PREFIX);
        }
        if (!checkDigit.isValid(n)) {
            return new CardCheck.Rejected(CardCheck.Reason.CHECK_DIGIT);
        }
        return new CardCheck.Accepted(new CardNumber(n, format(n)));
    }

    /** True when {@code raw} is one of this library's card numbers. */
    public boolean accepts(String raw) {
        return check(raw) instanceof CardCheck.Accepted;
    }

    /** {@code number} as the display pattern shows it; as it is when the pattern does not fit its length. */
    public String format(String number) {
        if (display.isEmpty()) {
            return number;
        }
        String pattern = display.get();
        if (pattern.chars().filter(c -> c == '#').count() != number.length()) {
            return number;
        }
        StringBuilder out = new StringBuilder(pattern.length());
        int next = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            out.append(c == '#' ? number.charAt(next++) : c);
        }
        return out.toString();
    }
}

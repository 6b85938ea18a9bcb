package org.opackiosk.app.account;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an e-mail address the way a Japanese library needs: full-width characters (＠, ．, digits)
 * become half-width; a missing or doubled @, spaces, a comma for a dot, or a dot at the very start or
 * end are refused each with its own sentence; common typos of common domains get a suggestion; the
 * older mobile-carrier forms (consecutive dots, a dot before @, still used at docomo and au) are
 * accepted with a note that some senders cannot deliver to them. Pure and thread-safe.
 */
public final class EmailCheck {

    public enum Problem { EMPTY, NO_AT, TWO_ATS, SPACE, COMMA, EDGE_DOT, NO_DOMAIN_DOT }

    /** The outcome: the normalised address, or why not; a suggestion and a note where they apply. */
    public record Result(String address, Optional<Problem> problem, Optional<String> suggestion, boolean oldCarrierForm) {
        public boolean accepted() {
            return problem.isEmpty();
        }
    }

    private static final Map<String, String> TYPOS = Map.ofEntries(
            Map.entry("dokomo.ne.jp", "docomo.ne.jp"), Map.entry("docomo.ne.jo", "docomo.ne.jp"),
            Map.entry("docomo.jp", "docomo.ne.jp"), Map.entry("ezweb.ne.jo", "ezweb.ne.jp"),
            Map.entry("ezwed.ne.jp", "ezweb.ne.jp"), Map.entry("softbank.jp", "softbank.ne.jp"),
            Map.entry("gmial.com", "gmail.com"), Map.entry("gmai.com", "gmail.com"), Map.entry("gmail.co", "gmail.com"),
            Map.entry("gmail.co.jp", "gmail.com"), Map.entry("gamil.com", "gmail.com"),
            Map.entry("yahoo.co.jo", "yahoo.co.jp"), Map.entry("yahoo.jp", "yahoo.co.jp"), Map.entry("yaho.co.jp", "yahoo.co.jp"),
            Map.entry("icloud.co", "icloud.com"), Map.entry("iclod.com", "icloud.com"));

    private EmailCheck() {
    }

    public static Result check(String raw) {
        String a = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC).strip();
        if (a.isEmpty()) {
            return refused(a, Problem.EMPTY);
        }
        if (a.chars().anyMatch(Character::isWhitespace)) {
            return refused(a, Problem.SPACE);
        }
        if (a.indexOf(',') >= 0) {
            return refused(a, Problem.COMMA);
        }
        int at = a.indexOf('@');
        if (at < 0) {
            return refused(a, Problem.NO_AT);
        }
        if (a.indexOf('@', at + 1) >= 0) {
            return refused(a, Problem.TWO_ATS);
        }
        if (a.startsWith(".") || a.endsWith(".")) {
            return refused(a, Problem.EDGE_DOT);
        }
        String local = a.substring(0, at);
        String domain = a.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        if (local.isEmpty() || !domain.contains(".") || domain.startsWith(".") || domain.contains("..")) {
            return refused(a, Problem.NO_DOMAIN_DOT);
        }
        String address = local + "@" + domain;
        boolean oldForm = local.contains("..") || local.endsWith(".");
        return new Result(address, Optional.empty(), Optional.ofNullable(TYPOS.get(domain)).map(d -> local + "@" + d), oldForm);
    }

    private static Result refused(String a, Problem p) {
        return new Result(a, Optional.of(p), Optional.empty(), false);
    }
}

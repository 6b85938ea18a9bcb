package org.opackiosk.demo;

/** A Koha release as {@code major.minor} ({@code 24.05}), for behaviour that differs between releases. */
public record KohaVersion(int major, int minor) implements Comparable<KohaVersion> {

    public static final KohaVersion DEFAULT = new KohaVersion(24, 5);
    /** The first release whose {@code /auth/password/validation} takes {@code identifier} and answers 201. */
    public static final KohaVersion IDENTIFIER_VALIDATION = new KohaVersion(24, 5);

    public static KohaVersion parse(String text) {
        String[] parts = text.strip().split("\\.");
        try {
            if (parts.length < 2) {
                throw new NumberFormatException();
            }
            return new KohaVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Koha version looks like 24.05, was '" + text + "'");
        }
    }

    public boolean atLeast(KohaVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KohaVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + (minor < 10 ? "0" : "") + minor;
    }
}

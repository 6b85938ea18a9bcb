package org.opackiosk.core.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The staff PIN as the configuration stores it: a salted, slow hash, never the PIN.
 * Encoded as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in unpadded base64), the
 * form {@code kioskctl set-staff-pin} writes to {@code [staff] pin_hash}. ADR 0055.
 * Stateless and thread-safe; {@link #hash} and {@link #verify} take about a tenth of a second on
 * purpose and must not run on the UI thread.
 */
public final class StaffPinHash {

    /** PBKDF2-HMAC-SHA256 rounds for new hashes; verification reads the count from the hash. */
    public static final int ITERATIONS = 310_000;
    /** Hashes with fewer rounds are refused as too weak. */
    public static final int MIN_ITERATIONS = 120_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("pbkdf2-sha256\\$(\\d{1,8})\\$([A-Za-z0-9+/]{16,})\\$([A-Za-z0-9+/]{43})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private StaffPinHash() {
    }

    /** Why {@code pin} cannot be a staff PIN; empty when it can: 4–12 digits, not one digit repeated, not a straight run. */
    public static Optional<String> weakness(char[] pin) {
        if (pin.length < 4 || pin.length > 12) {
            return Optional.of("a staff PIN has 4 to 12 digits");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return Optional.of("a staff PIN has digits only (the staff keypad has no letters)");
            }
        }
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < pin.length; i++) {
            same &= pin[i] == pin[0];
            up &= pin[i] == (char) ('0' + (pin[i - 1] - '0' + 1) % 10);
            down &= pin[i] == (char) ('0' + (pin[i - 1] - '0' + 9) % 10);
        }
        if (same || up || down) {
            return Optional.of("a PIN like 0000 or 1234 is the first one anybody tries");
        }
        return Optional.empty();
    }

    /** A new hash of {@code pin} with a fresh random salt. */
    public static String hash(char[] pin, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(derive(pin, salt, ITERATIONS));
    }

    /** Whether {@code pin} is the one {@code encoded} was made from; false for a malformed hash. */
    public static boolean verify(char[] pin, String encoded) {
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches() || !isWellFormed(encoded)) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(m.group(3));
        byte[] actual = derive(pin, Base64.getDecoder().decode(m.group(2)), Integer.parseInt(m.group(1)));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether {@code encoded} has the form and strength {@link #verify} accepts. */
    public static boolean isWellFormed(String encoded) {
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            return false;
        }
        long iterations = Long.parseLong(m.group(1));
        try {
            return iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS
                    && Base64.getDecoder().decode(m.group(2)).length >= SALT_BYTES
                    && Base64.getDecoder().decode(m.group(3)).length == HASH_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }

    /** Overwrites a PIN held in memory. */
    public static void wipe(char[] pin) {
        Arrays.fill(pin, '\0');
    }
}

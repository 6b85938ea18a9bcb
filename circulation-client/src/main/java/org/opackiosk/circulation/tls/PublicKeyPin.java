package org.opackiosk.circulation.tls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SHA-256 public-key pin: the hash of a certificate's DER-encoded SubjectPublicKeyInfo, written
 * {@code sha256/} followed by its 44-character base64 encoding — the form of HPKP, OkHttp and curl's
 * {@code --pinnedpubkey}. A key pin survives certificate renewal as long as the server keeps its key.
 *
 * <p>Immutable and thread-safe. Nothing blocks.
 */
public final class PublicKeyPin {

    private static final String PREFIX = "sha256/";
    private static final Pattern BASE64_SHA256 = Pattern.compile("[A-Za-z0-9+/]{43}=");

    private final byte[] sha256;

    private PublicKeyPin(byte[] sha256) {
        this.sha256 = sha256;
    }

    /**
     * Parses one pin as written in the configuration.
     *
     * @param text the pin, {@code sha256/} followed by 44 base64 characters (surrounding blanks are ignored)
     * @param key  the configuration key it came from, named in the error (e.g. {@code server.pins[1]})
     * @throws IllegalArgumentException when {@code text} is not a pin, with a message naming {@code key}
     */
    public static PublicKeyPin parse(String text, String key) {
        Objects.requireNonNull(key, "key");
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.startsWith(PREFIX) || !BASE64_SHA256.matcher(trimmed.substring(PREFIX.length())).matches()) {
            throw new IllegalArgumentException(key + ": expected \"sha256/\" followed by 44 base64 characters");
        }
        byte[] hash = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
        if (hash.length != 32) {
            // 43 characters and '=' always decode to 32 bytes; kept so a changed pattern cannot let a short hash in
            throw new IllegalArgumentException(key + ": expected \"sha256/\" followed by 44 base64 characters");
        }
        return new PublicKeyPin(hash);
    }

    /**
     * Parses the {@code server.pins} list; the first malformed entry is reported by its 0-based index
     * ({@code server.pins[1]} is the second pin).
     *
     * @throws IllegalArgumentException on the first malformed pin or when the list is empty
     */
    public static List<PublicKeyPin> parseAll(List<String> pins) {
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("server.pins: at least one pin is needed");
        }
        List<PublicKeyPin> parsed = new ArrayList<>(pins.size());
        for (int i = 0; i < pins.size(); i++) {
            parsed.add(parse(pins.get(i), "server.pins[" + i + "]"));
        }
        return List.copyOf(parsed);
    }

    /** The pin of a certificate's public key. */
    public static PublicKeyPin of(X509Certificate certificate) {
        return of(certificate.getPublicKey());
    }

    /** The pin of a public key ({@link PublicKey#getEncoded()} is its DER SubjectPublicKeyInfo). */
    public static PublicKeyPin of(PublicKey key) {
        return new PublicKeyPin(sha256(key.getEncoded()));
    }

    /**
     * The pin of a certificate as the configuration writes it: {@code sha256/} + base64. {@code kioskctl}
     * prints it for a technician to copy into {@code server.pins}.
     */
    public static String pinOf(X509Certificate certificate) {
        return of(certificate).toString();
    }

    /** Whether {@code certificate} carries the key this pin names. */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(sha256, sha256(certificate.getPublicKey().getEncoded()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyPin p && MessageDigest.isEqual(p.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    /** {@code sha256/BASE64}, the configuration form. */
    @Override
    public String toString() {
        return PREFIX + new String(Base64.getEncoder().encode(sha256), StandardCharsets.US_ASCII);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

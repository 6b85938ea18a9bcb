package org.opackiosk.circulation.tls;

import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server when the public key of its <em>leaf</em> certificate is pinned and the leaf is within
 * its validity period — nothing else.
 *
 * <p>Why only the leaf: pins replace the trust store here, so the chain's signatures are not checked
 * by a PKIX validator. Certificates are public; if a pinned CA or intermediate anywhere in the
 * presented chain were enough, anyone could send that public certificate behind a leaf of their own
 * and pass. The leaf's key, on the other hand, is the one the server proves it holds during the
 * handshake (JSSE checks the handshake signature against the leaf). Backup pins cover key rotation.
 *
 * <p>Deliberately a plain {@link X509TrustManager}, not an {@code X509ExtendedTrustManager}: SunJSSE then
 * wraps it and, when the connection asks for HTTPS endpoint identification, also checks the host name
 * during the handshake. Thread-safe (immutable); nothing blocks.
 */
final class PinningTrustManager implements X509TrustManager {

    private final List<PublicKeyPin> pins;
    private final Clock clock;

    PinningTrustManager(List<PublicKeyPin> pins, Clock clock) {
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("at least one pin is needed");
        }
        this.pins = List.copyOf(pins);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        X509Certificate leaf = chain[0];
        PublicKeyPin presented = PublicKeyPin.of(leaf);
        if (!pins.contains(presented)) {
            throw new CertificateException("the server's key " + presented + " is not pinned (pinned: "
                    + pins.stream().map(PublicKeyPin::toString).collect(Collectors.joining(", ")) + ")");
        }
        Date now = Date.from(clock.instant());
        try {
            leaf.checkValidity(now);
        } catch (CertificateExpiredException e) {
            throw new CertificateExpiredException("the server's certificate expired on " + leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new CertificateNotYetValidException("the server's certificate is valid only from " + leaf.getNotBefore().toInstant());
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the kiosk does not accept TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

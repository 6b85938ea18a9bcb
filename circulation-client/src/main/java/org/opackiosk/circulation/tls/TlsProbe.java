package org.opackiosk.circulation.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;

/**
 * Shakes hands with the server exactly as the kiosk would (same pins or CA, host-name check on) and
 * records the certificate it presented, so a failure can say what the server's pin actually is.
 * Sends no application data. Used by {@code kioskctl check-server} and the staff dashboard's server check.
 * Blocks for up to the settings' timeouts; never throws for a failed handshake.
 */
public final class TlsProbe {

    /** The certificate seen (if any) and why the handshake failed (empty: it succeeded). */
    public record Outcome(Optional<X509Certificate> leaf, Optional<String> failure) {
    }

    private TlsProbe() {
    }

    public static Outcome probe(ServerSettings settings) {
        URI url = settings.url();
        int port = url.getPort() == -1 ? 443 : url.getPort();
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        X509TrustManager kiosk;
        try {
            kiosk = ServerTls.trustManager(settings);
        } catch (IllegalArgumentException e) {
            return new Outcome(Optional.empty(), Optional.of(e.getMessage()));
        }
        X509TrustManager recording = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain != null && chain.length > 0) {
                    seen.set(chain[0]);
                }
                kiosk.checkServerTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return kiosk.getAcceptedIssuers();
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {recording}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(url.getHost(), port), (int) settings.connectTimeout().toMillis());
                socket.setSoTimeout((int) settings.responseTimeout().toMillis());
                SSLParameters params = socket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(params);
                socket.startHandshake();
            }
            return new Outcome(Optional.ofNullable(seen.get()), Optional.empty());
        } catch (IOException | GeneralSecurityException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(Optional.ofNullable(seen.get()), Optional.of(why));
        }
    }

    /**
     * The certificate the server presents, trusting nothing: the handshake is made to fail on a pin no
     * key has, after the certificate was seen. For trust on first use, where a person then compares its
     * key pin before anything is trusted.
     */
    public static Optional<X509Certificate> presentedCertificate(URI url, Duration timeout) {
        ServerSettings unpinnable = new ServerSettings(url, List.of("sha256/" + "A".repeat(43) + "="), Optional.empty(),
                ServerSettings.AuthMethod.OAUTH2, "-", new Secret("-"), timeout, timeout);
        return probe(unpinnable).leaf();
    }

    /** Whole days until {@code cert} expires; negative once it has. */
    public static long daysLeft(X509Certificate cert, java.time.Clock clock) {
        return Duration.between(clock.instant(), cert.getNotAfter().toInstant()).toDays();
    }
}

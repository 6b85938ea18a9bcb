package org.opackiosk.circulation.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.opackiosk.core.config.ServerSettings;

/**
 * Builds the {@link SSLContext} the kiosk uses to talk to its circulation server, from
 * {@link ServerSettings}: either the server's public-key pins or one CA file. Never the system trust
 * store, never "trust all".
 *
 * <ul>
 *   <li><b>Pins</b> — the chain is accepted only when the leaf certificate's key is one of the pins
 *       and the leaf is within its validity period (see {@link PinningTrustManager} for why only the
 *       leaf counts).</li>
 *   <li><b>CA file</b> — standard PKIX validation (signatures, validity, constraints) with the
 *       certificates of that PEM file as the only trust anchors. Revocation is not checked: a kiosk
 *       on a library network usually cannot reach CRL or OCSP servers.</li>
 * </ul>
 *
 * <p>A rejected chain fails the TLS handshake, so no byte of a request is sent. The context does not
 * check host names: the HTTP client must keep host-name verification on (the Koha client does).
 * Certificate validity is judged by the system clock, as JSSE does.
 *
 * <p>Stateless and thread-safe. {@link #sslContext} reads the CA file (blocking, once).
 */
public final class ServerTls {

    private ServerTls() {
    }

    /**
     * @throws IllegalArgumentException when a pin is malformed ({@code server.pins[i]: …}) or the CA file
     *                                  cannot be read or holds no certificate ({@code server.ca_file: …})
     */
    public static SSLContext sslContext(ServerSettings settings) {
        return sslContext(trustManager(settings));
    }

    /**
     * The trust manager {@link #sslContext} uses; for tools (e.g. {@code kioskctl doctor}) that check a
     * server's chain themselves.
     *
     * @throws IllegalArgumentException as {@link #sslContext}
     */
    public static X509TrustManager trustManager(ServerSettings settings) {
        if (!settings.pins().isEmpty()) {
            return new PinningTrustManager(PublicKeyPin.parseAll(settings.pins()), Clock.systemUTC());
        }
        return caTrustManager(settings.caFile().orElseThrow());
    }

    private static SSLContext sslContext(X509TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot create a TLS context", e);
        }
    }

    private static X509TrustManager caTrustManager(Path caFile) {
        List<X509Certificate> anchors = readCertificates(caFile);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("ca-" + i, anchors.get(i));
            }
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(store, new X509CertSelector());
            parameters.setRevocationEnabled(false);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(new CertPathTrustManagerParameters(parameters));
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the PKIX trust manager factory made no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a PKIX trust manager: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readCertificates(Path caFile) {
        Collection<? extends java.security.cert.Certificate> read;
        try (InputStream in = Files.newInputStream(caFile)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("server.ca_file: cannot read " + caFile + " (" + e.getMessage() + ")", e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("server.ca_file: " + caFile + " is not a PEM certificate file (" + e.getMessage() + ")", e);
        }
        List<X509Certificate> certificates = read.stream()
                .filter(X509Certificate.class::isInstance)
                .map(X509Certificate.class::cast)
                .toList();
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("server.ca_file: " + caFile + " holds no certificate");
        }
        return certificates;
    }
}

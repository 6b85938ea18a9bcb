package org.opackiosk.circulation.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opackiosk.circulation.tls.PublicKeyPin;

/** Certificates made inside the tests with BouncyCastle: EC P-256 keys, SHA-256 signatures. */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A certificate, its key pair and the chain a server presents (leaf first). */
    public record Issued(KeyPair keyPair, X509Certificate certificate, List<X509Certificate> chain) {

        /** {@code sha256/BASE64} of this certificate's key. */
        public String pin() {
            return PublicKeyPin.pinOf(certificate);
        }

        public Path writePem(Path directory, String fileName) throws IOException {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
                pem.writeObject(certificate);
            }
            return Files.writeString(directory.resolve(fileName), text.toString(), StandardCharsets.US_ASCII);
        }

        /** A server-side TLS context presenting this chain. */
        public SSLContext serverContext() {
            try {
                char[] password = "test".toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("server", keyPair.getPrivate(), password, chain.toArray(X509Certificate[]::new));
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    /** Self-signed for {@code localhost} and {@code 127.0.0.1}, valid from yesterday for 30 days: the demo server's kind. */
    public static Issued localhost() {
        Instant now = Instant.now();
        return selfSigned("localhost", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), "localhost", "127.0.0.1");
    }

    /** Self-signed for localhost and 127.0.0.1, expired yesterday. */
    public static Issued expiredLocalhost() {
        Instant now = Instant.now();
        return selfSigned("localhost", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), "localhost", "127.0.0.1");
    }

    public static Issued selfSigned(String commonName, Instant notBefore, Instant notAfter, String... hosts) {
        KeyPair keys = newKeyPair();
        X509Certificate certificate = build(new X500Name("CN=" + commonName), keys, new X500Name("CN=" + commonName), keys,
                null, notBefore, notAfter, false, hosts);
        return new Issued(keys, certificate, List.of(certificate));
    }

    public static Issued certificateAuthority(String name) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + name);
        X509Certificate certificate = build(subject, keys, subject, keys, null,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), true);
        return new Issued(keys, certificate, List.of(certificate));
    }

    /** A server certificate signed by {@code ca}, valid now; the chain is leaf then CA. */
    public static Issued issuedBy(Issued ca, String commonName, String... hosts) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X509Certificate certificate = build(new X500Name("CN=" + commonName), keys,
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.keyPair(), ca.certificate(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), false, hosts);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(ca.chain());
        return new Issued(keys, certificate, List.copyOf(chain));
    }

    private static X509Certificate build(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                         X509Certificate issuerCertificate, Instant notBefore, Instant notAfter,
                                         boolean ca, String... hosts) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic())
                    : extensions.createAuthorityKeyIdentifier(issuerCertificate));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            if (hosts.length > 0) {
                GeneralName[] names = new GeneralName[hosts.length];
                for (int i = 0; i < hosts.length; i++) {
                    names[i] = hosts[i].matches("[0-9.]+")
                            ? new GeneralName(GeneralName.iPAddress, hosts[i])
                            : new GeneralName(GeneralName.dNSName, hosts[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port on the loopback interface where nothing listens (it was free a moment ago). */
    public static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

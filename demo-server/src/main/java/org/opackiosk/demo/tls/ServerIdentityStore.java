package org.opackiosk.demo.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opackiosk.demo.support.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the server's identity in the data directory: generated on first start (EC P-256, self-signed,
 * SAN {@code DNS:localhost} and {@code IP:127.0.0.1}, valid ten years), reused afterwards so the pin
 * the kiosk was given stays the same.
 *
 * <p>Validity is computed from the real wall clock, never the server's injected clock: TLS clients
 * check it against theirs.
 */
public final class ServerIdentityStore {

    public static final String KEY_FILE = "server-key.pem";
    public static final String CERTIFICATE_FILE = "server-cert.pem";
    private static final Logger LOG = LoggerFactory.getLogger(ServerIdentityStore.class);
    private static final Duration VALIDITY = Duration.ofDays(3653);

    private final Clock wallClock;

    public ServerIdentityStore(Clock wallClock) {
        this.wallClock = wallClock;
    }

    public ServerIdentity loadOrCreate(Path dataDir) throws IOException {
        Path keyFile = dataDir.resolve(KEY_FILE);
        Path certificateFile = dataDir.resolve(CERTIFICATE_FILE);
        if (Files.exists(keyFile) && Files.exists(certificateFile)) {
            ServerIdentity identity = load(keyFile, certificateFile);
            try {
                identity.certificate().checkValidity(Date.from(wallClock.instant()));
                return identity;
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                LOG.warn("The demo server's certificate is no longer valid ({}); generating a new one: "
                        + "kiosks pinned to the old one must be given the new pin", e.getMessage());
            }
        }
        ServerIdentity identity = generate();
        write(identity, keyFile, certificateFile);
        LOG.info("Generated a new server certificate, pin {}", identity.pin());
        return identity;
    }

    ServerIdentity generate() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            Instant now = wallClock.instant();
            X500Name subject = new X500Name("CN=localhost, O=OPAC kiosk demo server");
            BigInteger serial = new BigInteger(64, new SecureRandom());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject,
                    keyPair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new ServerIdentity(keyPair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot generate the server certificate: " + e.getMessage(), e);
        }
    }

    private static ServerIdentity load(Path keyFile, Path certificateFile) throws IOException {
        try (Reader keyReader = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
             PEMParser keyParser = new PEMParser(keyReader);
             Reader certificateReader = Files.newBufferedReader(certificateFile, StandardCharsets.US_ASCII);
             PEMParser certificateParser = new PEMParser(certificateReader)) {
            Object key = keyParser.readObject();
            Object certificate = certificateParser.readObject();
            if (!(key instanceof PrivateKeyInfo keyInfo) || !(certificate instanceof X509CertificateHolder holder)) {
                throw new IOException(keyFile + " or " + certificateFile + " does not hold what the demo server wrote;"
                        + " delete both to generate a new certificate (the pin will change)");
            }
            PrivateKey privateKey = new JcaPEMKeyConverter().getPrivateKey(keyInfo);
            X509Certificate x509 = new JcaX509CertificateConverter().getCertificate(holder);
            return new ServerIdentity(privateKey, x509);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the server certificate in " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    private static void write(ServerIdentity identity, Path keyFile, Path certificateFile) throws IOException {
        AtomicFiles.write(keyFile, pem(identity.privateKey()), true);
        AtomicFiles.write(certificateFile, pem(identity.certificate()), false);
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof PrivateKey key) {
                // PKCS#8 ("PRIVATE KEY"), with the curve parameters, rather than the bare SEC1 form
                writer.writeObject(new JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(object);
            }
        }
        return out.toString();
    }
}

package org.opackiosk.provisioning;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;

import org.opackiosk.provisioning.check.ServerCheck;

/** A test server's self-signed certificate as the library's CA file ({@code --ca}). */
public final class ServerCa {

    private ServerCa() {
    }

    /** Writes the certificate {@code server} presents to {@code file} as PEM; answers {@code file}. */
    public static Path writePem(URI server, Path file) throws IOException {
        var cert = ServerCheck.presentedCertificate(server).orElseThrow();
        try {
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }
}

package org.opackiosk.provisioning.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.opackiosk.core.config.Secret;

import picocli.CommandLine.Option;

/**
 * The API client secret, given on the command line or read from a file: one of the two, the same options in every
 * kioskctl command that talks to the server. Used as an exclusive picocli {@code @ArgGroup} of multiplicity 1.
 */
public final class ClientSecretOptions {

    @Option(names = "--client-secret", paramLabel = "SECRET", description = "the API client secret (visible to other users in ps; prefer --client-secret-file)")
    String value;

    @Option(names = "--client-secret-file", paramLabel = "FILE")
    Path file;

    /** The secret as given, or the file's content without surrounding white space (a trailing newline). */
    public Secret secret() throws IOException {
        return new Secret(value != null ? value : Files.readString(file, StandardCharsets.UTF_8).strip());
    }
}

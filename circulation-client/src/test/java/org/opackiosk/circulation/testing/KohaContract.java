package org.opackiosk.circulation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Koha's request-body schemas from {@code ../shared/koha-contract/kiosk-contract.yaml} (found by walking up from
 * the working directory; never copied into the repository). Tests skip the check when the folder is absent.
 */
public final class KohaContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private KohaContract() {
    }

    public static Optional<Path> contractFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("koha-contract").resolve("kiosk-contract.yaml");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /**
     * The problems of {@code body} against the body parameter of {@code method path} (e.g. {@code post},
     * {@code /holds}); empty when it conforms or when the contract is not here.
     */
    public static Set<String> requestBodyProblems(String method, String path, String body) {
        Optional<Path> file = contractFile();
        if (file.isEmpty()) {
            return Set.of();
        }
        try {
            JsonNode operation = YAML.readTree(file.get().toFile()).path("paths").path(path).path(method);
            JsonNode schema = null;
            for (JsonNode parameter : operation.path("parameters")) {
                if ("body".equals(parameter.path("in").asText())) {
                    schema = parameter.path("schema");
                }
            }
            if (schema == null) {
                throw new IllegalArgumentException("the contract has no body for " + method + " " + path);
            }
            if (schema.has("$ref")) {
                // #/definitions/patron: the contract's own subset
                schema = YAML.readTree(file.get().toFile()).at(schema.get("$ref").asText().substring(1));
            }
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            return validator.validate(JSON.readTree(body)).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.opackiosk.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opackiosk.demo.http.Json;
import org.opackiosk.demo.support.AtomicFiles;

/**
 * {@code DIR/connection.json}, rewritten at every start (the port may change):
 * {@code {"url":"https://127.0.0.1:8443","pin":"sha256/…","client_id":"…","client_secret":"…"}}.
 * Readable by its owner only: it holds the API secret.
 */
final class ConnectionFile {

    static final String FILE_NAME = "connection.json";

    private ConnectionFile() {
    }

    static void write(Path dataDir, URI url, String pin, String clientId, String clientSecret) throws IOException {
        AtomicFiles.write(dataDir.resolve(FILE_NAME), json(url, pin, clientId, clientSecret), true);
    }

    private static String json(URI url, String pin, String clientId, String clientSecret)
            throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url.toString());
        json.put("pin", pin);
        json.put("client_id", clientId);
        json.put("client_secret", clientSecret);
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    }
}

package org.opackiosk.demo.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opackiosk.demo.catalogue.DemoPatron;
import org.opackiosk.demo.http.Json;
import org.opackiosk.demo.support.AtomicFiles;

/**
 * {@code DIR/demo-patrons.json}: the demo patrons a presenter may log in as, with their initial
 * passwords (the database holds only hashes) and the case each one demonstrates:
 * <pre>{"patrons":[{"cardnumber":"01000001","password":"…","surname":"山田","firstname":"太郎",
 *   "category":"ADULT","demonstrates_ja":"…","demonstrates_en":"…"}, …]}</pre>
 * {@code password} is {@code null} for a patron who has not registered one yet.
 */
public final class DemoPatronsFile {

    public static final String FILE_NAME = "demo-patrons.json";

    private DemoPatronsFile() {
    }

    public static void write(Path dataDir, List<DemoPatron> patrons) throws IOException {
        AtomicFiles.write(dataDir.resolve(FILE_NAME), json(patrons), true);
    }

    static String json(List<DemoPatron> patrons) throws JsonProcessingException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (DemoPatron patron : patrons) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("cardnumber", patron.cardNumber());
            entry.put("password", patron.password().orElse(null));
            entry.put("surname", patron.surname());
            entry.put("firstname", patron.firstname());
            entry.put("category", patron.category());
            entry.put("demonstrates_ja", patron.demonstratesJa());
            entry.put("demonstrates_en", patron.demonstratesEn());
            entries.add(entry);
        }
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("patrons", entries)) + "\n";
    }
}

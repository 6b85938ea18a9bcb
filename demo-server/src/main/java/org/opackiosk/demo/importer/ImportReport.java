package org.opackiosk.demo.importer;

import java.util.List;

/**
 * What an import did: records and items added, how many records were there already (an import
 * run twice adds nothing), and what was skipped and why, in file order
 * ({@code "record 1: not well-formed XML: …"}, {@code "line 7: …"}).
 */
public record ImportReport(String source, int imported, int items, int alreadyImported, List<String> skipped) {

    public ImportReport {
        skipped = List.copyOf(skipped);
    }

    /** An import succeeded when it added at least one record. */
    public boolean succeeded() {
        return imported > 0;
    }
}

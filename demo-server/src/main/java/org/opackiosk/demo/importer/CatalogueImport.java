package org.opackiosk.demo.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.seed.DemoSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a real catalogue into a data directory's database, beside the demo catalogue (a new
 * directory is set up and seeded first, as the server would). The server must not be running on the
 * directory: the database file is locked while it is.
 */
public final class CatalogueImport {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueImport.class);

    private CatalogueImport() {
    }

    /** MARC21 MARCXML: records, and items from 952 fields. */
    public static ImportReport marcXml(Path dataDir, Path file, Clock clock) throws IOException {
        return run(dataDir, file, clock, (database, f) -> new MarcXmlImporter(database, clock).importFile(f));
    }

    /** The Aozora Bunko index CSV: one record per work. */
    public static ImportReport aozoraCsv(Path dataDir, Path file, Clock clock) throws IOException {
        return run(dataDir, file, clock, (database, f) -> new AozoraCsvImporter(database, clock).importFile(f));
    }

    /**
     * The readings (ヨミ) of the Aozora Bunko extended index CSV, added to the works imported by
     * {@link #aozoraCsv}: title and authors, as 880 fields in the MARC served. The report's {@code imported}
     * counts the records that got readings.
     */
    public static ImportReport aozoraReadings(Path dataDir, Path file, Clock clock) throws IOException {
        return run(dataDir, file, clock, (database, f) -> new AozoraReadingsImporter(database, clock).importFile(f));
    }

    private static ImportReport run(Path dataDir, Path file, Clock clock, Importer importer) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        try (Database database = Database.open(dataDir, 2)) {
            new DemoSeeder().seedIfEmpty(database, DemoCatalogue.load(), clock);
            ImportReport report = importer.run(database, file);
            LOG.info("Imported {} records and {} items from {}; {} already there, {} skipped", report.imported(),
                    report.items(), report.source(), report.alreadyImported(), report.skipped().size());
            return report;
        }
    }

    @FunctionalInterface
    private interface Importer {
        ImportReport run(Database database, Path file) throws IOException;
    }
}

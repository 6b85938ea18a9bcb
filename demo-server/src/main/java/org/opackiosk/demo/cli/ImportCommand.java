package org.opackiosk.demo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.opackiosk.demo.importer.CatalogueImport;
import org.opackiosk.demo.importer.ImportReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo-server import --data DIR (--marcxml FILE | --aozora-csv FILE | --aozora-readings FILE)}. Exit
 * status 0 when at least one record was imported (or, for readings, given readings), 1 otherwise.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load a real catalogue into DIR's database (the server must not be running on DIR).")
final class ImportCommand implements Callable<Integer> {

    private static final int MAX_REASONS = 100;

    @Option(names = "--data", defaultValue = "demo-data", paramLabel = "DIR",
            description = "Data directory (default ${DEFAULT-VALUE}).")
    Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--marcxml", paramLabel = "FILE", description = "MARC21 MARCXML; items from 952 fields.")
        Path marcxml;

        @Option(names = "--aozora-csv", paramLabel = "FILE", description = "Aozora Bunko index CSV (list_person_all).")
        Path aozoraCsv;

        @Option(names = "--aozora-readings", paramLabel = "FILE",
                description = "Aozora Bunko extended index CSV (list_person_all_extended): readings of the works already imported.")
        Path aozoraReadings;
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ImportReport report;
        try {
            if (source.marcxml != null) {
                report = CatalogueImport.marcXml(data, source.marcxml, Clock.systemDefaultZone());
            } else if (source.aozoraCsv != null) {
                report = CatalogueImport.aozoraCsv(data, source.aozoraCsv, Clock.systemDefaultZone());
            } else {
                report = CatalogueImport.aozoraReadings(data, source.aozoraReadings, Clock.systemDefaultZone());
            }
        } catch (IOException e) {
            err.println("Import failed: " + e.getMessage());
            return 1;
        }
        out.printf("Imported %d records and %d items from %s into %s.%n", report.imported(), report.items(),
                report.source(), data);
        if (report.alreadyImported() > 0) {
            out.printf("%d records were imported before and left as they are.%n", report.alreadyImported());
        }
        if (!report.skipped().isEmpty()) {
            out.printf("Skipped %d:%n", report.skipped().size());
            report.skipped().stream().limit(MAX_REASONS).forEach(reason -> out.println("  " + reason));
            if (report.skipped().size() > MAX_REASONS) {
                out.printf("  … and %d more%n", report.skipped().size() - MAX_REASONS);
            }
        }
        return report.succeeded() ? 0 : 1;
    }
}

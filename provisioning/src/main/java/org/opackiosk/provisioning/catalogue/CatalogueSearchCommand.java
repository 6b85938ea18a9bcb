package org.opackiosk.provisioning.catalogue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.store.catalogue.LuceneCatalogue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search",
        description = {"Search a catalogue index the way the kiosk's search screen does (offline, nothing is sent).",
                "With --queries, one query per line and one JSON line per query: query, total, took_ms, hits",
                "(biblio_id, title) — for measuring."})
public final class CatalogueSearchCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index directory")
    Path index;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "hits to show (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--queries", paramLabel = "FILE", description = "a file of queries, one per line")
    Path queries;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "what a patron would type")
    List<String> words;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((queries == null) == (words == null || words.isEmpty()) || limit < 1) {
            err.println("Give either QUERY or --queries FILE, and a positive --limit");
            return KioskCtl.EXIT_INVALID;
        }
        if (!Files.isDirectory(index) || !Files.exists(index.resolve("current")) && !Files.isDirectory(index.resolve("index-a"))) {
            err.println("No catalogue index in " + index + ": run kioskctl catalogue sync first");
            return KioskCtl.EXIT_INVALID;
        }
        try (LuceneCatalogue catalogue = LuceneCatalogue.open(index)) {
            if (queries != null) {
                for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.println(JSON.writeValueAsString(asJson(line, catalogue.search(SearchQuery.text(line, limit)))));
                    }
                }
                return 0;
            }
            String text = String.join(" ", words);
            SearchResult result = catalogue.search(SearchQuery.text(text, limit));
            if (json) {
                out.println(JSON.writeValueAsString(asJson(text, result)));
                return 0;
            }
            out.printf(Locale.ROOT, "%d records match \"%s\" (%.1f ms)%n", result.total(), text, result.took().toNanos() / 1e6);
            for (CatalogueEntry e : result.hits()) {
                out.printf(Locale.ROOT, "%8s  %s%s%s%n", e.id(), e.title(), e.mainAuthor().isEmpty() ? "" : " / " + e.mainAuthor(),
                        e.year().isPresent() ? " (" + e.year().getAsInt() + ")" : "");
            }
            return 0;
        }
    }

    private static ObjectNode asJson(String query, SearchResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("query", query);
        node.put("total", result.total());
        node.put("took_ms", Math.round(result.took().toNanos() / 1e4) / 100.0);
        ArrayNode hits = node.putArray("hits");
        for (CatalogueEntry e : result.hits()) {
            hits.addObject().put("biblio_id", e.id()).put("title", e.title());
        }
        return node;
    }
}

package org.opackiosk.circulation.koha;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.marc4j.MarcException;
import org.marc4j.MarcJsonReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.Record;
import org.opackiosk.circulation.tls.ServerTls;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueFeed;
import org.opackiosk.core.catalogue.Deletions;
import org.opackiosk.core.catalogue.FeedPage;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.config.ServerSettings;

/**
 * The catalogue feed of a Koha server, for the kiosk's local index: {@code GET /api/v1/biblios} as MARC
 * (MARCXML or MARC-in-JSON, parsed with marc4j — Koha's biblio JSON has no readings, subjects or NDC),
 * walked in biblio-id order with a keyset filter instead of page numbers:
 * {@code q={"biblio_id":{">":AFTER},"timestamp":{">=":"SINCE"}}&_order_by=+biblio_id&_per_page=N}. Timestamps
 * are Koha's local date-times, read and written in the kiosk's time zone (the kiosk and its server share one).
 * Copies and their branches come from the 952 fields Koha embeds in MARC; a server that sends none
 * gives records without holdings.
 *
 * <p>Deletions: {@code GET /api/v1/contrib/opackiosk/deleted_biblios?since=} (docs/contrib-api.md); a server
 * without the kiosk's extension answers 404, which is {@link Deletions#untracked()}.
 *
 * <p>Same transport, pinning, authentication, retries and results as {@link KohaCirculationService}: nothing
 * throws for what the server or the network does; a page that is not well-formed MARC is
 * {@code Unreachable} (and logged once). Thread-safe; every method blocks on the network.
 */
public final class KohaCatalogueFeed implements CatalogueFeed, AutoCloseable {

    /** How records travel. Both are MARC21 read with marc4j. */
    public enum Format {
        MARCXML("application/marcxml+xml"),
        MARC_IN_JSON("application/marc-in-json");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private static final DateTimeFormatter KOHA_LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KohaTransport transport;
    private final ZoneId zone;
    private final Format format;

    /**
     * @throws IllegalArgumentException when a pin is malformed, the CA file is unusable or the URL is not https
     */
    public KohaCatalogueFeed(ServerSettings settings, Clock clock, Format format) {
        this(settings, clock, format, KohaOptions.defaults());
    }

    KohaCatalogueFeed(ServerSettings settings, Clock clock, Format format, KohaOptions options) {
        Objects.requireNonNull(clock, "clock");
        this.format = Objects.requireNonNull(format, "format");
        this.transport = new KohaTransport(settings, clock, options, ServerTls.sslContext(settings));
        this.zone = clock.getZone();
    }

    /** {@code GET /api/v1/biblios?_order_by=-timestamp&_per_page=1} (JSON): the newest record's {@code timestamp}. */
    @Override
    public CallResult<Optional<Instant>> latestChange() {
        KohaRequest request = KohaRequest.read("api", "v1", "biblios")
                .withQuery("_page", "1")
                .withQuery("_per_page", "1")
                .withQuery("_order_by", "-timestamp");
        return transport.call(request, answer -> {
            for (JsonNode biblio : KohaJson.array(answer.body(), "biblios")) {
                return Optional.ofNullable(KohaJson.instant(biblio, "timestamp", zone));
            }
            return Optional.empty();
        });
    }

    @Override
    public CallResult<FeedPage> changedSince(Optional<Instant> since, Optional<String> afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        ObjectNode q = JSON.createObjectNode();
        if (afterId.isPresent()) {
            if (!NUMERIC_ID.matcher(afterId.get()).matches()) {
                throw new IllegalArgumentException("Koha's record ids are numbers: " + afterId.get());
            }
            q.putObject("biblio_id").put(">", Long.parseLong(afterId.get()));
        }
        since.ifPresent(s -> q.putObject("timestamp").put(">=", kohaDateTime(s)));
        KohaRequest request = KohaRequest.read("api", "v1", "biblios")
                .withQuery("_page", "1")
                .withQuery("_per_page", Integer.toString(limit))
                .withQuery("_order_by", "+biblio_id")
                .withHeader("Accept", format.mediaType);
        if (!q.isEmpty()) {
            request = request.withQuery("q", q.toString());
        }
        KohaRequest sent = request;
        return transport.stream(sent, answer -> {
            List<CatalogueEntry> entries = read(answer);
            long remaining = total(answer).orElse(entries.size() < limit ? entries.size() : entries.size() + 1L);
            Optional<String> lastId = entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast().id());
            return new FeedPage(entries, lastId, remaining, entries.size() < limit || remaining <= limit);
        });
    }

    /** {@code GET /api/v1/contrib/opackiosk/deleted_biblios?since=}; 404 (no extension) is {@link Deletions#untracked()}. */
    @Override
    public CallResult<Deletions> deletedSince(Instant since) {
        KohaRequest request = KohaRequest.read("api", "v1", "contrib", "opackiosk", "deleted_biblios")
                .withQuery("since", kohaDateTime(since))
                .answering(404);
        return transport.call(request, answer -> {
            if (answer.status() == 404) {
                return Deletions.untracked();
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode deleted : KohaJson.array(answer.body(), "deleted biblios")) {
                ids.add(KohaJson.requiredId(deleted, "biblio_id"));
            }
            return new Deletions(ids, true);
        });
    }

    private List<CatalogueEntry> read(KohaTransport.StreamAnswer answer) throws IOException {
        String type = answer.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith(format.mediaType)) {
            throw new MalformedResponseException("expected " + format.mediaType + ", got Content-Type " + answer.contentType());
        }
        InputStream body = answer.body();
        List<CatalogueEntry> entries = new ArrayList<>();
        try {
            MarcReader reader = format == Format.MARCXML ? new MarcXmlReader(body) : new MarcJsonReader(new JsonArrayStream(body));
            while (reader.hasNext()) {
                Record record = reader.next();
                entries.add(KohaMarc.entry(record, zone));
            }
        } catch (MarcException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new MalformedResponseException("not well-formed MARC: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // marc4j's readers fail with assorted runtime exceptions on broken input
            throw new MalformedResponseException("not well-formed MARC: " + e, e);
        }
        // the parser may stop before trailing whitespace: the connection goes back to the pool only when read to its end
        body.transferTo(OutputStream.nullOutputStream());
        return entries;
    }

    /** {@code X-Total-Count}: the matches from this page's first record on; empty when missing or garbled. */
    private static Optional<Long> total(KohaTransport.StreamAnswer answer) {
        try {
            return answer.header("X-Total-Count").map(String::strip).map(Long::parseLong).filter(n -> n >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String kohaDateTime(Instant instant) {
        return KOHA_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public void close() {
        transport.close();
    }
}

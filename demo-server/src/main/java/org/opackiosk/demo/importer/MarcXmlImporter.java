package org.opackiosk.demo.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.opackiosk.demo.biblios.Biblio;
import org.opackiosk.demo.biblios.BiblioRepository;
import org.opackiosk.demo.biblios.MarcMapping;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.db.Jdbc;
import org.opackiosk.demo.items.Item;
import org.opackiosk.demo.items.ItemRepository;
import org.opackiosk.demo.libraries.LibraryRepository;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Imports a MARC21 MARCXML file: every record becomes a biblio (kept as imported, see
 * {@link MarcMapping}), and every 952 field (Koha's item field) an item. The file is cut into records
 * first ({@link MarcXmlChunker}); each is checked for well-formedness and parsed with marc4j on its own,
 * so a bad record is reported by its number and skipped while the rest are imported. Records already
 * imported (same 999$c, else 001) are skipped, so importing a file twice adds nothing.
 */
final class MarcXmlImporter {

    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");

    private final Database database;
    private final Clock clock;
    private final MarcMapping mapping = new MarcMapping();
    private final BiblioRepository biblios = new BiblioRepository();
    private final ItemRepository items = new ItemRepository();
    private final LibraryRepository libraries = new LibraryRepository();

    MarcXmlImporter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    ImportReport importFile(Path file) throws IOException {
        String text = decode(Files.readAllBytes(file));
        List<MarcXmlChunker.Chunk> chunks = MarcXmlChunker.split(text);
        List<Skip> skipped = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        SAXParserFactory sax = saxFactory();
        for (MarcXmlChunker.Chunk chunk : chunks) {
            int number = chunk.number();
            if (chunk.problem() != null) {
                skipped.add(new Skip(number, chunk.problem()));
                continue;
            }
            String problem = wellFormednessProblem(sax, chunk);
            if (problem != null) {
                skipped.add(new Skip(number, "not well-formed XML: " + problem));
                continue;
            }
            try {
                MarcReader reader = new MarcXmlReader(new InputSource(new StringReader(chunk.document())));
                if (!reader.hasNext()) {
                    skipped.add(new Skip(number, "no MARC record in it"));
                    continue;
                }
                parsed.add(new Parsed(number, reader.next()));
            } catch (RuntimeException e) {
                skipped.add(new Skip(number, "not a MARC record: " + rootCause(e)));
            }
        }
        int[] counts = database.transaction(connection -> store(connection, parsed, skipped));
        List<String> reasons = skipped.stream().sorted(Comparator.comparingInt(Skip::number))
                .map(skip -> "record " + skip.number() + ": " + skip.reason()).toList();
        return new ImportReport(file.getFileName().toString(), counts[0], counts[1], counts[2], reasons);
    }

    /** @return records imported, items imported, records already there */
    private int[] store(Connection connection, List<Parsed> parsed, List<Skip> skipped) throws SQLException {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        int imported = 0;
        int itemCount = 0;
        int already = 0;
        for (Parsed record : parsed) {
            Biblio.Builder builder = mapping.fromMarc(record.record());
            if (builder.title() == null || builder.title().equals("(no title)")) {
                skipped.add(new Skip(record.number(), "no title (245 $a)"));
                continue;
            }
            String marcxml = marcxml(record.record());
            if (builder.sourceId() == null) {
                // no 999$c and no 001: recognise the record by its content when it is imported again
                builder.sourceId("sha1:" + sha1(marcxml));
            }
            Biblio biblio = builder.source("marcxml").marcxml(marcxml).creationDate(today).updatedAt(now).build();
            if (biblio.sourceId() != null && Jdbc.count(connection,
                    "SELECT COUNT(*) FROM biblios WHERE source = 'marcxml' AND source_id = ? AND NOT deleted",
                    List.of(biblio.sourceId())) > 0) {
                already++;
                continue;
            }
            Savepoint savepoint = connection.setSavepoint();
            try {
                int biblioId = biblios.insert(connection, biblio);
                for (VariableField field : record.record().getVariableFields("952")) {
                    if (field instanceof DataField data) {
                        String problem = storeItem(connection, data, biblioId, biblio.itemType(), now);
                        if (problem == null) {
                            itemCount++;
                        } else {
                            skipped.add(new Skip(record.number(), "item skipped: " + problem));
                        }
                    }
                }
                connection.releaseSavepoint(savepoint);
                imported++;
            } catch (SQLException e) {
                connection.rollback(savepoint);
                skipped.add(new Skip(record.number(), "cannot be stored: " + e.getMessage()));
            }
        }
        return new int[] {imported, itemCount, already};
    }

    /** Koha's 952 subfields: a home, b holding, c location, o call number, p barcode, y item type … */
    private String storeItem(Connection connection, DataField field, int biblioId, String recordItemType,
                             Instant now) throws SQLException {
        String home = value(field, 'a');
        String holding = value(field, 'b');
        if (home == null && holding == null) {
            return "no home library (952 $a)";
        }
        home = home == null ? holding : home;
        holding = holding == null ? home : holding;
        String barcode = value(field, 'p');
        if (barcode != null && items.barcodeExists(connection, barcode)) {
            return "barcode " + barcode + " already exists";
        }
        libraries.ensureExists(connection, home);
        libraries.ensureExists(connection, holding);
        String itemType = value(field, 'y');
        Item item = Item.of(null, biblioId, barcode, home, holding, value(field, 'o'), value(field, 'c'),
                        itemType == null ? recordItemType : itemType, number(field, '7'), now)
                .withStatuses(number(field, '1'), number(field, '0'), number(field, '4'))
                .withDetails(value(field, '8'), value(field, 't'), value(field, 'h'), value(field, 'z'));
        items.insert(connection, item);
        return null;
    }

    private static String value(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        if (subfield == null || subfield.getData() == null || subfield.getData().isBlank()) {
            return null;
        }
        return subfield.getData().strip();
    }

    private static int number(DataField field, char code) {
        String value = value(field, code);
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String marcxml(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MarcXmlWriter.writeSingleRecord(record, out, false, false);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code "line 6, column 29: An invalid XML character …"} in file lines, or {@code null} when well-formed. */
    private static String wellFormednessProblem(SAXParserFactory factory, MarcXmlChunker.Chunk chunk) {
        try {
            SAXParser parser = factory.newSAXParser();
            // a handler that throws instead of the parser's default of printing "[Fatal Error]" to stderr
            parser.parse(new InputSource(new StringReader(chunk.document())), new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return null;
        } catch (SAXParseException e) {
            int line = chunk.line() + Math.max(e.getLineNumber(), 1) - 1;
            return "line " + line + ", column " + e.getColumnNumber() + ": " + e.getMessage();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return e.getMessage();
        }
    }

    private static SAXParserFactory saxFactory() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser supports secure processing", e);
        }
        return factory;
    }

    private static String decode(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.US_ASCII);
        Matcher matcher = ENCODING.matcher(head);
        Charset charset = StandardCharsets.UTF_8;
        if (matcher.find()) {
            try {
                charset = Charset.forName(matcher.group(1));
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        String text = new String(bytes, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private record Parsed(int number, Record record) {
    }

    private record Skip(int number, String reason) {
    }
}
